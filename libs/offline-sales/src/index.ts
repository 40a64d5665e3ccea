export * from './offline-sales.module.js';
export { OFFLINE_SALES_ENTITIES } from './offline-sales.entities.js';
export type * from './offline-sales.events.js';
export { OfflineSalesService } from './offline-sales.service.js';
export { SaleRefunds, type RefundableSale } from './sale-refunds.js';
export { OfflineSaleView } from './dto/offline-sales.dto.js';
export { offlineCustomerContact, type OfflineCustomerContact } from './offline-customer-directory.js';
