import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audited tables: resource name, id column, and the parent record whose history includes them. */
const AUDITED: [table: string, resource: string, idColumn: string, parentResource: string, parentColumn: string][] = [
  ['users', 'users', 'id', '', ''],
  ['profiles', 'users', 'user_id', '', ''],
  ['settings', 'settings', 'id', '', ''],
  ['categories', 'categories', 'id', '', ''],
  ['products', 'products', 'id', '', ''],
  ['variants', 'variants', 'id', 'products', 'product_id'],
  ['stock_movements', 'stock-movements', 'variant_id', '', ''],
  ['coupons', 'coupons', 'id', '', ''],
  ['orders', 'orders', 'id', '', ''],
  ['payments', 'payments', 'id', 'orders', 'order_id'],
  ['suppliers', 'suppliers', 'id', '', ''],
  ['purchases', 'purchases', 'id', '', ''],
  ['offline_customers', 'offline-customers', 'id', '', ''],
  ['offline_sales', 'offline-sales', 'id', 'offline-customers', 'customer_id'],
  ['offline_sale_payments', 'offline-sale-payments', 'id', 'offline-sales', 'sale_id'],
  ['service_types', 'service-types', 'id', '', ''],
  ['bookings', 'bookings', 'id', '', ''],
];

/**
 * The audit log (docs/api.md#back-office-resources): row-level triggers record every change made while a
 * back-office actor is declared for the transaction (SET LOCAL chance.actor_id), in that same
 * transaction: a change that rolls back leaves no entry, and no write path can forget it.
 */
export class Audit1764100007000 implements MigrationInterface {
  name = 'Audit1764100007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_logs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id integer REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        resource text NOT NULL,
        resource_id integer,
        parent_resource text,
        parent_id integer,
        operation text,
        changes jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_logs_resource_idx ON audit_logs (resource, resource_id, id DESC)`);
    await db.query(`CREATE INDEX audit_logs_parent_idx ON audit_logs (parent_resource, parent_id, id DESC) WHERE parent_resource IS NOT NULL`);
    await db.query(`CREATE INDEX audit_logs_actor_idx ON audit_logs (actor_id, id DESC)`);
    await db.query(`CREATE INDEX audit_logs_at_idx ON audit_logs (at DESC, id DESC)`);
    await db.query(`
      CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        actor text := current_setting('chance.actor_id', true);
        old_row jsonb;
        new_row jsonb;
        rec jsonb;
        diff jsonb := '{}';
        k text;
      BEGIN
        IF actor IS NULL OR actor = '' THEN RETURN NULL; END IF;
        IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
        IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
        FOR k IN SELECT jsonb_object_keys(COALESCE(new_row, old_row)) LOOP
          CONTINUE WHEN k IN ('updated_at', 'created_at');
          IF (old_row -> k) IS DISTINCT FROM (new_row -> k) THEN
            IF k LIKE '%password%' OR k LIKE '%token%' OR k LIKE '%hash%' THEN
              diff := diff || jsonb_build_object(k, jsonb_build_array('[hidden]', '[changed]'));
            ELSE
              diff := diff || jsonb_build_object(k, jsonb_build_array(old_row -> k, new_row -> k));
            END IF;
          END IF;
        END LOOP;
        IF TG_OP = 'UPDATE' AND diff = '{}' THEN RETURN NULL; END IF;
        rec := COALESCE(new_row, old_row);
        INSERT INTO audit_logs (actor_id, action, resource, resource_id, parent_resource, parent_id, operation, changes)
        VALUES (
          actor::integer,
          COALESCE(NULLIF(current_setting('chance.action', true), ''), CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END),
          TG_ARGV[0],
          (rec ->> TG_ARGV[1])::integer,
          NULLIF(TG_ARGV[2], ''),
          CASE WHEN TG_ARGV[3] = '' THEN NULL ELSE (rec ->> TG_ARGV[3])::integer END,
          NULLIF(current_setting('chance.operation', true), ''),
          diff);
        RETURN NULL;
      END $$`);
    for (const [table, resource, idColumn, parentResource, parentColumn] of AUDITED) {
      await db.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION audit_row('${resource}', '${idColumn}', '${parentResource}', '${parentColumn}')`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table] of AUDITED) await db.query(`DROP TRIGGER IF EXISTS ${table}_audit ON ${table}`);
    await db.query(`DROP FUNCTION IF EXISTS audit_row()`);
    await db.query(`DROP TABLE IF EXISTS audit_logs`);
  }
}
