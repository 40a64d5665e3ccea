import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every stock movement reason (docs/api.md#catalog-and-stock). */
const STOCK_REASONS = [
  'initial',
  'adjustment',
  'order_placed',
  'order_cancelled',
  'order_edited',
  'offline_sale',
  'offline_sale_cancelled',
  'purchase_received',
  'return_restocked',
  'stock_count',
];

/**
 * Catalog media and bulk work (docs/api.md#catalog-media): product images (files in MEDIA_DIR, named by a
 * random key, so a URL never changes meaning), a variant's own image, the thumbnail each order and
 * in-store sale line snapshots, stock counts with their lines, and the `stock_count` movement reason.
 */
export class CatalogMedia1765102000000 implements MigrationInterface {
  name = 'CatalogMedia1765102000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE product_images (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        file_key text NOT NULL UNIQUE CHECK (file_key ~ '^[0-9a-f]{32}$'),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        alt text NOT NULL DEFAULT '' CHECK (length(alt) <= 500),
        position integer NOT NULL CHECK (position >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (product_id, id)
      )`);
    await db.query(`CREATE INDEX product_images_product_idx ON product_images (product_id, position, id)`);
    // a variant's image is one of its own product's; deleting the image leaves the variant without one
    await db.query(`ALTER TABLE variants ADD COLUMN image_id integer`);
    await db.query(
      `ALTER TABLE variants ADD CONSTRAINT variants_image_fkey FOREIGN KEY (product_id, image_id)
         REFERENCES product_images (product_id, id) ON DELETE SET NULL (image_id)`,
    );
    await db.query(`CREATE INDEX variants_image_idx ON variants (image_id) WHERE image_id IS NOT NULL`);

    // the import finds products by name (and categories by name, already indexed)
    await db.query(`CREATE INDEX products_lower_name_idx ON products (lower(name))`);

    await db.query(`ALTER TABLE order_lines ADD COLUMN thumbnail_url text`);
    await db.query(`ALTER TABLE offline_sale_lines ADD COLUMN thumbnail_url text`);

    await db.query(`ALTER TABLE stock_movements DROP CONSTRAINT IF EXISTS stock_movements_reason_check`);
    await db.query(
      `ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN (${STOCK_REASONS.map((r) => `'${r}'`).join(', ')}))`,
    );

    await db.query(`
      CREATE TABLE stock_counts (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
        started_at timestamptz,
        created_by_id integer REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (started_at IS NULL OR started_at <= created_at)
      )`);
    await db.query(`CREATE INDEX stock_counts_created_idx ON stock_counts (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE stock_count_lines (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        count_id integer NOT NULL REFERENCES stock_counts (id) ON DELETE CASCADE,
        variant_id integer REFERENCES variants (id) ON DELETE SET NULL,
        product_id integer NOT NULL,
        product_name text NOT NULL,
        sku text NOT NULL,
        attributes jsonb NOT NULL,
        expected integer NOT NULL CHECK (expected >= 0),
        counted integer NOT NULL CHECK (counted >= 0),
        delta integer NOT NULL CHECK (delta = counted - expected),
        stock_before integer NOT NULL CHECK (stock_before >= 0),
        stock_after integer NOT NULL CHECK (stock_after >= 0 AND stock_after = stock_before + delta)
      )`);
    await db.query(`CREATE INDEX stock_count_lines_count_idx ON stock_count_lines (count_id, id)`);
    await db.query(`CREATE INDEX stock_count_lines_variant_idx ON stock_count_lines (variant_id)`);
    await db.query(
      `CREATE TRIGGER stock_counts_audit AFTER INSERT OR UPDATE OR DELETE ON stock_counts
       FOR EACH ROW EXECUTE FUNCTION audit_row('stock-counts', 'id', '', '')`,
    );
    await db.query(
      `CREATE TRIGGER product_images_audit AFTER INSERT OR UPDATE OR DELETE ON product_images
       FOR EACH ROW EXECUTE FUNCTION audit_row('product-images', 'id', 'products', 'product_id')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS stock_count_lines`);
    await db.query(`DROP TABLE IF EXISTS stock_counts`);
    // the widened reason check stays: movements recorded with the new reasons remain part of the ledger
    await db.query(`ALTER TABLE offline_sale_lines DROP COLUMN IF EXISTS thumbnail_url`);
    await db.query(`ALTER TABLE order_lines DROP COLUMN IF EXISTS thumbnail_url`);
    await db.query(`ALTER TABLE variants DROP COLUMN IF EXISTS image_id`);
    await db.query(`DROP TABLE IF EXISTS product_images`);
    await db.query(`DROP INDEX IF EXISTS products_lower_name_idx`);
  }
}
