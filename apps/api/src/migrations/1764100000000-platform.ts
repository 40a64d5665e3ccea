import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform: identity, settings, outbox, rate limits. */
export class Platform1764100000000 implements MigrationInterface {
  name = 'Platform1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'staff', 'customer')),
        is_active boolean NOT NULL DEFAULT true,
        email_verified_at timestamptz,
        phone_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await db.query(`CREATE INDEX users_role_idx ON users (role, id)`);
    await db.query(`CREATE INDEX users_created_at_idx ON users (created_at)`);
    await db.query(`
      CREATE TABLE profiles (
        user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        full_name text NOT NULL DEFAULT '',
        phone text,
        address text
      )`);
    await db.query(`CREATE INDEX profiles_full_name_idx ON profiles (lower(full_name))`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await db.query(`
      CREATE TABLE otp_codes (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX otp_codes_user_idx ON otp_codes (user_id, id DESC)`);
    await db.query(`
      CREATE TABLE rate_limit_hits (
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX rate_limit_hits_key_at_idx ON rate_limit_hits (key, at)`);
    await db.query(`
      CREATE TABLE settings (
        id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        store_name text NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        tax_rate_bps integer NOT NULL CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        low_stock_threshold integer NOT NULL CHECK (low_stock_threshold >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO settings (store_name, currency, tax_rate_bps, low_stock_threshold) VALUES ('Chance Store', 'USD', 0, 5)`);
    await db.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        processed_at timestamptz,
        last_error text
      )`);
    await db.query(`CREATE INDEX outbox_events_due_idx ON outbox_events (id) WHERE processed_at IS NULL`);
    await db.query(`
      CREATE TABLE outbox_deliveries (
        event_id bigint NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
        handler text NOT NULL,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, handler)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['outbox_deliveries', 'outbox_events', 'settings', 'rate_limit_hits', 'otp_codes', 'refresh_tokens', 'profiles', 'users']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
