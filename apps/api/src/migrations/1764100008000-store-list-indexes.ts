import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The store's hottest query (active products of a category, by price or name): partial indexes measured by the bench. */
export class StoreListIndexes1764100008000 implements MigrationInterface {
  name = 'StoreListIndexes1764100008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX products_active_category_price_idx ON products (category_id, price, id) WHERE is_active`);
    await db.query(`CREATE INDEX products_active_category_name_idx ON products (category_id, name, id) WHERE is_active`);
    await db.query(
      `CREATE INDEX orders_unpaid_idx ON orders (payment_status) INCLUDE (total, paid_amount) WHERE status <> 'cancelled' AND payment_status IN ('unpaid', 'partially_paid')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['products_active_category_price_idx', 'products_active_category_name_idx', 'orders_unpaid_idx'])
      await db.query(`DROP INDEX IF EXISTS ${index}`);
  }
}
