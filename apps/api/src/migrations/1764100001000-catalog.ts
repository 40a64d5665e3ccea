import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog: categories, products, variants and the stock ledger (docs/api.md#catalog-and-stock). */
export class Catalog1764100001000 implements MigrationInterface {
  name = 'Catalog1764100001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE categories (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        description text NOT NULL DEFAULT '',
        parent_id integer REFERENCES categories (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await db.query(`CREATE UNIQUE INDEX categories_slug_key ON categories (slug)`);
    await db.query(`CREATE INDEX categories_parent_idx ON categories (parent_id)`);
    await db.query(`CREATE INDEX categories_name_idx ON categories (lower(name))`);
    await db.query(`
      CREATE TABLE products (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        description text NOT NULL DEFAULT '',
        category_id integer NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
        price integer NOT NULL CHECK (price >= 0),
        cost_price integer NOT NULL DEFAULT 0 CHECK (cost_price >= 0),
        shipping_cost integer NOT NULL DEFAULT 0 CHECK (shipping_cost >= 0),
        estimated_delivery_days integer NOT NULL DEFAULT 3 CHECK (estimated_delivery_days BETWEEN 0 AND 365),
        is_active boolean NOT NULL DEFAULT true,
        low_stock_threshold integer CHECK (low_stock_threshold >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX products_slug_key ON products (slug)`);
    await db.query(`CREATE INDEX products_category_idx ON products (category_id, id)`);
    await db.query(`CREATE INDEX products_active_name_idx ON products (is_active, name, id)`);
    await db.query(`CREATE INDEX products_active_price_idx ON products (is_active, price, id)`);
    await db.query(`CREATE INDEX products_created_idx ON products (created_at, id)`);
    await db.query(`CREATE INDEX products_updated_idx ON products (updated_at, id)`);
    await db.query(`CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX products_slug_trgm_idx ON products USING gin (slug gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE variants (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 100),
        attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
        price integer CHECK (price >= 0),
        cost_price integer CHECK (cost_price >= 0),
        stock integer NOT NULL DEFAULT 0,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT variants_stock_not_negative CHECK (stock >= 0)
      )`);
    await db.query(`CREATE UNIQUE INDEX variants_sku_key ON variants (lower(sku))`);
    await db.query(`CREATE INDEX variants_product_idx ON variants (product_id, position, id)`);
    await db.query(`CREATE INDEX variants_sku_trgm_idx ON variants USING gin (sku gin_trgm_ops)`);
    await db.query(`
      CREATE TABLE stock_movements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
        delta integer NOT NULL CHECK (delta <> 0),
        reason text NOT NULL CHECK (reason IN ('initial', 'adjustment', 'order_placed', 'order_cancelled',
          'offline_sale', 'offline_sale_cancelled', 'purchase_received')),
        reference text,
        note text,
        created_by integer REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX stock_movements_variant_idx ON stock_movements (variant_id, id)`);
    await db.query(`CREATE INDEX stock_movements_created_idx ON stock_movements (created_at, id)`);
    await db.query(`CREATE INDEX stock_movements_reason_idx ON stock_movements (reason, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['stock_movements', 'variants', 'products', 'categories']) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
