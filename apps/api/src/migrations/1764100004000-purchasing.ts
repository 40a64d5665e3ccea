import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Suppliers, purchases and purchase invoices (docs/api.md#suppliers-and-purchases). */
export class Purchasing1764100004000 implements MigrationInterface {
  name = 'Purchasing1764100004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE suppliers (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        contact_name text NOT NULL DEFAULT '',
        email text,
        phone text,
        address text,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX suppliers_name_idx ON suppliers (lower(name))`);
    await db.query(`CREATE INDEX suppliers_name_trgm_idx ON suppliers USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE SEQUENCE purchase_number_seq`);
    await db.query(`
      CREATE TABLE purchases (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE,
        supplier_id integer NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
        status text NOT NULL CHECK (status IN ('draft', 'ordered', 'received', 'cancelled')),
        subtotal integer NOT NULL CHECK (subtotal >= 0),
        shipping_cost integer NOT NULL DEFAULT 0 CHECK (shipping_cost >= 0),
        tax_total integer NOT NULL DEFAULT 0 CHECK (tax_total >= 0),
        total integer NOT NULL CHECK (total = subtotal + shipping_cost + tax_total),
        notes text NOT NULL DEFAULT '',
        ordered_at timestamptz,
        received_at timestamptz,
        cancelled_at timestamptz,
        purchase_invoice_id integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX purchases_status_created_idx ON purchases (status, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX purchases_supplier_idx ON purchases (supplier_id, created_at DESC)`);
    await db.query(`CREATE INDEX purchases_created_idx ON purchases (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE purchase_lines (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        purchase_id integer NOT NULL REFERENCES purchases (id) ON DELETE CASCADE,
        variant_id integer NOT NULL,
        product_name text NOT NULL,
        sku text NOT NULL,
        attributes jsonb NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_cost integer NOT NULL CHECK (unit_cost >= 0),
        line_total integer NOT NULL CHECK (line_total = quantity * unit_cost)
      )`);
    await db.query(`CREATE INDEX purchase_lines_purchase_idx ON purchase_lines (purchase_id, id)`);
    await db.query(`CREATE INDEX purchase_lines_variant_idx ON purchase_lines (variant_id)`);
    await db.query(`
      CREATE TABLE purchase_invoices (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL CHECK (number ~ '^PINV-[0-9]{4}-[0-9]{6}$'),
        purchase_id integer NOT NULL UNIQUE REFERENCES purchases (id) ON DELETE CASCADE,
        purchase_number text NOT NULL,
        supplier_id integer NOT NULL,
        supplier jsonb NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        lines jsonb NOT NULL,
        currency char(3) NOT NULL,
        subtotal integer NOT NULL,
        shipping_cost integer NOT NULL,
        tax_total integer NOT NULL,
        total integer NOT NULL CHECK (total = subtotal + shipping_cost + tax_total),
        status text NOT NULL CHECK (status IN ('open', 'final', 'void'))
      )`);
    await db.query(`CREATE UNIQUE INDEX purchase_invoices_number_key ON purchase_invoices (number)`);
    await db.query(`CREATE INDEX purchase_invoices_issued_idx ON purchase_invoices (issued_at DESC, id DESC)`);
    await db.query(`CREATE INDEX purchase_invoices_supplier_idx ON purchase_invoices (supplier_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['purchase_invoices', 'purchase_lines', 'purchases', 'suppliers']) await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DROP SEQUENCE IF EXISTS purchase_number_seq`);
  }
}
