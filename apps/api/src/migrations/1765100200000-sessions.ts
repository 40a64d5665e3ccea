import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (docs/api.md#tokens-and-sessions): one row per sign-in, the id being its refresh-token family and the
 * `sid` claim of its access tokens. Ending a session (logout, logout-everywhere, a password change
 * or reset, a role change, a deactivation) refuses its access tokens at once, not when they expire.
 * Every family that exists becomes a session, ended when all its refresh tokens are revoked.
 */
export class Sessions1765100200000 implements MigrationInterface {
  name = 'Sessions1765100200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_open_idx ON sessions (user_id) WHERE ended_at IS NULL`);
    await db.query(`
      INSERT INTO sessions (id, user_id, created_at, ended_at)
      SELECT family_id, min(user_id), min(created_at), CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
        FROM refresh_tokens GROUP BY family_id`);
    await db.query(`ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fkey FOREIGN KEY (family_id) REFERENCES sessions (id) ON DELETE CASCADE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT IF EXISTS refresh_tokens_session_fkey`);
    await db.query(`DROP TABLE IF EXISTS sessions`);
  }
}
