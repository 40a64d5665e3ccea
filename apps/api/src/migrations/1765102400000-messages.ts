import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages kept as records (docs/api.md#messages): one row per message, written in the same
 * transaction as its outbox event, so a send that rolls back leaves neither. `direction` says who
 * wrote: the shop (`to_customer`: to one account, or to every customer when `user_id` is null, a
 * broadcast kept once) or a customer (`from_customer`, always naming them). `user_name` and
 * `user_email` are the account's name and e-mail when the message was sent (history is snapshots);
 * `sender_id` is who sent it. Sending from the back office is audited like any other write.
 */
export class Messages1765102400000 implements MigrationInterface {
  name = 'Messages1765102400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        direction text NOT NULL CHECK (direction IN ('to_customer', 'from_customer')),
        user_id integer REFERENCES users (id),
        user_name text,
        user_email text,
        sender_id integer NOT NULL REFERENCES users (id),
        title text NOT NULL CHECK (btrim(title) <> ''),
        body text NOT NULL CHECK (btrim(body) <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_from_customer_names_them CHECK (direction = 'to_customer' OR (user_id IS NOT NULL AND user_id = sender_id)),
        CONSTRAINT messages_snapshot_with_user CHECK ((user_id IS NULL) = (user_email IS NULL) AND (user_id IS NULL) = (user_name IS NULL))
      )`);
    // the list's filters (userId, direction) and sorts (id, createdAt), newest first; a customer's own list is the first
    await db.query(`CREATE INDEX messages_user_idx ON messages (user_id, id DESC)`);
    await db.query(`CREATE INDEX messages_direction_idx ON messages (direction, id DESC)`);
    await db.query(`CREATE INDEX messages_created_at_idx ON messages (created_at DESC, id DESC)`);
    // q: one trigram index over the searched text (the list's search condition is this expression)
    await db.query(
      `CREATE INDEX messages_search_trgm_idx ON messages USING gin ((COALESCE(user_name, '') || ' ' || COALESCE(user_email, '') || ' ' || title) gin_trgm_ops)`,
    );
    await db.query(
      `CREATE TRIGGER messages_audit AFTER INSERT OR UPDATE OR DELETE ON messages FOR EACH ROW EXECUTE FUNCTION audit_row('messages', 'id', '', '')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS messages`);
  }
}
