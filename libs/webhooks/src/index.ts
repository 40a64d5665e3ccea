export * from './webhooks.module.js';
export { WEBHOOK_ENTITIES } from './webhook.entities.js';
export { WebhookDispatcher } from './webhook-dispatcher.js';
export { SUBSCRIBABLE_EVENTS, DELIVERED_EVENTS, PING } from './webhook-events.js';
export { signatureHeader, verifySignature, SIGNATURE_HEADER, EVENT_ID_HEADER } from './webhook-signature.js';
export { isPublicAddress } from './address-guard.js';
export type * from './webhooks.events.js';
