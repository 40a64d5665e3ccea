export * from './returns.module.js';
export { RETURNS_ENTITIES } from './returns.entities.js';
export { RefundReconciliation } from './refund-reconciliation.js';
export { ReturnsReader } from './returns-reader.js';
export type * from './returns.events.js';
export type { ReturnStatus } from './return-rules.js';
