import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings of in-store customers in their account's figures (docs/api.md#customers).
 *
 * Customers1765102700000 counts a booking in the account of its customer, or of the in-store
 * customer it is for (`booking_account`), but it was written before bookings could name an in-store
 * customer (PaidServices1765102800000 adds `bookings.offline_customer_id`). Two functions read the
 * bookings' columns directly and now follow them too:
 * - `relink_customer_figures`: linking, relinking or unlinking an in-store customer moves the
 *   figures of its bookings with those of its sales;
 * - `customer_last_activity`: an in-store customer's bookings are its account's activity.
 * The figures are then summed again from the records, for bookings made before this migration.
 */
export class CustomerBookings1765102900000 implements MigrationInterface {
  name = 'CustomerBookings1765102900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION customer_last_activity(account integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT max(at) FROM (
          SELECT max(o.placed_at) AS at FROM orders o WHERE o.customer_id = account AND o.status <> 'draft'
          UNION ALL
          SELECT max(s.sold_at) FROM offline_sales s JOIN offline_customers c ON c.id = s.customer_id WHERE c.user_id = account
          UNION ALL
          SELECT max(b.created_at) FROM bookings b WHERE b.customer_id = account
          UNION ALL
          SELECT max(b.created_at) FROM bookings b JOIN offline_customers c ON c.id = b.offline_customer_id WHERE c.user_id = account) x
      $$`);
    await db.query(
      relink(`
          SELECT f.* FROM offline_sales s CROSS JOIN LATERAL customer_record_figures('sale', to_jsonb(s)) f WHERE s.customer_id = linked
          UNION ALL
          SELECT f.* FROM bookings b CROSS JOIN LATERAL customer_record_figures('booking', to_jsonb(b)) f WHERE b.offline_customer_id = linked`),
    );
    await db.query(`SELECT recompute_customer_account(c.user_id) FROM offline_customers c
                     WHERE c.user_id IS NOT NULL AND EXISTS (SELECT 1 FROM bookings b WHERE b.offline_customer_id = c.id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION customer_last_activity(account integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT max(at) FROM (
          SELECT max(o.placed_at) AS at FROM orders o WHERE o.customer_id = account AND o.status <> 'draft'
          UNION ALL
          SELECT max(s.sold_at) FROM offline_sales s JOIN offline_customers c ON c.id = s.customer_id WHERE c.user_id = account
          UNION ALL
          SELECT max(b.created_at) FROM bookings b WHERE b.customer_id = account) x
      $$`);
    await db.query(
      relink(`
          SELECT f.* FROM offline_sales s CROSS JOIN LATERAL customer_record_figures('sale', to_jsonb(s)) f WHERE s.customer_id = linked`),
    );
  }
}

/** The relink trigger's function, moving the figures of `records` (the linked in-store customer's). */
function relink(records: string): string {
  return `
      CREATE OR REPLACE FUNCTION relink_customer_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      -- An in-store customer linked, relinked or unlinked (or deleted): the figures of its sales and
      -- bookings leave the old account and join the new one, and each account names its linked
      -- in-store customer.
      DECLARE
        moved record;
        linked integer;
        old_account integer;
        new_account integer;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_account := OLD.user_id; linked := OLD.id; END IF;
        IF TG_OP <> 'DELETE' THEN new_account := NEW.user_id; linked := NEW.id; END IF;
        IF old_account IS NOT DISTINCT FROM new_account THEN RETURN NULL; END IF;
        SELECT COALESCE(sum(f.orders), 0)::int AS orders, COALESCE(sum(f.sales), 0)::int AS sales, COALESCE(sum(f.bookings), 0)::int AS bookings,
               COALESCE(sum(f.value), 0)::bigint AS value, COALESCE(sum(f.outstanding), 0)::bigint AS outstanding, max(f.activity) AS activity
          INTO moved
          FROM (${records}) f;
        IF old_account IS NOT NULL THEN
          UPDATE customer_accounts SET offline_customer_id = NULL WHERE user_id = old_account AND offline_customer_id = linked;
          PERFORM shift_customer_figures(old_account, -moved.orders, -moved.sales, -moved.bookings, -moved.value, -moved.outstanding, NULL, moved.activity);
        END IF;
        IF new_account IS NOT NULL THEN
          UPDATE customer_accounts SET offline_customer_id = linked WHERE user_id = new_account;
          PERFORM shift_customer_figures(new_account, moved.orders, moved.sales, moved.bookings, moved.value, moved.outstanding, moved.activity, NULL);
        END IF;
        RETURN NULL;
      END $$`;
}
