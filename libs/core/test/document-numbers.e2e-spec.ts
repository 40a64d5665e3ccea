import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { DOCUMENT_SERIES, documentNumber, documentNumberSql, nextDocumentNumber, type DocumentSeries } from '../src/database/document-numbers.js';

// The SQL form and the TypeScript form of the numbering must write the same text, on the real
// PostgreSQL the store runs on; and the counters must behave as each series promises.
describe('document numbers in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    // series whose tables come with later features: their migrations create these sequences
    await db.pool.query('CREATE SEQUENCE IF NOT EXISTS refund_number_seq; CREATE SEQUENCE IF NOT EXISTS return_number_seq');
  });
  afterAll(() => db.drop());

  /** `manager.query` is all the helpers use: a client of the real database stands in for it. */
  const managerOf = (client: pg.PoolClient): EntityManager =>
    ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }) as unknown as EntityManager;

  async function inTransaction<T>(work: (manager: EntityManager) => Promise<T>, outcome: 'COMMIT' | 'ROLLBACK' = 'COMMIT'): Promise<T> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(managerOf(client));
      await client.query(outcome);
      return result;
    } finally {
      client.release();
    }
  }

  it('writes in SQL exactly what documentNumber writes, padding and overflow included', async () => {
    const all = Object.values(DOCUMENT_SERIES) as DocumentSeries[];
    for (const series of all) {
      for (const n of [1, 42, 999_999, 1_000_000, 123_456_789]) {
        const sql = documentNumberSql(series as typeof DOCUMENT_SERIES.invoice, '$2::int');
        const { rows } = await db.pool.query(
          `WITH next_number AS (SELECT $1::bigint AS last) SELECT ${sql.number} AS number FROM next_number`,
          series.yearly ? [n, 2026] : [n],
        );
        const expected = series.yearly
          ? documentNumber(series as typeof DOCUMENT_SERIES.invoice, n, 2026)
          : documentNumber(series as typeof DOCUMENT_SERIES.order, n);
        expect(rows[0].number).toBe(expected);
      }
    }
  });

  it('takes the next number of every series in one statement', async () => {
    await inTransaction(async (manager) => {
      for (const series of [DOCUMENT_SERIES.order, DOCUMENT_SERIES.purchase, DOCUMENT_SERIES.offlineSale, DOCUMENT_SERIES.refund, DOCUMENT_SERIES.return]) {
        const first = await nextDocumentNumber(manager, series);
        const second = await nextDocumentNumber(manager, series);
        expect(first).toMatch(new RegExp(`^${series.prefix}-\\d{6}$`));
        expect(Number(second.split('-')[1])).toBe(Number(first.split('-')[1]) + 1);
      }
    });
  });

  it('counts a gapless series per year, and a rolled-back number is given again', async () => {
    const { creditNote } = DOCUMENT_SERIES;
    const first = await inTransaction((manager) => nextDocumentNumber(manager, creditNote, 2031));
    expect(first).toBe('CN-2031-000001');
    const rolledBack = await inTransaction((manager) => nextDocumentNumber(manager, creditNote, 2031), 'ROLLBACK');
    expect(rolledBack).toBe('CN-2031-000002');
    expect(await inTransaction((manager) => nextDocumentNumber(manager, creditNote, 2031))).toBe('CN-2031-000002');
    expect(await inTransaction((manager) => nextDocumentNumber(manager, creditNote, 2032))).toBe('CN-2032-000001');
    // another gapless series counts on its own
    expect(await inTransaction((manager) => nextDocumentNumber(manager, DOCUMENT_SERIES.purchaseInvoice, 2031))).toBe('PINV-2031-000001');
  });

  it('holds a gapless series for the transaction: concurrent takers get consecutive numbers, none twice', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 8 }, () => inTransaction((manager) => nextDocumentNumber(manager, DOCUMENT_SERIES.creditNote, 2040))),
    );
    expect(numbers.sort()).toEqual(Array.from({ length: 8 }, (_, i) => documentNumber(DOCUMENT_SERIES.creditNote, i + 1, 2040)));
  });

  it('numbers a row in the statement that inserts it', async () => {
    const numbering = documentNumberSql(DOCUMENT_SERIES.invoice, '$1::int');
    const client = await db.pool.connect();
    try {
      await client.query('CREATE TEMPORARY TABLE numbered (number text)');
      const { rows } = await client.query(
        `WITH ${numbering.with} INSERT INTO numbered (number) SELECT ${numbering.number} FROM next_number RETURNING number`,
        [2050],
      );
      expect(rows).toEqual([{ number: 'INV-2050-000001' }]);
      const counter = await client.query(`SELECT last FROM document_counters WHERE kind = 'invoice' AND year = 2050`);
      expect(counter.rows).toEqual([{ last: 1 }]);
    } finally {
      client.release();
    }
  });
});
