import type { MigrationInterface, QueryRunner } from 'typeorm';

const PAYMENT_STATUSES = `'unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded'`;
const PAYMENT_METHODS = `'cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'`;

/**
 * The view of DraftOrders1765102100000 (revenue, records, gross profit and refunds per day and
 * channel), with completed bookings as the `services` channel (by completion date, gross profit
 * their subtotal) when `withServices`.
 */
const revenueView = (withServices: boolean) => `
  CREATE OR REPLACE VIEW revenue_by_day AS
  SELECT day, channel, sum(revenue)::bigint AS revenue, sum(records)::integer AS records,
         sum(gross_profit)::bigint AS gross_profit, sum(refunds)::bigint AS refunds
    FROM (SELECT (placed_at AT TIME ZONE 'UTC')::date AS day, 'online'::text AS channel, total::bigint AS revenue, 1 AS records,
                 (subtotal - discount_total - cost_of_goods)::bigint AS gross_profit, 0::bigint AS refunds
            FROM orders WHERE status NOT IN ('cancelled', 'draft')
          UNION ALL
          SELECT (sold_at AT TIME ZONE 'UTC')::date, 'offline', total, 1, subtotal - discount - cost_of_goods, 0
            FROM offline_sales WHERE status NOT IN ('cancelled', 'draft')
          UNION ALL
          ${
            withServices
              ? `SELECT (completed_at AT TIME ZONE 'UTC')::date, 'services', total, 1, subtotal, 0
            FROM bookings WHERE status = 'completed'
          UNION ALL`
              : ''
          }
          SELECT (refunded_at AT TIME ZONE 'UTC')::date,
                 CASE WHEN order_id IS NOT NULL THEN 'online' WHEN offline_sale_id IS NOT NULL THEN 'offline' ELSE 'services' END,
                 0, 0, profit_effect, amount
            FROM refunds WHERE status = 'succeeded' AND NOT record_cancelled) r
   GROUP BY day, channel`;

/**
 * Paid services and bookings across channels (docs/api.md#services-and-notifications, SPEC 17):
 *
 * - A booking belongs to an account (`customer_id`) or to an in-store customer
 *   (`offline_customer_id`), exactly one; it may be assigned to a staff member (`assignee_id`).
 *   The calendar lists by time, also per assignee: indexed.
 * - It has totals like a sale: `subtotal` (the price snapshot), the tax rate of its creation and its
 *   tax, `total`, `paid_amount` (never above the total, guarded here too), `payment_status`, and
 *   takes payments (`booking_payments`, audited under their booking). Existing bookings keep the
 *   price they were booked at as their total: tax 0, since none was charged on them (the rate a
 *   record was made with is the one it keeps; they were made without one).
 * - Completing a booking issues its invoice in the INV series (libs/invoices): `invoice_id` is
 *   reserved from the invoices' id sequence by the column default when the booking is completed
 *   (`SET invoice_id = DEFAULT`; new bookings write an explicit NULL), as orders reserve theirs, and
 *   the invoice points back with `booking_id`. Bookings completed before this have their invoice
 *   issued now (numbered in the current year, in completion order, unpaid: no payment of them was
 *   ever recorded), so that completed ⇔ invoiced holds for every booking.
 * - The revenue ledger counts completed bookings in the `services` channel by completion date
 *   (revenue their total, gross profit their subtotal), through a trigger like the orders' and
 *   sales' one, and the days of the bookings completed so far are added now.
 */
export class PaidServices1765102800000 implements MigrationInterface {
  name = 'PaidServices1765102800000';

