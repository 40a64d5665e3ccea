export * from './orders.module.js';
export { ORDER_ENTITIES } from './order.entities.js';
export { PaymentProvider, type ChargeRequest, type ChargeOutcome, type RefundRequest, type RefundOutcome } from './payment-provider.js';
export { OrderRefunds, type RefundableOrder, type PaymentDraw } from './order-refunds.js';
export { PaymentReconciliation, claimDuePending, reconcileIntervalMs } from './payment-reconciliation.js';
export { OrderReaderService, orderCredentials, type OrderCredentials } from './order-reader.service.js';
export { OrderLifecycleService } from './order-lifecycle.service.js';
export type * from './orders.events.js';
export { OrderView } from './dto/order.dto.js';
