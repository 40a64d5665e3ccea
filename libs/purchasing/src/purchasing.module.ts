import { Module } from '@nestjs/common';
import { SettingsModule } from '@chance/settings';
import { AdminPurchaseInvoicesController, AdminPurchasesController, AdminSuppliersController } from './admin-purchasing.controller.js';
import { PurchaseInvoicesService } from './purchase-invoices.service.js';
import { PurchasesService } from './purchases.service.js';
import { SuppliersService } from './suppliers.service.js';

@Module({
  imports: [SettingsModule],
  controllers: [AdminSuppliersController, AdminPurchasesController, AdminPurchaseInvoicesController],
  providers: [SuppliersService, PurchasesService, PurchaseInvoicesService],
  exports: [PurchasesService],
})
export class PurchasingModule {}