  async up(db: QueryRunner): Promise<void> {
    const [{ sequence }] = await db.query(`SELECT pg_get_serial_sequence('invoices', 'id') AS sequence`);

    await db.query(`
      ALTER TABLE bookings
        ALTER COLUMN customer_id DROP NOT NULL,
        ADD COLUMN offline_customer_id integer REFERENCES offline_customers (id) ON DELETE RESTRICT,
        ADD COLUMN assignee_id integer REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN subtotal integer,
        ADD COLUMN tax_rate_bps integer NOT NULL DEFAULT 0,
        ADD COLUMN tax_total integer NOT NULL DEFAULT 0,
        ADD COLUMN total integer,
        ADD COLUMN paid_amount integer NOT NULL DEFAULT 0,
        ADD COLUMN payment_status text NOT NULL DEFAULT 'unpaid',
        ADD COLUMN invoice_id integer UNIQUE`);
    await db.query(`UPDATE bookings SET subtotal = price, total = price`);
    await db.query(`
      ALTER TABLE bookings
        ALTER COLUMN subtotal SET NOT NULL,
        ALTER COLUMN total SET NOT NULL,
        ADD CONSTRAINT bookings_one_customer CHECK (num_nonnulls(customer_id, offline_customer_id) = 1),
        ADD CONSTRAINT bookings_totals CHECK (subtotal >= 0 AND tax_total >= 0 AND tax_rate_bps BETWEEN 0 AND 10000 AND total = subtotal + tax_total),
        ADD CONSTRAINT bookings_paid_within_total CHECK (paid_amount BETWEEN 0 AND total),
        ADD CONSTRAINT bookings_refunded_within_paid CHECK (status = 'cancelled' OR refunded_amount <= paid_amount),
        ADD CONSTRAINT bookings_payment_status_check CHECK (payment_status IN (${PAYMENT_STATUSES}))`);
    await db.query(`CREATE INDEX bookings_assignee_scheduled_idx ON bookings (assignee_id, scheduled_at, id) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX bookings_offline_customer_idx ON bookings (offline_customer_id, scheduled_at DESC) WHERE offline_customer_id IS NOT NULL`);
    await db.query(`CREATE INDEX bookings_completed_idx ON bookings (completed_at) WHERE status = 'completed'`);
    await db.query(`CREATE INDEX bookings_payment_status_idx ON bookings (payment_status) WHERE payment_status IN ('unpaid', 'partially_paid')`);

    await db.query(`
      CREATE TABLE booking_payments (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        booking_id integer NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
        amount integer NOT NULL CHECK (amount > 0),
        method text NOT NULL CHECK (method IN (${PAYMENT_METHODS})),
        reference text,
        refunded_amount integer NOT NULL DEFAULT 0,
        paid_at timestamptz NOT NULL DEFAULT now(),
        recorded_by_id integer REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT booking_payments_refunded_amount_check CHECK (refunded_amount BETWEEN 0 AND amount)
      )`);
    await db.query(`CREATE INDEX booking_payments_booking_idx ON booking_payments (booking_id, id)`);
    await db.query(
      `CREATE TRIGGER booking_payments_audit AFTER INSERT OR UPDATE OR DELETE ON booking_payments
       FOR EACH ROW EXECUTE FUNCTION audit_row('booking-payments', 'id', 'bookings', 'booking_id')`,
    );

    // invoices of bookings
    await db.query(`
      ALTER TABLE invoices
        ALTER COLUMN order_id DROP NOT NULL,
        ALTER COLUMN order_number DROP NOT NULL,
        ADD COLUMN booking_id integer UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
        ADD CONSTRAINT invoices_one_record CHECK (num_nonnulls(order_id, booking_id) = 1)`);
    await db.query(`CREATE INDEX credit_notes_invoice_idx ON credit_notes (invoice_id) WHERE invoice_id IS NOT NULL`);

    // the bookings completed so far get their invoice now, in completion order, in this year's series
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM bookings WHERE status = 'completed'`);
    if (n > 0) {
      const [{ year }] = await db.query(`SELECT extract(year FROM now() AT TIME ZONE 'UTC')::int AS year`);
      const [{ last }] = await db.query(
        `INSERT INTO document_counters (kind, year, last) VALUES ('invoice', $1, $2)
         ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + EXCLUDED.last RETURNING last`,
        [year, n],
      );
      await db.query(`UPDATE bookings SET invoice_id = nextval('${sequence}'::regclass) WHERE status = 'completed'`);
      await db.query(
        `INSERT INTO invoices (id, number, booking_id, issued_at, bill_to, lines, currency, subtotal, discount_total, shipping_total,
                               tax_rate_bps, tax_total, total, paid_amount, payment_status)
         OVERRIDING SYSTEM VALUE
         SELECT b.invoice_id,
                'INV-' || $1 || '-' || lpad((($2::int - $3::int) + row_number() OVER (ORDER BY b.completed_at, b.id))::text, 6, '0'),
                b.id, now(),
                jsonb_build_object('name', COALESCE(NULLIF(p.full_name, ''), u.email), 'email', u.email, 'line1', b.address, 'line2', NULL,
                                   'city', '', 'postalCode', '', 'country', '', 'phone', p.phone),
                jsonb_build_array(jsonb_build_object('productId', NULL, 'variantId', NULL, 'productName', b.service_name, 'sku', '',
                                  'attributes', '{}'::jsonb, 'unitPrice', b.subtotal, 'quantity', 1, 'lineTotal', b.subtotal, 'shippingCost', 0)),
                (SELECT currency FROM settings WHERE id = 1), b.subtotal, 0, 0, b.tax_rate_bps, b.tax_total, b.total, b.paid_amount, b.payment_status
           FROM bookings b JOIN users u ON u.id = b.customer_id LEFT JOIN profiles p ON p.user_id = b.customer_id
          WHERE b.status = 'completed'`,
        [year, last, n],
      );
    }
    await db.query(`ALTER TABLE bookings ALTER COLUMN invoice_id SET DEFAULT nextval('${sequence}'::regclass)`);
    await db.query(`ALTER TABLE bookings ADD CONSTRAINT bookings_invoiced_when_completed CHECK ((status = 'completed') = (invoice_id IS NOT NULL))`);

    // the revenue ledger: completed bookings, by completion date
    await db.query(`
      CREATE FUNCTION record_booking_revenue_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO revenue_changes (day, channel, revenue, records, gross_profit)
        SELECT c.day, 'services', sum(c.sign * c.total), sum(c.sign), sum(c.sign * c.subtotal)
          FROM (SELECT -1 AS sign, OLD AS r WHERE TG_OP <> 'INSERT'
                UNION ALL
                SELECT 1, NEW WHERE TG_OP <> 'DELETE') s
         CROSS JOIN LATERAL (
           SELECT s.sign, ((s.r).completed_at AT TIME ZONE 'UTC')::date AS day, (s.r).total::bigint AS total, (s.r).subtotal::bigint AS subtotal) c
         WHERE (s.r).status = 'completed'
         GROUP BY c.day
        HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total) <> 0 OR sum(c.sign * c.subtotal) <> 0;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER bookings_revenue AFTER INSERT OR DELETE OR UPDATE OF status, completed_at, total, subtotal ON bookings
      FOR EACH ROW EXECUTE FUNCTION record_booking_revenue_change()`);
    await db.query(revenueView(true));
    await db.query(`
      INSERT INTO revenue_days (day, channel, revenue, records, gross_profit, refunds)
      SELECT (completed_at AT TIME ZONE 'UTC')::date, 'services', sum(total), count(*), sum(subtotal), 0
        FROM bookings WHERE status = 'completed' GROUP BY 1
      ON CONFLICT (day, channel) DO UPDATE
         SET revenue = revenue_days.revenue + EXCLUDED.revenue,
             records = revenue_days.records + EXCLUDED.records,
             gross_profit = revenue_days.gross_profit + EXCLUDED.gross_profit`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(revenueView(false));
    await db.query(`DROP TRIGGER IF EXISTS bookings_revenue ON bookings`);
    await db.query(`DROP FUNCTION IF EXISTS record_booking_revenue_change()`);
    // the services channel keeps only the refunds of bookings, as before
    await db.query(`DELETE FROM revenue_changes WHERE channel = 'services'`);
    await db.query(`DELETE FROM revenue_days WHERE channel = 'services'`);
    await db.query(`INSERT INTO revenue_days (day, channel, revenue, records, gross_profit, refunds) SELECT * FROM revenue_by_day WHERE channel = 'services'`);
    await db.query(`ALTER TABLE bookings DROP CONSTRAINT IF EXISTS bookings_invoiced_when_completed`);
    await db.query(`ALTER TABLE bookings ALTER COLUMN invoice_id DROP DEFAULT`);
    await db.query(`DELETE FROM invoices WHERE booking_id IS NOT NULL`);
    await db.query(`DROP INDEX IF EXISTS credit_notes_invoice_idx`);
    await db.query(`
      ALTER TABLE invoices
        DROP CONSTRAINT IF EXISTS invoices_one_record,
        DROP COLUMN booking_id,
        ALTER COLUMN order_id SET NOT NULL,
        ALTER COLUMN order_number SET NOT NULL`);
    await db.query(`DROP TABLE IF EXISTS booking_payments`);
    // the indexes on dropped columns go with them
    await db.query(`DROP INDEX IF EXISTS bookings_completed_idx`);
    await db.query(`DELETE FROM bookings WHERE customer_id IS NULL`);
    await db.query(`
      ALTER TABLE bookings
        DROP CONSTRAINT IF EXISTS bookings_one_customer,
        DROP CONSTRAINT IF EXISTS bookings_totals,
        DROP CONSTRAINT IF EXISTS bookings_paid_within_total,
        DROP CONSTRAINT IF EXISTS bookings_refunded_within_paid,
        DROP CONSTRAINT IF EXISTS bookings_payment_status_check,
        DROP COLUMN offline_customer_id,
        DROP COLUMN assignee_id,
        DROP COLUMN subtotal,
        DROP COLUMN tax_rate_bps,
        DROP COLUMN tax_total,
        DROP COLUMN total,
        DROP COLUMN paid_amount,
        DROP COLUMN payment_status,
        DROP COLUMN invoice_id,
        ALTER COLUMN customer_id SET NOT NULL`);
  }
}
