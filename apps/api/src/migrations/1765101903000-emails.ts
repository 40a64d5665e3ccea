import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail (docs/api.md#e-mail): one row per message, `pending` until the mail server accepted it,
 * retried with growing delays, `failed` once it gives up. A message keeps no secret (a reset link
 * or a code is made when it is sent) and no body: it is rendered from its record when sent. The
 * `dedupe_key` makes an event or a reminder queue its message once, however often it is handled.
 */
export class Emails1765101903000 implements MigrationInterface {
  name = 'Emails1765101903000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE emails (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        to_address text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        sent_at timestamptz,
        error text,
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX emails_dedupe_key ON emails (dedupe_key)`);
    await db.query(`CREATE INDEX emails_due_idx ON emails (due_at, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX emails_created_at_idx ON emails (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX emails_to_idx ON emails (lower(to_address), id DESC)`);
    await db.query(`CREATE INDEX emails_status_idx ON emails (status, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS emails`);
  }
}
