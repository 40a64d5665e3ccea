import type { OutboxEventName } from '@chance/core';

/**
 * The event types an endpoint may subscribe to (docs/api.md#webhooks), which are the outbox catalog's
 * names (docs/architecture.md, "Events"). `ping` is not among them: it is sent on demand,
 * whatever the endpoint subscribes to.
 */
export const SUBSCRIBABLE_EVENTS = [
  'order.placed',
  'order.updated',
  'order.cancelled',
  'refund.created',
  'return.updated',
  'offline_sale.created',
  'offline_sale.updated',
  'booking.created',
  'booking.updated',
  'purchase.received',
  'product.updated',
  'stock.low',
  'customer.created',
] as const;

export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

/** The subscribable events the outbox carries to the endpoints, each with the record its `data` is (as the admin API shows it). */
export const DELIVERED_EVENTS = [
  'order.placed',
  'order.updated',
  'order.cancelled',
  'refund.created',
  'return.updated',
  'offline_sale.created',
  'offline_sale.updated',
  'booking.created',
  'booking.updated',
  'purchase.received',
  'product.updated',
  'stock.low',
  'customer.created',
] as const satisfies readonly (OutboxEventName & SubscribableEvent)[];

export type DeliveredEvent = (typeof DELIVERED_EVENTS)[number];

export const PING = 'ping';

/** The public id of an event (`Chance-Event-Id`, the body's `id`): stable across retries. */
export const publicEventId = (uuid: string): string => `evt_${uuid.replace(/-/g, '')}`;

/** The body of every delivery: `{id, type, createdAt, data}`, serialized once and signed as these exact bytes on every attempt. */
export function eventBody(id: string, type: string, createdAt: Date, data: unknown): string {
  return JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data });
}
