import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import { withClient } from '@chance/core';
import { eventually } from './support/eventually.js';
import { startTestApi, type TestApi } from './support/test-api.js';

// The landed CI once died on an unhandled 57P01 ("terminating connection due to administrator
// command") raised by an idle pg client whose pool had no `error` listener: the server ending a
// connection that nobody is using must never take the process down. Both tests end connections
// on purpose, the way a restart, pg_terminate_backend or a DROP DATABASE … WITH (FORCE) does.

/** Terminates every other session on the database at `url`; answers how many were ended. */
async function terminateSessions(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  return withClient(process.env.TEST_PG_ADMIN_URL!, async (admin) => {
    const { rows } = await admin.query(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    return rows[0].n as number;
  });
}

describe('connections ended by the server', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('idle pooled connections, the test pool’s and the API’s, are dropped and replaced without crashing anything', async () => {
    await api.db.pool.query('SELECT 1');
    expect((await api.request('GET', '/api/health')).status).toBe(200);
    expect(await terminateSessions(api.db.url)).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 300)); // the idle clients receive their 57P01 now
    expect((await api.db.pool.query('SELECT 2 AS n')).rows[0].n).toBe(2);
    await eventually(async () => expect((await api.request('GET', '/api/health')).status).toBe(200));
    const customer = await api.registerCustomer();
    expect(customer.id).toEqual(expect.any(Number));
  });
});

describe('dropping a test database right after its pool ends', () => {
  it('survives the DROP … WITH (FORCE) ending connections that are still closing', async () => {
    for (let round = 0; round < 10; round++) {
      const db: TestDatabase = await createTestDatabase();
      await Promise.all([db.pool.query('SELECT 1'), db.pool.query('SELECT 2'), db.pool.query('SELECT 3')]);
      await db.drop();
    }
  });
});
