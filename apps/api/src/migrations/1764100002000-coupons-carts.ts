import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coupons with their redemptions (docs/api.md#coupons) and carts (docs/api.md#carts). */
export class CouponsCarts1764100002000 implements MigrationInterface {
  name = 'CouponsCarts1764100002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE coupons (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{2,50}$'),
        description text NOT NULL DEFAULT '',
        discount_type text NOT NULL CHECK (discount_type IN ('percentage', 'fixed')),
        discount_value integer NOT NULL CHECK (discount_value > 0),
        max_discount integer CHECK (max_discount >= 0),
        min_purchase integer CHECK (min_purchase >= 0),
        valid_from timestamptz,
        valid_to timestamptz,
        usage_limit integer CHECK (usage_limit >= 0),
        per_customer_limit integer CHECK (per_customer_limit >= 1),
        is_active boolean NOT NULL DEFAULT true,
        times_used integer NOT NULL DEFAULT 0 CHECK (times_used >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (discount_type <> 'percentage' OR discount_value <= 10000),
        CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
        CONSTRAINT coupons_usage_within_limit CHECK (usage_limit IS NULL OR times_used <= usage_limit)
      )`);
    await db.query(`CREATE UNIQUE INDEX coupons_code_key ON coupons (lower(code))`);
    await db.query(`CREATE INDEX coupons_active_idx ON coupons (is_active, id)`);
    await db.query(`CREATE INDEX coupons_valid_to_idx ON coupons (valid_to)`);
    await db.query(`
      CREATE TABLE coupon_redemptions (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        coupon_id integer NOT NULL REFERENCES coupons (id) ON DELETE RESTRICT,
        order_id integer NOT NULL,
        customer_id integer REFERENCES users (id) ON DELETE SET NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        UNIQUE (coupon_id, order_id)
      )`);
    await db.query(`CREATE INDEX coupon_redemptions_customer_idx ON coupon_redemptions (coupon_id, customer_id) WHERE cancelled_at IS NULL`);
    await db.query(`CREATE INDEX coupon_redemptions_email_idx ON coupon_redemptions (coupon_id, lower(email)) WHERE cancelled_at IS NULL`);
    await db.query(`
      CREATE TABLE carts (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id integer REFERENCES users (id) ON DELETE CASCADE,
        token_hash text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'checked_out')),
        coupon_id integer REFERENCES coupons (id) ON DELETE SET NULL,
        merged_into_id integer REFERENCES carts (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((customer_id IS NULL) <> (token_hash IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX carts_one_active_per_customer ON carts (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX carts_token_hash_key ON carts (token_hash) WHERE token_hash IS NOT NULL`);
    await db.query(`CREATE INDEX carts_status_updated_idx ON carts (status, updated_at, id)`);
    await db.query(`CREATE INDEX carts_guest_updated_idx ON carts (updated_at) WHERE customer_id IS NULL`);
    await db.query(`
      CREATE TABLE cart_items (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        cart_id integer NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        variant_id integer NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
        quantity integer NOT NULL CHECK (quantity > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cart_id, variant_id)
      )`);
    await db.query(`CREATE INDEX cart_items_variant_idx ON cart_items (variant_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['cart_items', 'carts', 'coupon_redemptions', 'coupons']) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
