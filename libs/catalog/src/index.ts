export * from './catalog.module.js';
export { CATALOG_ENTITIES } from './catalog.entities.js';
export { moveStock, STOCK_REASONS, type StockMove, type StockMoveContext, type StockMoveResult, type StockReason } from './stock-ledger.js';
export { variantSnapshots, variantsOfProducts, recordCostPrices, type VariantSnapshot } from './variants.js';
export { effectivePrices } from './catalog-rules.js';
export { ProductsService } from './products.service.js';
export type * from './catalog.events.js';
export { variantThumbnails } from './product-images.service.js';
