export * from './purchasing.module.js';
export { PURCHASING_ENTITIES } from './purchasing.entities.js';
export type * from './purchasing.events.js';
export { PurchasesService } from './purchases.service.js';
