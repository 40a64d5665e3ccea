import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'pending', 'processing', 'shipped', 'delivered', 'cancelled'`;
/** docs/api.md#orders-payments-and-invoices: `draft` before `pending`, `returned` after `delivered` (kept here so the list is whole) */
const STATUSES = `'draft', 'pending', 'processing', 'shipped', 'delivered', 'cancelled', 'returned'`;
const REASONS_BEFORE = `'initial', 'adjustment', 'order_placed', 'order_cancelled', 'offline_sale', 'offline_sale_cancelled', 'purchase_received'`;
/** every reason of docs/api.md#catalog-and-stock */
const REASONS = `${REASONS_BEFORE}, 'order_edited', 'return_restocked', 'stock_count'`;

/** The revenue trigger of RevenueDays1764100010000, with `excluded` as the statuses that count nowhere. */
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

const revenueView = (excluded: string) => `
  CREATE OR REPLACE VIEW revenue_by_day AS
  SELECT (placed_at AT TIME ZONE 'UTC')::date AS day, 'online'::text AS channel, sum(total)::bigint AS revenue,
         count(*)::integer AS records, sum(subtotal - discount_total - cost_of_goods)::bigint AS gross_profit
    FROM orders WHERE status NOT IN (${excluded}) GROUP BY 1
  UNION ALL
  SELECT (sold_at AT TIME ZONE 'UTC')::date, 'offline', sum(total), count(*), sum(subtotal - discount - cost_of_goods)
    FROM offline_sales WHERE status NOT IN (${excluded}) GROUP BY 1`;

/**
 * Draft orders and order editing (docs/api.md#draft-orders-and-order-editing). A draft is an order
 * row with status `draft`: no number (it is given at placing, so the series has no gaps), no
 * invoice, no stock taken, and it counts in no report (the revenue trigger and view skip it). An
 * order line remembers whether staff overrode its price (a draft's other lines are priced again
 * when it is placed). Editing a placed order moves stock with the reason `order_edited` and
 * revises its invoice (`revision` + 1, same number). Order lines join the audit log, under
 * their order, so an edit shows each line before and after.
 */
export class DraftOrders1765101700000 implements MigrationInterface {
  name = 'DraftOrders1765101700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES}))`);
    await db.query(`ALTER TABLE orders ALTER COLUMN number DROP NOT NULL`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_numbered_unless_draft CHECK ((status = 'draft') = (number IS NULL))`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_draft_has_no_invoice CHECK (status <> 'draft' OR (invoice_id IS NULL AND paid_amount = 0))`);
    await db.query(`ALTER TABLE order_lines ADD COLUMN price_overridden boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check`);
    await db.query(`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN (${REASONS}))`);
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
    await db.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check`);
    await db.query(`ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN (${REASONS_BEFORE}))`);
    await db.query(`ALTER TABLE order_lines DROP COLUMN price_overridden`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_draft_has_no_invoice`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_numbered_unless_draft`);
    await db.query(`ALTER TABLE orders ALTER COLUMN number SET NOT NULL`);
    await db.query(`ALTER TABLE orders DROP CONSTRAINT orders_status_check`);
    await db.query(`ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${STATUSES_BEFORE}))`);
  }
}
