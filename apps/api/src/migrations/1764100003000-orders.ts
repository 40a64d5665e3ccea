import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders with snapshot lines, payments, invoices, idempotency keys and gapless document numbers (docs/api.md#checkout, #orders-payments-and-invoices). */
export class Orders1764100003000 implements MigrationInterface {
  name = 'Orders1764100003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_counters (
        kind text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (kind, year)
      )`);
    await db.query(`CREATE SEQUENCE order_number_seq`);
    await db.query(`
      CREATE TABLE orders (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE,
        customer_id integer REFERENCES users (id) ON DELETE SET NULL,
        email text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled')),
        payment_status text NOT NULL CHECK (payment_status IN ('unpaid', 'partially_paid', 'paid', 'refunded')),
        payment_method text NOT NULL CHECK (payment_method IN ('cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery')),
        coupon_id integer REFERENCES coupons (id) ON DELETE SET NULL,
        coupon_code text,
        subtotal integer NOT NULL CHECK (subtotal >= 0),
        discount_total integer NOT NULL CHECK (discount_total >= 0 AND discount_total <= subtotal),
        shipping_total integer NOT NULL CHECK (shipping_total >= 0),
        tax_rate_bps integer NOT NULL CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        tax_total integer NOT NULL CHECK (tax_total >= 0),
        total integer NOT NULL CHECK (total = subtotal - discount_total + shipping_total + tax_total),
        paid_amount integer NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
        refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
        shipping_address jsonb NOT NULL,
        estimated_delivery_date date NOT NULL,
        access_token_hash text,
        cart_id integer,
        invoice_id integer,
        placed_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CONSTRAINT orders_paid_within_total CHECK (paid_amount <= total)
      )`);
    await db.query(`CREATE INDEX orders_status_placed_idx ON orders (status, placed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX orders_payment_status_placed_idx ON orders (payment_status, placed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX orders_placed_idx ON orders (placed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC)`);
    await db.query(`CREATE INDEX orders_email_idx ON orders (lower(email))`);
    await db.query(`CREATE INDEX orders_number_trgm_idx ON orders USING gin (number gin_trgm_ops)`);
    await db.query(`CREATE INDEX orders_email_trgm_idx ON orders USING gin (email gin_trgm_ops)`);
    await db.query(`ALTER TABLE coupon_redemptions ADD CONSTRAINT coupon_redemptions_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE`);
    await db.query(`
      CREATE TABLE order_lines (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        product_id integer NOT NULL,
        variant_id integer NOT NULL,
        product_name text NOT NULL,
        sku text NOT NULL,
        attributes jsonb NOT NULL,
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        cost_price integer NOT NULL CHECK (cost_price >= 0),
        shipping_cost integer NOT NULL CHECK (shipping_cost >= 0),
        estimated_delivery_days integer NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        line_total integer NOT NULL CHECK (line_total = unit_price * quantity)
      )`);
    await db.query(`CREATE INDEX order_lines_order_idx ON order_lines (order_id, id)`);
    await db.query(`CREATE INDEX order_lines_variant_idx ON order_lines (variant_id)`);
    await db.query(`
      CREATE TABLE payments (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        amount integer NOT NULL CHECK (amount > 0),
        method text NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery')),
        reference text,
        status text NOT NULL DEFAULT 'succeeded' CHECK (status IN ('succeeded', 'refunded')),
        paid_at timestamptz NOT NULL DEFAULT now(),
        refunded_at timestamptz,
        recorded_by_id integer REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX payments_order_idx ON payments (order_id, id)`);
    await db.query(`CREATE INDEX payments_paid_at_idx ON payments (paid_at DESC, id DESC)`);
    await db.query(`CREATE INDEX payments_method_idx ON payments (method, paid_at DESC)`);
    await db.query(`
      CREATE TABLE invoices (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL CHECK (number ~ '^INV-[0-9]{4}-[0-9]{6}$'),
        order_id integer NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
        order_number text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        bill_to jsonb NOT NULL,
        lines jsonb NOT NULL,
        currency char(3) NOT NULL,
        subtotal integer NOT NULL,
        discount_total integer NOT NULL,
        shipping_total integer NOT NULL,
        tax_rate_bps integer NOT NULL,
        tax_total integer NOT NULL,
        total integer NOT NULL,
        paid_amount integer NOT NULL DEFAULT 0 CHECK (paid_amount <= total),
        payment_status text NOT NULL CHECK (payment_status IN ('unpaid', 'partially_paid', 'paid', 'refunded'))
      )`);
    await db.query(`CREATE UNIQUE INDEX invoices_number_key ON invoices (number)`);
    await db.query(`CREATE INDEX invoices_issued_idx ON invoices (issued_at DESC, id DESC)`);
    await db.query(`CREATE INDEX invoices_payment_status_idx ON invoices (payment_status, issued_at DESC)`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE coupon_redemptions DROP CONSTRAINT IF EXISTS coupon_redemptions_order_fk`);
    for (const table of ['idempotency_keys', 'invoices', 'payments', 'order_lines', 'orders', 'document_counters'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DROP SEQUENCE IF EXISTS order_number_seq`);
  }
}
