import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys (docs/api.md#api-keys): a secret shown once and kept only as its SHA-256, a role
 * (`admin`, `staff`, `read_only`), an expiry and a revocation. The audit log names a key as the
 * actor of what it changes: the triggers read `chance.api_key_id` beside `chance.actor_id`, and
 * columns named like secrets are hidden in the recorded changes (as passwords, tokens and hashes
 * already were). Creating and revoking keys is itself audited.
 */
export class ApiKeys1765101900000 implements MigrationInterface {
  name = 'ApiKeys1765101900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL,
        secret_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'staff', 'read_only')),
        created_by integer NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX api_keys_secret_hash_key ON api_keys (secret_hash)`);
    await db.query(`CREATE INDEX api_keys_created_at_idx ON api_keys (created_at DESC, id DESC)`);
    await db.query(`ALTER TABLE audit_logs ADD COLUMN api_key_id integer REFERENCES api_keys (id)`);
    await db.query(`CREATE INDEX audit_logs_api_key_idx ON audit_logs (api_key_id, id DESC) WHERE api_key_id IS NOT NULL`);
    await db.query(auditRow({ withApiKeys: true }));
    await db.query(
      `CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION audit_row('api-keys', 'id', '', '')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS api_keys_audit ON api_keys`);
    await db.query(auditRow({ withApiKeys: false }));
    await db.query(`ALTER TABLE audit_logs DROP COLUMN IF EXISTS api_key_id`);
    await db.query(`DROP TABLE IF EXISTS api_keys`);
  }
}

/** The audit trigger function; with API keys, a transaction's actor is a user (`chance.actor_id`) or a key (`chance.api_key_id`). */
function auditRow({ withApiKeys }: { withApiKeys: boolean }): string {
  const hidden = withApiKeys
    ? `k LIKE '%password%' OR k LIKE '%token%' OR k LIKE '%hash%' OR k LIKE '%secret%'`
    : `k LIKE '%password%' OR k LIKE '%token%' OR k LIKE '%hash%'`;
  return `
    CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      actor text := NULLIF(current_setting('chance.actor_id', true), '');
      ${withApiKeys ? `api_key text := NULLIF(current_setting('chance.api_key_id', true), '');` : ''}
      old_row jsonb;
      new_row jsonb;
      rec jsonb;
      diff jsonb := '{}';
      k text;
    BEGIN
      IF actor IS NULL ${withApiKeys ? 'AND api_key IS NULL' : ''} THEN RETURN NULL; END IF;
      IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
      IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
      FOR k IN SELECT jsonb_object_keys(COALESCE(new_row, old_row)) LOOP
        CONTINUE WHEN k IN ('updated_at', 'created_at');
        IF (old_row -> k) IS DISTINCT FROM (new_row -> k) THEN
          IF ${hidden} THEN
            diff := diff || jsonb_build_object(k, jsonb_build_array('[hidden]', '[changed]'));
          ELSE
            diff := diff || jsonb_build_object(k, jsonb_build_array(old_row -> k, new_row -> k));
          END IF;
        END IF;
      END LOOP;
      IF TG_OP = 'UPDATE' AND diff = '{}' THEN RETURN NULL; END IF;
      rec := COALESCE(new_row, old_row);
      INSERT INTO audit_logs (actor_id, ${withApiKeys ? 'api_key_id, ' : ''}action, resource, resource_id, parent_resource, parent_id, operation, changes)
      VALUES (
        actor::integer,
        ${withApiKeys ? 'api_key::integer,' : ''}
        COALESCE(NULLIF(current_setting('chance.action', true), ''), CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END),
        TG_ARGV[0],
        (rec ->> TG_ARGV[1])::integer,
        NULLIF(TG_ARGV[2], ''),
        CASE WHEN TG_ARGV[3] = '' THEN NULL ELSE (rec ->> TG_ARGV[3])::integer END,
        NULLIF(current_setting('chance.operation', true), ''),
        diff);
      RETURN NULL;
    END $$`;
}
