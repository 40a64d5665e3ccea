import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revenue per UTC day and channel, kept as a ledger: a trigger on orders and in-store sales
 * appends each change to what counts as revenue (a record placed, cancelled, or its figures
 * changed) to `revenue_changes`, an insert that contends with nothing; a scheduled job folds the
 * changes into one row per day and channel (`revenue_days`). Reports read the days plus the
 * changes not folded yet: a year is ~730 rows, always equal to the live aggregate.
 */
export class RevenueDays1764100010000 implements MigrationInterface {
  name = 'RevenueDays1764100010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE revenue_days (
        day date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('online', 'offline')),
        revenue bigint NOT NULL,
        records integer NOT NULL,
        gross_profit bigint NOT NULL,
        PRIMARY KEY (day, channel)
      )`);
    await db.query(`
      CREATE TABLE revenue_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        day date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('online', 'offline')),
        revenue bigint NOT NULL,
        records integer NOT NULL,
        gross_profit bigint NOT NULL
      )`);
    await db.query(`CREATE INDEX revenue_changes_day_idx ON revenue_changes (day)`);
    // one function for both tables: TG_ARGV names the channel; a record counts unless cancelled
    await db.query(`
      CREATE FUNCTION record_revenue_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
         WHERE s.r ->> 'status' <> 'cancelled'
         GROUP BY c.day
        HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total) <> 0 OR sum(c.sign * c.profit) <> 0;
        RETURN NULL;
      END $$`);
    for (const [table, channel, columns] of [
      ['orders', 'online', 'status, placed_at, total, subtotal, discount_total, cost_of_goods'],
      ['offline_sales', 'offline', 'status, sold_at, total, subtotal, discount, cost_of_goods'],
    ]) {
      await db.query(
        `CREATE TRIGGER ${table}_revenue AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON ${table}
         FOR EACH ROW EXECUTE FUNCTION record_revenue_change('${channel}')`,
      );
    }
    // the same figures computed from the records themselves: the backfill, the seed and the
    // invariant checker read them from here
    await db.query(`
      CREATE VIEW revenue_by_day AS
      SELECT (placed_at AT TIME ZONE 'UTC')::date AS day, 'online'::text AS channel, sum(total)::bigint AS revenue,
             count(*)::integer AS records, sum(subtotal - discount_total - cost_of_goods)::bigint AS gross_profit
        FROM orders WHERE status <> 'cancelled' GROUP BY 1
      UNION ALL
      SELECT (sold_at AT TIME ZONE 'UTC')::date, 'offline', sum(total), count(*), sum(subtotal - discount - cost_of_goods)
        FROM offline_sales WHERE status <> 'cancelled' GROUP BY 1`);
    await db.query(`INSERT INTO revenue_days (day, channel, revenue, records, gross_profit) SELECT * FROM revenue_by_day`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS orders_revenue ON orders`);
    await db.query(`DROP TRIGGER IF EXISTS offline_sales_revenue ON offline_sales`);
    await db.query(`DROP FUNCTION IF EXISTS record_revenue_change()`);
    await db.query(`DROP VIEW IF EXISTS revenue_by_day`);
    await db.query(`DROP TABLE IF EXISTS revenue_changes`);
    await db.query(`DROP TABLE IF EXISTS revenue_days`);
  }
}
