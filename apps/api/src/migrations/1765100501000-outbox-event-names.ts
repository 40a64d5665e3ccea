import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's events take the names of the typed event catalog, which are the webhook event
 * types of the API (`order.placed`, `order.updated`, `stock.low`, ...), and the payloads that
 * their new names carry (`change` of an order or booking update, `reason` of a product update).
 * Delivered events too: the invariant checker and reports look them up by name.
 */
const RENAMES: [from: string, to: string, extra: string][] = [
  ['orders.order_placed', `'order.placed'`, `'{}'`],
  ['orders.status_changed', `CASE WHEN payload ->> 'to' = 'cancelled' THEN 'order.cancelled' ELSE 'order.updated' END`, `'{"change": "status"}'`],
  ['orders.payment_status_changed', `'order.updated'`, `'{"change": "payment"}'`],
  ['catalog.price_dropped', `'product.updated'`, `'{"reason": "price_dropped"}'`],
  ['catalog.variant_back_in_stock', `'product.updated'`, `'{"reason": "back_in_stock"}'`],
  ['catalog.variant_low_stock', `'stock.low'`, `'{}'`],
  ['services.booking_created', `'booking.created'`, `'{}'`],
  ['services.booking_status_changed', `'booking.updated'`, `'{"change": "status"}'`],
  ['purchasing.purchase_received', `'purchase.received'`, `'{}'`],
  ['identity.user_created', `CASE WHEN payload ->> 'role' = 'customer' THEN 'customer.created' ELSE 'user.created' END`, `'{}'`],
  ['notifications.message', `'message.sent'`, `'{}'`],
];

export class OutboxEventNames1765100501000 implements MigrationInterface {
  name = 'OutboxEventNames1765100501000';

  async up(db: QueryRunner): Promise<void> {
    // one pass over the table: the type and payload of every old row from the CASE of its old name
    const when = (pick: (r: (typeof RENAMES)[number]) => string) => RENAMES.map((r) => `WHEN '${r[0]}' THEN ${pick(r)}`).join(' ');
    await db.query(
      `UPDATE outbox_events SET type = CASE type ${when((r) => r[1])} END, payload = payload || CASE type ${when((r) => `${r[2]}::jsonb`)} END
        WHERE type = ANY($1)`,
      [RENAMES.map((r) => r[0])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // events that had no old name (product edits, booking detail changes, in-store sales) go first
    await db.query(`
      DELETE FROM outbox_events
       WHERE type IN ('offline_sale.created', 'offline_sale.updated')
          OR (type = 'product.updated' AND payload ->> 'reason' = 'edited')
          OR (type = 'booking.updated' AND payload ->> 'change' = 'details')`);
    await db.query(`
      UPDATE outbox_events SET
        type = CASE
          WHEN type = 'order.placed' THEN 'orders.order_placed'
          WHEN type = 'order.cancelled' THEN 'orders.status_changed'
          WHEN type = 'order.updated' AND payload ->> 'change' = 'status' THEN 'orders.status_changed'
          WHEN type = 'order.updated' THEN 'orders.payment_status_changed'
          WHEN type = 'product.updated' AND payload ->> 'reason' = 'price_dropped' THEN 'catalog.price_dropped'
          WHEN type = 'product.updated' THEN 'catalog.variant_back_in_stock'
          WHEN type = 'stock.low' THEN 'catalog.variant_low_stock'
          WHEN type = 'booking.created' THEN 'services.booking_created'
          WHEN type = 'booking.updated' THEN 'services.booking_status_changed'
          WHEN type = 'purchase.received' THEN 'purchasing.purchase_received'
          WHEN type IN ('customer.created', 'user.created') THEN 'identity.user_created'
          ELSE 'notifications.message'
        END,
        payload = (payload - 'change' - 'reason') || CASE WHEN type = 'customer.created' THEN '{"role": "customer"}'::jsonb ELSE '{}'::jsonb END
       WHERE type IN ('order.placed', 'order.cancelled', 'order.updated', 'product.updated', 'stock.low', 'booking.created', 'booking.updated',
                      'purchase.received', 'customer.created', 'user.created', 'message.sent')`);
  }
}
