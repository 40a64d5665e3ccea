import { Module } from '@nestjs/common';
import { SettingsModule } from '@chance/settings';
import { AdminCategoriesController, AdminProductsController, AdminStockController } from './admin-catalog.controller.js';
import { AdminProductTransferController } from './admin-product-transfer.controller.js';
import { ProductExportService } from './product-export.service.js';
import { ProductImportService } from './product-import.service.js';
import { CategoriesService } from './categories.service.js';
import { ProductEditorService } from './product-editor.service.js';
import { ProductImagesService } from './product-images.service.js';
import { ProductMedia } from './product-media.js';
import { ProductsService } from './products.service.js';
import { StockCountsService } from './stock-counts.service.js';
import { StockService } from './stock.service.js';
import { StoreCatalogController } from './store-catalog.controller.js';

@Module({
  imports: [SettingsModule],
  controllers: [AdminCategoriesController, AdminProductsController, AdminProductTransferController, AdminStockController, StoreCatalogController],
  providers: [
    CategoriesService,
    ProductsService,
    ProductEditorService,
    ProductImagesService,
    ProductMedia,
    StockService,
    StockCountsService,
    ProductImportService,
    ProductExportService,
  ],
  exports: [ProductsService],
})
export class CatalogModule {}
