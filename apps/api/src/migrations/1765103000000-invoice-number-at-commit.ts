import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An invoice takes its gapless number when its transaction commits (issue 23, docs/benchmarks.md).
 *
 * The number came from the invoice series' `document_counters` row in the statement that inserted
 * the invoice, and that row stayed locked until the COMMIT reached PostgreSQL: one more round trip
 * to the API and a wait for its event loop, while every other checkout queued on the row (8.1 of 20
 * connections at 32 clients). Now the invoice is inserted without a number, and a deferred
 * constraint trigger numbers it at COMMIT, inside PostgreSQL: the counter row is locked from then
 * to the end of the commit only. Numbers stay gapless and unique (a rolled-back transaction gives
 * its number back, as before), and follow the order in which invoices commit.
 *
 * The number is `INV-<year of issued_at, UTC>-<at least 6 digits>`, as DOCUMENT_SERIES.invoice
 * (libs/core) writes it; an invoice inserted with its number (the seed, a migration) keeps it.
 */
export class InvoiceNumberAtCommit1765103000000 implements MigrationInterface {
  name = 'InvoiceNumberAtCommit1765103000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoices ALTER COLUMN number DROP NOT NULL`);
    await db.query(`
      CREATE FUNCTION number_invoice_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        issued_year integer;
        taken bigint;
      BEGIN
        -- the invoice as it is now, at commit (still unnumbered, still there): only then is a number taken
        SELECT extract(year FROM issued_at AT TIME ZONE 'UTC')::integer INTO issued_year
          FROM invoices WHERE id = NEW.id AND number IS NULL;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        INSERT INTO document_counters AS c (kind, year, last) VALUES ('invoice', issued_year, 1)
          ON CONFLICT (kind, year) DO UPDATE SET last = c.last + 1
          RETURNING c.last INTO taken;
        UPDATE invoices SET number = 'INV-' || issued_year || '-' || lpad(taken::text, greatest(6, length(taken::text)), '0')
         WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER invoices_number_at_commit AFTER INSERT ON invoices
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.number IS NULL) EXECUTE FUNCTION number_invoice_at_commit()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER invoices_number_at_commit ON invoices`);
    await db.query(`DROP FUNCTION number_invoice_at_commit()`);
    await db.query(`ALTER TABLE invoices ALTER COLUMN number SET NOT NULL`);
  }
}
