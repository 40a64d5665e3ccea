import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery (docs/api.md#account-recovery): a password-reset token is kept only as its SHA-256, valid
 * 30 minutes, spent once (`used_at`, set by the one statement that accepts it).
 */
export class PasswordResets1765101901000 implements MigrationInterface {
  name = 'PasswordResets1765101901000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_reset_tokens (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX password_reset_tokens_hash_key ON password_reset_tokens (token_hash)`);
    await db.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id) WHERE used_at IS NULL`);
    await db.query(`CREATE INDEX password_reset_tokens_expires_idx ON password_reset_tokens (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS password_reset_tokens`);
  }
}
