import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (docs/api.md#webhooks). `webhooks`: endpoints, the events they subscribe to, their signing
 * secret sealed (AES-256-GCM, a key derived from JWT_SECRET: it must be readable to sign, but not
 * by whoever reads the database), and since when they fail without a success in between.
 * `webhook_events`: each event sent to endpoints, with the exact body signed (the same bytes and
 * id on every retry). `webhook_deliveries`: one row per attempt, `pending` until sent; a due
 * attempt is leased to the process sending it, so an attempt cut short by a crash is found again.
 */
export class Webhooks1765101902000 implements MigrationInterface {
  name = 'Webhooks1765101902000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text NOT NULL CHECK (length(url) <= 2000),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        description text NOT NULL DEFAULT '',
        is_active boolean NOT NULL DEFAULT true,
        sealed_secret text NOT NULL,
        failing_since timestamptz,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE is_active`);
    await db.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outbox_event_id bigint,
        type text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX webhook_events_outbox_key ON webhook_events (outbox_event_id)`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        webhook_id integer NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES webhook_events (id),
        type text NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 1),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        due_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        response_status integer,
        response_body text,
        duration_ms integer,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT webhook_deliveries_attempt_key UNIQUE (webhook_id, event_id, attempt)
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (webhook_id, due_at, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, id DESC)`);
    await db.query(`CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id)`);
    await db.query(`CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (status, id DESC)`);
    await db.query(
      `CREATE TRIGGER webhooks_audit AFTER INSERT OR UPDATE OR DELETE ON webhooks FOR EACH ROW EXECUTE FUNCTION audit_row('webhooks', 'id', '', '')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await db.query(`DROP TABLE IF EXISTS webhook_events`);
    await db.query(`DROP TABLE IF EXISTS webhooks`);
  }
}
