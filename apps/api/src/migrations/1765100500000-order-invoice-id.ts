import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order's invoice is issued by the invoices library, on the order's in-transaction
 * `order.placed` event, as the checkout's last statement (it takes the gapless invoice counter,
 * which every checkout queues for). The order row points at its invoice before that: its
 * `invoice_id` is reserved from the invoices' id sequence by this column default when the order is
 * written, so the orders library reserves it without naming the invoices' storage. A row that
 * must have no invoice (a draft, later) says so with an explicit NULL.
 */
export class OrderInvoiceId1765100500000 implements MigrationInterface {
  name = 'OrderInvoiceId1765100500000';

  async up(db: QueryRunner): Promise<void> {
    const [{ sequence }] = await db.query(`SELECT pg_get_serial_sequence('invoices', 'id') AS sequence`);
    await db.query(`ALTER TABLE orders ALTER COLUMN invoice_id SET DEFAULT nextval('${sequence}'::regclass)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE orders ALTER COLUMN invoice_id DROP DEFAULT`);
  }
}
