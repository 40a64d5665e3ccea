import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Card payments are never charged twice or lost (docs/api.md#orders-payments-and-invoices; docs/architecture.md, Transactions): a
 * card payment is written `pending` with the key the provider receives, then settled
 * `succeeded` or `failed`; a reconciliation job settles what a crash left pending (claimed by
 * `next_check_at`). Payments show `refunded_amount`; `refunded` means all of it went back.
 * An idempotency key may be claimed "in progress" (no response yet) by a request whose outcome is
 * settled in a later transaction. The built-in test payment provider keeps its ledger of charges
 * in a table of its own (it stands for an external system; empty unless that provider is used).
 */
export class PaymentIntents1765100300000 implements MigrationInterface {
  name = 'PaymentIntents1765100300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE payments DROP CONSTRAINT payments_status_check`);
    await db.query(`
      ALTER TABLE payments
        ADD COLUMN refunded_amount integer NOT NULL DEFAULT 0,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN provider_key text,
        ADD COLUMN request_key text,
        ADD COLUMN next_check_at timestamptz`);
    await db.query(`UPDATE payments SET refunded_amount = amount WHERE status = 'refunded'`);
    await db.query(`UPDATE payments SET created_at = paid_at`);
    await db.query(`
      ALTER TABLE payments
        ADD CONSTRAINT payments_status_check CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
        ADD CONSTRAINT payments_refunded_amount_check CHECK (refunded_amount BETWEEN 0 AND amount
          AND (status IN ('succeeded', 'refunded') OR refunded_amount = 0)
          AND ((status = 'refunded') = (refunded_amount = amount))),
        ADD CONSTRAINT payments_pending_check CHECK (status <> 'pending' OR (provider_key IS NOT NULL AND next_check_at IS NOT NULL)),
        ADD CONSTRAINT payments_provider_key_key UNIQUE (provider_key)`);
    await db.query(`CREATE INDEX payments_pending_idx ON payments (next_check_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX payments_status_idx ON payments (status, paid_at DESC, id DESC)`);

    await db.query(`
      ALTER TABLE idempotency_keys
        ALTER COLUMN response_status DROP NOT NULL,
        ALTER COLUMN response_body DROP NOT NULL,
        ADD CONSTRAINT idempotency_keys_response_check CHECK ((response_status IS NULL) = (response_body IS NULL))`);

    await db.query(`
      CREATE TABLE test_payment_charges (
        key text PRIMARY KEY,
        amount integer NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('succeeded', 'declined')),
        reference text,
        reason text,
        held boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS test_payment_charges`);
    await db.query(`DELETE FROM idempotency_keys WHERE response_status IS NULL`);
    await db.query(`
      ALTER TABLE idempotency_keys
        DROP CONSTRAINT idempotency_keys_response_check,
        ALTER COLUMN response_status SET NOT NULL,
        ALTER COLUMN response_body SET NOT NULL`);
    await db.query(`DROP INDEX IF EXISTS payments_status_idx`);
    await db.query(`DROP INDEX IF EXISTS payments_pending_idx`);
    await db.query(`DELETE FROM payments WHERE status IN ('pending', 'failed')`);
    await db.query(`
      ALTER TABLE payments
        DROP CONSTRAINT payments_provider_key_key,
        DROP CONSTRAINT payments_pending_check,
        DROP CONSTRAINT payments_refunded_amount_check,
        DROP CONSTRAINT payments_status_check,
        DROP COLUMN next_check_at,
        DROP COLUMN request_key,
        DROP COLUMN provider_key,
        DROP COLUMN created_at,
        DROP COLUMN refunded_amount`);
    await db.query(`ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('succeeded', 'refunded'))`);
  }
}
