export * from './orders.module.js';
export { ORDER_ENTITIES } from './order.entities.js';
export { PaymentProvider, type ChargeRequest, type ChargeOutcome } from './payment-provider.js';
export { PaymentReconciliation } from './payment-reconciliation.js';
export { OrderReaderService, type OrderCredentials } from './order-reader.service.js';
export { OrderLifecycleService } from './order-lifecycle.service.js';
export type * from './orders.events.js';
