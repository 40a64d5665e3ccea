import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-store customers, sales with snapshot lines and partial payments (docs/api.md#in-store-sales). */
export class OfflineSales1764100005000 implements MigrationInterface {
  name = 'OfflineSales1764100005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE offline_customers (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        phone text NOT NULL,
        email text,
        address text,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX offline_customers_name_idx ON offline_customers (lower(name))`);
    await db.query(`CREATE INDEX offline_customers_name_trgm_idx ON offline_customers USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX offline_customers_phone_idx ON offline_customers (phone)`);
    await db.query(`CREATE SEQUENCE offline_sale_number_seq`);
    await db.query(`
      CREATE TABLE offline_sales (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE,
        customer_id integer NOT NULL REFERENCES offline_customers (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'cancelled')),
        sold_at timestamptz NOT NULL DEFAULT now(),
        subtotal integer NOT NULL CHECK (subtotal >= 0),
        discount integer NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= subtotal),
        tax_rate_bps integer NOT NULL CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        tax_total integer NOT NULL CHECK (tax_total >= 0),
        total integer NOT NULL CHECK (total = subtotal - discount + tax_total),
        paid_amount integer NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
        payment_status text NOT NULL CHECK (payment_status IN ('unpaid', 'partially_paid', 'paid')),
        created_by_id integer REFERENCES users (id) ON DELETE SET NULL,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offline_sales_paid_within_total CHECK (paid_amount <= total)
      )`);
    await db.query(`CREATE INDEX offline_sales_sold_idx ON offline_sales (sold_at DESC, id DESC)`);
    await db.query(`CREATE INDEX offline_sales_customer_idx ON offline_sales (customer_id, sold_at DESC)`);
    await db.query(`CREATE INDEX offline_sales_payment_status_idx ON offline_sales (payment_status, sold_at DESC)`);
    await db.query(`CREATE INDEX offline_sales_status_idx ON offline_sales (status, sold_at DESC)`);
    await db.query(`
      CREATE TABLE offline_sale_lines (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sale_id integer NOT NULL REFERENCES offline_sales (id) ON DELETE CASCADE,
        product_id integer NOT NULL,
        variant_id integer NOT NULL,
        product_name text NOT NULL,
        sku text NOT NULL,
        attributes jsonb NOT NULL,
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        cost_price integer NOT NULL CHECK (cost_price >= 0),
        quantity integer NOT NULL CHECK (quantity > 0),
        line_total integer NOT NULL CHECK (line_total = unit_price * quantity)
      )`);
    await db.query(`CREATE INDEX offline_sale_lines_sale_idx ON offline_sale_lines (sale_id, id)`);
    await db.query(`
      CREATE TABLE offline_sale_payments (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sale_id integer NOT NULL REFERENCES offline_sales (id) ON DELETE CASCADE,
        amount integer NOT NULL CHECK (amount > 0),
        method text NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery')),
        paid_at timestamptz NOT NULL DEFAULT now(),
        note text,
        recorded_by_id integer REFERENCES users (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX offline_sale_payments_sale_idx ON offline_sale_payments (sale_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['offline_sale_payments', 'offline_sale_lines', 'offline_sales', 'offline_customers']) await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DROP SEQUENCE IF EXISTS offline_sale_number_seq`);
  }
}
