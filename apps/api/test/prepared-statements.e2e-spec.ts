import { pgCode, preparedName, preparedQuery } from '@chance/core';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The hot paths' statements run as named prepared statements of their connection (libs/core/src/database/prepared.ts). */
let api: TestApi;
let dataSource: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  dataSource = api.app.get(DataSource);
});
afterAll(() => api.close());

/** Runs `work` in a transaction on one connection, then answers the connection's prepared statements. */
async function onOneConnection(work: (runner: ReturnType<DataSource['createQueryRunner']>) => Promise<void>): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await work(runner);
    const statements: { statement: string }[] = await runner.query('SELECT statement FROM pg_prepared_statements');
    await runner.commitTransaction();
    return statements.map((s) => s.statement);
  } finally {
    await runner.release();
  }
}

describe('prepared statements', () => {
  it('prepares a statement once per connection and answers its rows, as manager.query would', async () => {
    const text = 'SELECT $1::int + 1 AS n, now() AS at';
    const statements = await onOneConnection(async (runner) => {
      const first = await preparedQuery<{ n: number; at: Date }>(runner.manager, text, [1]);
      const again = await preparedQuery<{ n: number }>(runner.manager, text, [41]);
      expect([first[0].n, again[0].n]).toEqual([2, 42]);
      expect(first[0].at).toBeInstanceOf(Date);
    });
    expect(statements.filter((s) => s === text)).toHaveLength(1);
    expect(preparedName(text)).toBe(preparedName(`${text}`));
    expect(preparedName(text)).not.toBe(preparedName(`${text} `));
  });

  it('fails as a query does: a QueryFailedError carrying the SQLSTATE, and the transaction is aborted', async () => {
    await onOneConnection(async (runner) => {
      const error = await preparedQuery(runner.manager, 'SELECT 1 / $1::int AS n', [0]).catch((e: unknown) => e);
      expect((error as Error).name).toBe('QueryFailedError');
      expect(pgCode(error)).toBe('22012');
      await runner.rollbackTransaction();
      await runner.startTransaction();
    });
  });

  it('is an ordinary query outside a transaction', async () => {
    const rows = await preparedQuery<{ n: number }>(dataSource.manager, 'SELECT 7 AS n', []);
    expect(rows).toEqual([{ n: 7 }]);
  });
});
