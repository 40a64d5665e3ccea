import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers across channels, walk-in sales and coupons at the counter (docs/api.md#customers).
 *
 * - `customer_accounts` (libs/identity): one row per user (made by a trigger on users, so no path
 *   that creates a user can forget it), with the staff's `notes`, the linked in-store customer and
 *   the account's figures — counts, lifetime value, outstanding balance, last activity — MAINTAINED
 *   in the same transaction as every change to an order, an in-store sale, a booking or a link, by
 *   row triggers (as the revenue ledger's): no write path can forget them, and the list sorts on
 *   indexed columns instead of summing a million orders per request. Unlike the revenue ledger
 *   (append, then fold), the figures are updated in place (`x = x + delta` under the row's lock):
 *   the sorts need the current value in an index, and a customer's row is hot only for that
 *   customer's own concurrent changes. The invariant checker compares them with the records.
 * - What one record adds to its account's figures is said once, in `customer_record_figures`;
 *   what a booking's money is (total, paid, refunded), in `booking_money` (the one fragment paid
 *   services point at their columns).
 * - `offline_customers.user_id`: an in-store customer linked to at most one account (unique);
 *   linking, relinking or unlinking moves its sales' figures between accounts.
 * - In-store sales: `customer_id` may be null (a walk-in sale, paid in full at once: a CHECK), and
 *   a sale may carry a coupon (`coupon_id`, `coupon_code`, its discount in `discount`); coupon
 *   redemptions belong to an order or an in-store sale, and remember the in-store customer (their
 *   per-customer limit).
 */
export class Customers1765102700000 implements MigrationInterface {
  name = 'Customers1765102700000';

  async up(db: QueryRunner): Promise<void> {
    // in-store customers linked to accounts; walk-in sales; coupons at the counter
    await db.query(`ALTER TABLE offline_customers ADD COLUMN user_id integer UNIQUE REFERENCES users (id) ON DELETE SET NULL`);
    await db.query(`
      ALTER TABLE offline_sales
        ALTER COLUMN customer_id DROP NOT NULL,
        ADD COLUMN coupon_id integer REFERENCES coupons (id) ON DELETE RESTRICT,
        ADD COLUMN coupon_code text,
        ADD CONSTRAINT offline_sales_walk_in_paid CHECK (customer_id IS NOT NULL OR status = 'cancelled' OR paid_amount = total),
        ADD CONSTRAINT offline_sales_coupon_code CHECK ((coupon_id IS NULL) = (coupon_code IS NULL))`);
    await db.query(`
      ALTER TABLE coupon_redemptions
        ALTER COLUMN order_id DROP NOT NULL,
        ALTER COLUMN email DROP NOT NULL,
        ADD COLUMN offline_sale_id integer REFERENCES offline_sales (id) ON DELETE CASCADE,
        ADD COLUMN offline_customer_id integer,
        ADD CONSTRAINT coupon_redemptions_one_record CHECK (num_nonnulls(order_id, offline_sale_id) = 1),
        ADD CONSTRAINT coupon_redemptions_once_per_sale UNIQUE (coupon_id, offline_sale_id)`);
    await db.query(
      `CREATE INDEX coupon_redemptions_offline_customer_idx ON coupon_redemptions (coupon_id, offline_customer_id) WHERE cancelled_at IS NULL AND offline_customer_id IS NOT NULL`,
    );

    // search by name, e-mail and phone at 50,000 customers
    await db.query(`CREATE INDEX users_email_trgm_idx ON users USING gin (email gin_trgm_ops)`);
    await db.query(`CREATE INDEX profiles_full_name_trgm_idx ON profiles USING gin (full_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX profiles_phone_trgm_idx ON profiles USING gin (phone gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE customer_accounts (
        user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        notes text,
        offline_customer_id integer UNIQUE,
        orders_count integer NOT NULL DEFAULT 0 CHECK (orders_count >= 0),
        offline_sales_count integer NOT NULL DEFAULT 0 CHECK (offline_sales_count >= 0),
        bookings_count integer NOT NULL DEFAULT 0 CHECK (bookings_count >= 0),
        lifetime_value bigint NOT NULL DEFAULT 0,
        outstanding_balance bigint NOT NULL DEFAULT 0 CHECK (outstanding_balance >= 0),
        last_activity_at timestamptz
      )`);
    for (const column of ['lifetime_value', 'outstanding_balance', 'last_activity_at', 'orders_count']) {
      await db.query(`CREATE INDEX customer_accounts_${column}_idx ON customer_accounts (${column}, user_id)`);
    }
    await db.query(`INSERT INTO customer_accounts (user_id) SELECT id FROM users`);
    await db.query(`
      CREATE FUNCTION create_customer_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_accounts (user_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER users_customer_account AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION create_customer_account()`);
    // staff notes are audited under the customers resource (the figures, maintained by triggers, are not)
    await db.query(
      `CREATE TRIGGER customer_accounts_audit AFTER UPDATE OF notes ON customer_accounts
       FOR EACH ROW EXECUTE FUNCTION audit_row('customers', 'user_id', '', '')`,
    );

    await db.query(BOOKING_MONEY);
    await db.query(BOOKING_ACCOUNT);
    await db.query(`
      CREATE FUNCTION customer_record_figures(kind text, r jsonb,
        OUT orders integer, OUT sales integer, OUT bookings integer, OUT value bigint, OUT outstanding bigint, OUT activity timestamptz)
      RETURNS SETOF record LANGUAGE plpgsql IMMUTABLE AS $$
      -- What one order, in-store sale or booking adds to its account's figures (docs/api.md#customers):
      -- drafts count nowhere; a cancelled record adds no count, value or balance but stays activity;
      -- value = total − refunded (orders and sales not cancelled, bookings completed);
      -- outstanding = the balance still due (total − paid) of a record not cancelled.
      DECLARE
        status text := r ->> 'status';
        counted boolean;
        valued boolean;
        total bigint;
        paid bigint;
        refunded bigint;
      BEGIN
        IF r IS NULL OR status = 'draft' THEN RETURN; END IF;
        counted := status <> 'cancelled';
        IF kind = 'booking' THEN
          SELECT m.total, m.paid, m.refunded INTO total, paid, refunded FROM booking_money(r) m;
          valued := status = 'completed';
          activity := (r ->> 'created_at')::timestamptz;
        ELSE
          total := (r ->> 'total')::bigint;
          paid := (r ->> 'paid_amount')::bigint;
          refunded := (r ->> 'refunded_amount')::bigint;
          valued := counted;
          activity := (r ->> CASE kind WHEN 'order' THEN 'placed_at' ELSE 'sold_at' END)::timestamptz;
        END IF;
        orders := CASE WHEN kind = 'order' AND counted THEN 1 ELSE 0 END;
        sales := CASE WHEN kind = 'sale' AND counted THEN 1 ELSE 0 END;
        bookings := CASE WHEN kind = 'booking' AND counted THEN 1 ELSE 0 END;
        value := CASE WHEN valued THEN total - refunded ELSE 0 END;
        outstanding := CASE WHEN counted THEN greatest(total - paid, 0) ELSE 0 END;
        RETURN NEXT;
      END $$`);
    await db.query(`
      CREATE FUNCTION customer_last_activity(account integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT max(at) FROM (
          SELECT max(o.placed_at) AS at FROM orders o WHERE o.customer_id = account AND o.status <> 'draft'
          UNION ALL
          SELECT max(s.sold_at) FROM offline_sales s JOIN offline_customers c ON c.id = s.customer_id WHERE c.user_id = account
          UNION ALL
          SELECT max(b.created_at) FROM bookings b WHERE b.customer_id = account) x
      $$`);
    await db.query(`
      CREATE FUNCTION shift_customer_figures(account integer, d_orders integer, d_sales integer, d_bookings integer, d_value bigint,
                                             d_outstanding bigint, added timestamptz, removed timestamptz) RETURNS void LANGUAGE plpgsql AS $$
      -- Adds the deltas to the account's figures under its row lock. Activity only grows as records
      -- come; when one leaves (deleted, or moved to another account) it is found again from the records.
      BEGIN
        IF account IS NULL THEN RETURN; END IF;
        UPDATE customer_accounts a
           SET orders_count = a.orders_count + d_orders,
               offline_sales_count = a.offline_sales_count + d_sales,
               bookings_count = a.bookings_count + d_bookings,
               lifetime_value = a.lifetime_value + d_value,
               outstanding_balance = a.outstanding_balance + d_outstanding,
               last_activity_at = CASE WHEN removed IS NOT NULL AND (added IS NULL OR added < removed) THEN customer_last_activity(account)
                                       ELSE greatest(a.last_activity_at, added) END
         WHERE a.user_id = account;
      END $$`);
    await db.query(`
      CREATE FUNCTION record_customer_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      -- After a change to an order, in-store sale or booking (TG_ARGV[0]: its kind): takes the old
      -- row's figures from its account and adds the new row's to its account, in this transaction.
      DECLARE
        kind text := TG_ARGV[0];
        old_row jsonb;
        new_row jsonb;
        d record;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
        IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
        FOR d IN
          SELECT account, sum(sign * f.orders)::int AS orders, sum(sign * f.sales)::int AS sales, sum(sign * f.bookings)::int AS bookings,
                 sum(sign * f.value)::bigint AS value, sum(sign * f.outstanding)::bigint AS outstanding,
                 max(f.activity) FILTER (WHERE sign = 1) AS added, max(f.activity) FILTER (WHERE sign = -1) AS removed
            FROM (SELECT -1 AS sign, customer_record_account(kind, old_row) AS account, old_row AS r
                  UNION ALL
                  SELECT 1, customer_record_account(kind, new_row), new_row) c
           CROSS JOIN LATERAL customer_record_figures(kind, c.r) f
           WHERE c.account IS NOT NULL
           GROUP BY account
          HAVING sum(sign * f.orders) <> 0 OR sum(sign * f.sales) <> 0 OR sum(sign * f.bookings) <> 0 OR sum(sign * f.value) <> 0
              OR sum(sign * f.outstanding) <> 0 OR max(f.activity) FILTER (WHERE sign = 1) IS DISTINCT FROM max(f.activity) FILTER (WHERE sign = -1)
        LOOP
          PERFORM shift_customer_figures(d.account, d.orders, d.sales, d.bookings, d.value, d.outstanding, d.added, d.removed);
        END LOOP;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION customer_record_account(kind text, r jsonb) RETURNS integer LANGUAGE sql AS $$
        -- Whose figures a record counts in: an order's and a booking's account, an in-store sale's
        -- linked account. The in-store customer's row is share-locked, so a link changing at the same
        -- time waits for this transaction (and this one for it): the figures move with every change.
        SELECT CASE kind
                 WHEN 'order' THEN (r ->> 'customer_id')::integer
                 WHEN 'sale' THEN (SELECT c.user_id FROM offline_customers c WHERE c.id = (r ->> 'customer_id')::integer FOR SHARE)
                 ELSE booking_account(r) END
      $$`);
    await db.query(`
      CREATE FUNCTION relink_customer_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      -- An in-store customer linked, relinked or unlinked (or deleted): its sales' figures leave the
      -- old account and join the new one, and each account names its linked in-store customer.
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
          FROM offline_sales s CROSS JOIN LATERAL customer_record_figures('sale', to_jsonb(s)) f
         WHERE s.customer_id = linked;
        IF old_account IS NOT NULL THEN
          UPDATE customer_accounts SET offline_customer_id = NULL WHERE user_id = old_account AND offline_customer_id = linked;
          PERFORM shift_customer_figures(old_account, -moved.orders, -moved.sales, -moved.bookings, -moved.value, -moved.outstanding, NULL, moved.activity);
        END IF;
        IF new_account IS NOT NULL THEN
          UPDATE customer_accounts SET offline_customer_id = linked WHERE user_id = new_account;
          PERFORM shift_customer_figures(new_account, moved.orders, moved.sales, moved.bookings, moved.value, moved.outstanding, moved.activity, NULL);
        END IF;
        RETURN NULL;
      END $$`);

    await db.query(`
      CREATE FUNCTION recompute_customer_account(account integer) RETURNS void LANGUAGE plpgsql AS $$
      -- A repair (docs/operations.md): the account's figures summed again from its records, under its row lock.
      BEGIN
        PERFORM 1 FROM customer_accounts WHERE user_id = account FOR UPDATE;
        UPDATE customer_accounts a
           SET orders_count = x.orders, offline_sales_count = x.sales, bookings_count = x.bookings, lifetime_value = x.value,
               outstanding_balance = x.outstanding, last_activity_at = x.activity,
               offline_customer_id = (SELECT c.id FROM offline_customers c WHERE c.user_id = account)
          FROM (SELECT COALESCE(sum(f.orders), 0)::int AS orders, COALESCE(sum(f.sales), 0)::int AS sales, COALESCE(sum(f.bookings), 0)::int AS bookings,
                       COALESCE(sum(f.value), 0)::bigint AS value, COALESCE(sum(f.outstanding), 0)::bigint AS outstanding, max(f.activity) AS activity
                  FROM (SELECT 'order' AS kind, to_jsonb(o) AS r FROM orders o WHERE o.customer_id = account
                        UNION ALL
                        SELECT 'sale', to_jsonb(s) FROM offline_sales s JOIN offline_customers c ON c.id = s.customer_id WHERE c.user_id = account
                        UNION ALL
                        SELECT 'booking', to_jsonb(b) FROM bookings b WHERE booking_account(to_jsonb(b)) = account) c
                 CROSS JOIN LATERAL customer_record_figures(c.kind, c.r) f) x
         WHERE a.user_id = account;
      END $$`);
    await db.query(`
      CREATE TRIGGER orders_customer_figures
      AFTER INSERT OR DELETE OR UPDATE OF status, customer_id, total, paid_amount, refunded_amount, placed_at ON orders
      FOR EACH ROW EXECUTE FUNCTION record_customer_figures('order')`);
    await db.query(`
      CREATE TRIGGER offline_sales_customer_figures
      AFTER INSERT OR DELETE OR UPDATE OF status, customer_id, total, paid_amount, refunded_amount, sold_at ON offline_sales
      FOR EACH ROW EXECUTE FUNCTION record_customer_figures('sale')`);
    // every column: what a booking's money is lives in booking_money, whichever columns that reads
    await db.query(`
      CREATE TRIGGER bookings_customer_figures AFTER INSERT OR DELETE OR UPDATE ON bookings
      FOR EACH ROW EXECUTE FUNCTION record_customer_figures('booking')`);
    await db.query(`
      CREATE TRIGGER offline_customers_customer_figures AFTER INSERT OR DELETE OR UPDATE OF user_id ON offline_customers
      FOR EACH ROW EXECUTE FUNCTION relink_customer_figures()`);

    // the figures of the records that exist (set-based: one pass over each table)
    await db.query(`
      UPDATE customer_accounts a
         SET orders_count = x.orders, offline_sales_count = x.sales, bookings_count = x.bookings, lifetime_value = x.value,
             outstanding_balance = x.outstanding, last_activity_at = x.activity
        FROM (SELECT account, sum(f.orders)::int AS orders, sum(f.sales)::int AS sales, sum(f.bookings)::int AS bookings,
                     sum(f.value)::bigint AS value, sum(f.outstanding)::bigint AS outstanding, max(f.activity) AS activity
                FROM (SELECT 'order' AS kind, o.customer_id AS account, to_jsonb(o) AS r FROM orders o WHERE o.customer_id IS NOT NULL
                      UNION ALL
                      SELECT 'booking', booking_account(to_jsonb(b)), to_jsonb(b) FROM bookings b) c
               CROSS JOIN LATERAL customer_record_figures(c.kind, c.r) f
               GROUP BY account) x
       WHERE a.user_id = x.account`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['orders_customer_figures', 'orders'],
      ['offline_sales_customer_figures', 'offline_sales'],
      ['bookings_customer_figures', 'bookings'],
      ['offline_customers_customer_figures', 'offline_customers'],
      ['users_customer_account', 'users'],
    ])
      await db.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    for (const fn of [
      'relink_customer_figures()',
      'recompute_customer_account(integer)',
      'record_customer_figures()',
      'customer_record_account(text, jsonb)',
      'shift_customer_figures(integer, integer, integer, integer, bigint, bigint, timestamptz, timestamptz)',
      'customer_last_activity(integer)',
      'customer_record_figures(text, jsonb)',
      'booking_account(jsonb)',
      'booking_money(jsonb)',
      'create_customer_account()',
    ])
      await db.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await db.query(`DROP TABLE IF EXISTS customer_accounts`);
    for (const index of ['users_email_trgm_idx', 'profiles_full_name_trgm_idx', 'profiles_phone_trgm_idx']) await db.query(`DROP INDEX IF EXISTS ${index}`);
    await db.query(`DELETE FROM coupon_redemptions WHERE offline_sale_id IS NOT NULL`);
    await db.query(`
      ALTER TABLE coupon_redemptions
        DROP CONSTRAINT coupon_redemptions_once_per_sale,
        DROP CONSTRAINT coupon_redemptions_one_record,
        DROP COLUMN offline_customer_id,
        DROP COLUMN offline_sale_id`);
    await db.query(`UPDATE coupon_redemptions SET email = '' WHERE email IS NULL`);
    await db.query(`ALTER TABLE coupon_redemptions ALTER COLUMN email SET NOT NULL, ALTER COLUMN order_id SET NOT NULL`);
    await db.query(`
      ALTER TABLE offline_sales
        DROP CONSTRAINT offline_sales_coupon_code,
        DROP CONSTRAINT offline_sales_walk_in_paid,
        DROP COLUMN coupon_code,
        DROP COLUMN coupon_id`);
    await db.query(`ALTER TABLE offline_customers DROP COLUMN user_id`);
  }
}

/**
 * What a booking's money is: its total, what was paid and what was given back. Bookings take no
 * payments yet, so the total is the price snapshot and nothing is paid; once bookings have totals
 * and payments (paid services, docs/api.md#customers), `total` and `paid_amount` are read from
 * their columns. The one place the customers' figures and the invariant checker ask this.
 */
const BOOKING_MONEY = `
  CREATE FUNCTION booking_money(b jsonb, OUT total bigint, OUT paid bigint, OUT refunded bigint) LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE((b ->> 'total')::bigint, (b ->> 'price')::bigint), COALESCE((b ->> 'paid_amount')::bigint, 0), COALESCE((b ->> 'refunded_amount')::bigint, 0)
  $$`;

/**
 * Whose figures a booking counts in: its account, or (once bookings may belong to an in-store
 * customer, docs/api.md#customers) the account that in-store customer is linked to.
 */
const BOOKING_ACCOUNT = `
  CREATE FUNCTION booking_account(b jsonb) RETURNS integer LANGUAGE sql AS $$
    SELECT COALESCE((b ->> 'customer_id')::integer,
                    (SELECT c.user_id FROM offline_customers c WHERE c.id = (b ->> 'offline_customer_id')::integer FOR SHARE))
  $$`;
