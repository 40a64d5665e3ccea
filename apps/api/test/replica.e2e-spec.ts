import { spawnApi, type ApiProcess } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { startPrimaryAndReplica, type PrimaryAndReplica } from './support/streaming-replica.js';
import { ADMIN, type Reply, type RequestOptions, type TestApi } from './support/test-api.js';

/**
 * DATABASE_REPLICA_URL (docs/operations.md, "A read replica"): a real streaming replica of a real
 * primary, both started from the embedded PostgreSQL binaries. Pausing the replica's WAL replay
 * freezes what it serves, which tells apart what the API read from it and what from the primary.
 */
const ENV = {
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '100000',
  RATE_LIMIT_GUEST_CARTS_PER_MINUTE: '100000',
  MAX_CONNECTIONS_PER_IP: '0',
};

let pg: PrimaryAndReplica;
let api: ApiProcess;
let token: string;
let variantId: number;

const client = (url: string) =>
  ({
    async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
    },
  }) as unknown as TestApi;

const pendingOrders = async (http: TestApi) => {
  const reply = await http.request('GET', '/api/admin/reports/dashboard', { token });
  expect(reply.status).toBe(200);
  return reply.body.pendingOrders as number;
};
const listedOrders = async (http: TestApi) => {
  const reply = await http.request('GET', '/api/admin/orders?range=[0,99]', { token });
  expect(reply.status).toBe(200);
  return (reply.body as { number: string }[]).map((o) => o.number);
};
const exportedOrders = async () => {
  const reply = await fetch(`${api.url}/api/admin/orders/export.csv`, { headers: { authorization: `Bearer ${token}` } });
  expect(reply.status).toBe(200);
  return reply.text();
};
const placeOrder = async (http: TestApi) => {
  const placed = await guestCheckout(http, await guestCartWith(http, [{ variantId, quantity: 1 }]));
  expect(placed.status).toBe(201);
  return placed.body as { id: number; number: string };
};

beforeAll(async () => {
  pg = await startPrimaryAndReplica();
  api = await spawnApi({ ...ENV, DATABASE_URL: pg.primaryUrl, DATABASE_REPLICA_URL: pg.replicaUrl, DATABASE_REPLICA_MAX_LAG_MS: '3600000' });
  const http = client(api.url);
  const login = await http.request('POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  token = login.body.accessToken;
  ({
    variantIds: [variantId],
  } = await productWithStock(http, token, { name: 'Replicated', price: 1500, stock: 100 }));
  await placeOrder(http);
  await pg.caughtUp();
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await pg?.stop();
});

describe('a read replica (DATABASE_REPLICA_URL)', () => {
  it('serves reports, admin lists and exports from the replica while writes, and reading one’s own write, go to the primary', async () => {
    const http = client(api.url);
    const before = await pendingOrders(http);
    const listed = await listedOrders(http);
    expect(before).toBe(1);
    await pg.onReplica('SELECT pg_wal_replay_pause()');
    try {
      // the write goes to the primary (a standby refuses writes): it commits there, and the paused replica has not seen it
      const order = await placeOrder(http);
      expect((await pg.onPrimary('SELECT number FROM orders WHERE id = $1', [order.id])).map((r) => r.number)).toEqual([order.number]);
      expect(await pg.onReplica('SELECT number FROM orders WHERE id = $1', [order.id])).toEqual([]);
      // the order itself is read from the primary: its creator sees it at once
      const own = await http.request('GET', `/api/admin/orders/${order.id}`, { token });
      expect([own.status, own.body.number]).toEqual([200, order.number]);
      // the report and the list are the replica's: without the new order
      expect(await pendingOrders(http)).toBe(before);
      expect(await listedOrders(http)).toEqual(listed);
      const exported = await exportedOrders();
      expect([exported.includes(listed[0]), exported.includes(order.number)]).toEqual([true, false]);
      await pg.onReplica('SELECT pg_wal_replay_resume()');
      // once the replica replays the write, they show it
      await eventually(async () => expect(await pendingOrders(http)).toBe(before + 1), 20_000);
      expect(await listedOrders(http)).toContain(order.number);
      expect(await exportedOrders()).toContain(order.number);
    } finally {
      await pg.onReplica('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  });

  it('answers from the primary while the replica lags more than DATABASE_REPLICA_MAX_LAG_MS', async () => {
    const strict = await spawnApi({
      ...ENV,
      DATABASE_URL: pg.primaryUrl,
      DATABASE_REPLICA_URL: pg.replicaUrl,
      DATABASE_REPLICA_MAX_LAG_MS: '200',
      OUTBOX_RELAY: 'off',
    });
    try {
      const http = client(strict.url);
      await pg.caughtUp();
      const before = await pendingOrders(http);
      await pg.onReplica('SELECT pg_wal_replay_pause()');
      await placeOrder(http);
      // the replica stays paused, yet the figure arrives: the primary answers once the lag is seen
      await eventually(async () => expect(await pendingOrders(http)).toBe(before + 1), 20_000);
      expect((await pg.onReplica(`SELECT count(*)::int AS n FROM orders WHERE status = 'pending'`))[0].n).toBe(before);
    } finally {
      await pg.onReplica('SELECT pg_wal_replay_resume()').catch(() => undefined);
      await strict.stop();
    }
  });

  it('answers from the primary when the replica is down', async () => {
    const http = client(api.url);
    await pg.caughtUp();
    const figure = (await pg.onPrimary(`SELECT count(*)::int AS n FROM orders WHERE status = 'pending'`))[0].n;
    await pg.stopReplica();
    expect(await pendingOrders(http)).toBe(figure);
    expect((await listedOrders(http)).length).toBe(figure);
    expect((await http.request('GET', '/api/health')).status).toBe(200);
  });
});
