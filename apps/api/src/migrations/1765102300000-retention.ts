import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes led by the column each retention rule measures age by, so a batch is an index range scan. */
const AGE_INDEXES: [name: string, definition: string][] = [
  ['outbox_events_processed_idx', 'outbox_events (processed_at) WHERE processed_at IS NOT NULL'],
  ['notifications_read_idx', 'notifications (read_at) WHERE read_at IS NOT NULL'],
  ['notifications_created_idx', 'notifications (created_at)'],
  ['sessions_ended_idx', 'sessions (ended_at) WHERE ended_at IS NOT NULL'],
  ['sessions_created_idx', 'sessions (created_at)'],
  ['refresh_tokens_expires_idx', 'refresh_tokens (expires_at)'],
  ['otp_codes_expires_idx', 'otp_codes (expires_at)'],
  ['webhook_deliveries_created_idx', "webhook_deliveries (created_at) WHERE status <> 'pending'"],
  ['webhook_events_created_idx', 'webhook_events (created_at)'],
];

/**
 * Retention (docs/operations.md, "Retention"): what each rule last did, and above all the cut-off
 * it applied — rows of its table older than `cutoff` may be gone, which is what a reader such as the
 * invariant checker needs to know (an order placed before the outbox's cut-off may have lost its
 * delivered `order.placed` event, one placed after it may not).
 */
export class Retention1765102300000 implements MigrationInterface {
  name = 'Retention1765102300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE retention_runs (
        rule text PRIMARY KEY,
        table_name text NOT NULL,
        cutoff timestamptz NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        deleted_last_run bigint NOT NULL DEFAULT 0,
        deleted_total bigint NOT NULL DEFAULT 0
      )`);
    for (const [name, definition] of AGE_INDEXES) await db.query(`CREATE INDEX ${name} ON ${definition}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [name] of AGE_INDEXES) await db.query(`DROP INDEX IF EXISTS ${name}`);
    await db.query(`DROP TABLE IF EXISTS retention_runs`);
  }
}
