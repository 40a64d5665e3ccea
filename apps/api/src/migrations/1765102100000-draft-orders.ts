import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statuses RefundsReturns1765101600000 left (docs/api.md#refunds-and-returns added `returned`). */
const STATUSES_BEFORE = `'pending', 'processing', 'shipped', 'delivered', 'returned', 'cancelled'`;
/** docs/api.md#orders-payments-and-invoices: `draft` before `pending` */
const STATUSES = `'draft', ${STATUSES_BEFORE}`;

/**
 * The revenue trigger of RevenueDays1764100010000 (unchanged since: refunds have a trigger of their
 * own, RefundsReturns1765101600000's `record_refund_change`), with `excluded` as the statuses of
 * orders and in-store sales that count nowhere.
 */
const revenueFunction = (excluded: string) => `
  CREATE OR REPLACE FUNCTION record_revenue_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    channel text := TG_ARGV[0];
    old_row jsonb;
    new_row jsonb;
  BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
    INSERT INTO revenue_changes (day, channel, revenue, records, gross_profit)
    SELECT c.day, channel, sum(c.sign * c.total), sum(c.sign), sum(c.sign * c.profit)
      FROM (SELECT -1 AS sign, r FROM (SELECT old_row AS r) o WHERE r IS NOT NULL
            UNION ALL
            SELECT 1, r FROM (SELECT new_row AS r) n WHERE r IS NOT NULL) s
     CROSS JOIN LATERAL (
       SELECT s.sign,
              ((COALESCE(s.r ->> 'placed_at', s.r ->> 'sold_at'))::timestamptz AT TIME ZONE 'UTC')::date AS day,
              (s.r ->> 'total')::bigint AS total,
              (s.r ->> 'subtotal')::bigint - COALESCE(s.r ->> 'discount_total', s.r ->> 'discount')::bigint
                - (s.r ->> 'cost_of_goods')::bigint AS profit) c
     WHERE s.r ->> 'status' NOT IN (${excluded})
     GROUP BY c.day
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total) <> 0 OR sum(c.sign * c.profit) <> 0;
    RETURN NULL;
  END $$`;

/**
 * The view of RefundsReturns1765101600000 (revenue, records, gross profit and refunds per day and
 * channel), with `excluded` as the statuses of orders and in-store sales that count nowhere. A
 * draft is never paid (a constraint below), so it has no refunds to leave out.
 */
const revenueView = (excluded: string) => `
  CREATE OR REPLACE VIEW revenue_by_day AS
  SELECT day, channel, sum(revenue)::bigint AS revenue, sum(records)::integer AS records,
         sum(gross_profit)::bigint AS gross_profit, sum(refunds)::bigint AS refunds
    FROM (SELECT (placed_at AT TIME ZONE 'UTC')::date AS day, 'online'::text AS channel, total::bigint AS revenue, 1 AS records,
                 (subtotal - discount_total - cost_of_goods)::bigint AS gross_profit, 0::bigint AS refunds
            FROM orders WHERE status NOT IN (${excluded})
          UNION ALL
          SELECT (sold_at AT TIME ZONE 'UTC')::date, 'offline', total, 1, subtotal - discount - cost_of_goods, 0
            FROM offline_sales WHERE status NOT IN (${excluded})
          UNION ALL
          SELECT (refunded_at AT TIME ZONE 'UTC')::date,
                 CASE WHEN order_id IS NOT NULL THEN 'online' WHEN offline_sale_id IS NOT NULL THEN 'offline' ELSE 'services' END,
                 0, 0, profit_effect, amount
            FROM refunds WHERE status = 'succeeded' AND NOT record_cancelled) r
   GROUP BY day, channel`;

/**
 * Draft orders and order editing (docs/api.md#draft-orders-and-order-editing). A draft is an order
 * row with status `draft`: no number (it is given at placing, so the series has no gaps), no
 * invoice, no payment, no stock taken, and it counts in no report (the revenue trigger and view
 * skip it; refunds keep their own trigger and column). An order line remembers whether staff
 * overrode its price (a draft's other lines are priced again when it is placed). Editing a placed
 * order moves stock with the reason `order_edited` (already allowed by RefundsReturns1765101600000)
 * and revises its invoice (`revision` + 1, same number). Order lines join the audit log, under
 * their order, so an edit shows each line before and after.
 */
export class DraftOrders1765102100000 implements MigrationInterface {
  name = 'DraftOrders1765102100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES}))`);
    await db.query(`ALTER TABLE orders ALTER COLUMN number DROP NOT NULL`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_numbered_unless_draft CHECK ((status = 'draft') = (number IS NULL))`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_draft_has_no_invoice CHECK (status <> 'draft' OR (invoice_id IS NULL AND paid_amount = 0))`);
    await db.query(`ALTER TABLE order_lines ADD COLUMN price_overridden boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE invoices ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1)`);
    await db.query(revenueFunction(`'cancelled', 'draft'`));
    await db.query(revenueView(`'cancelled', 'draft'`));
    await db.query(
      `CREATE TRIGGER order_lines_audit AFTER INSERT OR UPDATE OR DELETE ON order_lines
       FOR EACH ROW EXECUTE FUNCTION audit_row('order-lines', 'id', 'orders', 'order_id')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS order_lines_audit ON order_lines`);
    await db.query(`DELETE FROM orders WHERE status = 'draft'`);
    await db.query(revenueView(`'cancelled'`));
    await db.query(revenueFunction(`'cancelled'`));
    await db.query(`ALTER TABLE invoices DROP COLUMN revision`);
    await db.query(`ALTER TABLE order_lines DROP COLUMN price_overridden`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_draft_has_no_invoice`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_numbered_unless_draft`);
    await db.query(`ALTER TABLE orders ALTER COLUMN number SET NOT NULL`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES_BEFORE}))`);
  }
}
