import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each order and in-store sale keeps what its goods cost (Σ cost snapshot × quantity of its
 * lines) beside its totals, and covering indexes over the records that count as revenue: the
 * dashboard and the sales report then aggregate one index instead of joining every line.
 */
export class CostOfGoods1764100009000 implements MigrationInterface {
  name = 'CostOfGoods1764100009000';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, lines, key] of [
      ['orders', 'order_lines', 'order_id'],
      ['offline_sales', 'offline_sale_lines', 'sale_id'],
    ]) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN cost_of_goods bigint NOT NULL DEFAULT 0 CHECK (cost_of_goods >= 0)`);
      await db.query(
        `UPDATE ${table} t SET cost_of_goods = l.cost
           FROM (SELECT ${key}, sum(cost_price::bigint * quantity) AS cost FROM ${lines} GROUP BY ${key}) l
          WHERE l.${key} = t.id`,
      );
      // every writer states it from now on
      await db.query(`ALTER TABLE ${table} ALTER COLUMN cost_of_goods DROP DEFAULT`);
    }
    await db.query(
      `CREATE INDEX orders_revenue_idx ON orders (placed_at) INCLUDE (total, subtotal, discount_total, cost_of_goods) WHERE status <> 'cancelled'`,
    );
    await db.query(
      `CREATE INDEX offline_sales_revenue_idx ON offline_sales (sold_at) INCLUDE (total, subtotal, discount, cost_of_goods) WHERE status <> 'cancelled'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS orders_revenue_idx`);
    await db.query(`DROP INDEX IF EXISTS offline_sales_revenue_idx`);
    await db.query(`ALTER TABLE orders DROP COLUMN IF EXISTS cost_of_goods`);
    await db.query(`ALTER TABLE offline_sales DROP COLUMN IF EXISTS cost_of_goods`);
  }
}
