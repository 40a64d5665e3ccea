import type { EntityManager } from 'typeorm';

/*
 * The one catalog of domain events, in two parts by when their handlers run. Core declares both
 * maps empty; each library adds the events it raises in its own `*.events.ts` by declaration
 * merging, so no library imports another to name, raise or handle an event:
 *
 *   declare module '@chance/core' {
 *     interface OutboxEvents { 'order.placed': OrderPlaced }
 *     interface TransactionEvents { 'order.placed': OrderPlacedInTransaction }
 *   }
 *
 * `publish`, `DomainEventBus.raise`, the relay's handlers and `@OnTransactionEvent` listeners are
 * typed by these maps: an unknown name, or a payload that does not match, fails `npm run typecheck`.
 */

/**
 * After commit, through the outbox (notifications now; e-mail and webhooks next): event name →
 * payload. The payload is stored as JSON, so it holds numbers, strings, booleans, null, arrays
 * and plain objects only (an instant is an ISO string). The names are the webhook event types of
 * the API (`order.placed`, `stock.low`, ...); events only the back office uses have names of the
 * same `<record>.<what happened>` form (`message.sent`, `user.created`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface OutboxEvents {}

/**
 * Inside the raising transaction, through `@nestjs/event-emitter` (consistency: the invoice follows
 * its order): event name → payload. Listeners get the raising transaction's EntityManager with it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface TransactionEvents {}

export type OutboxEventName = keyof OutboxEvents & string;
export type TransactionEventName = keyof TransactionEvents & string;

/** A committed outbox event as the relay hands it over; for a union of names, the union of their events (narrow on `type`). */
export type OutboxEvent<K extends OutboxEventName = OutboxEventName> = K extends OutboxEventName
  ? { id: number; type: K; payload: OutboxEvents[K]; occurredAt: Date }
  : never;

/** An in-transaction event as a listener gets it: the raising transaction's manager beside the payload. */
export interface TransactionEvent<K extends TransactionEventName> {
  name: K;
  /** the raising transaction: every read and write of the listener goes through it */
  manager: EntityManager;
  payload: TransactionEvents[K];
}
