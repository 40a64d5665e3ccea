import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, newClient, startEmbeddedPostgres, type EmbeddedDatabase } from '@chance/core';
import { API_START_TIMEOUT_MS, ROOT, runCli, spawnApi, type ApiProcess } from '../support/api-process.js';
import { eventually } from '../support/eventually.js';

/**
 * Fault injection on a real PostgreSQL with two API processes: a checkout and in-store-sale load
 * runs while one API process is SIGKILLed and restarted, while the app's database connections are
 * terminated, and while PostgreSQL restarts. Clients retry with the same Idempotency-Key. Then:
 * no duplicate orders, no oversell, every committed event delivered once per recipient, the
 * invariants clean, and both processes healthy without a manual step.
 */
const LOAD_SECONDS = Number(process.env.FAULT_LOAD_SECONDS ?? 28);
const ADMIN = { email: 'fault.admin@shop.test', password: 'fault-password-1' };
const ADDRESS = { name: 'Fay Fault', line1: '1 Chaos Street', city: 'Oslo', postalCode: '0150', country: 'NO' };
const INITIAL_STOCK = 3000;

interface Stats {
  requests: number;
  retries: number;
  checkouts: number;
  soldOut: number;
  sales: number;
  kills: number;
  restarts: number;
  terminations: number;
  databaseRestarts: number;
  gaveUp: number;
}

let dir: string;
let database: EmbeddedDatabase;
let port: number;
let url: string;
const apis: ApiProcess[] = [];
const stats: Stats = { requests: 0, retries: 0, checkouts: 0, soldOut: 0, sales: 0, kills: 0, restarts: 0, terminations: 0, databaseRestarts: 0, gaveUp: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startDatabase() {
  database = await startEmbeddedPostgres({ dataDir: dir, database: 'chance', port });
  url = database.url;
}

const env = () => ({
  DATABASE_URL: url,
  JWT_SECRET: 'fault-injection-secret-long-enough-for-hs256',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  OUTBOX_INTERVAL_MS: '200',
  LOG_LEVEL: 'error',
  DB_POOL_SIZE: '10',
  // every shopper is this machine: the per-IP limits would refuse the load itself
  RATE_LIMIT_GUEST_CARTS_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_COUPON_TRIES_PER_MINUTE: '1000000',
});

async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}, apiIndex = 0) {
  const api = apis[apiIndex % apis.length];
  stats.requests++;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(api.url + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, body: undefined }; // connection refused or reset: the process is down
  }
}

/** Repeats a request (same body, same key) until it gets a final answer, moving between processes. */
async function untilFinal(send: (apiIndex: number) => ReturnType<typeof call>): Promise<Awaited<ReturnType<typeof call>>> {
  for (let attempt = 0; attempt < 80; attempt++) {
    const reply = await send(attempt);
    const transient = reply.status === 0 || reply.status >= 500 || reply.body?.code === 'IDEMPOTENCY_IN_PROGRESS' || reply.status === 401;
    if (!transient) return reply;
    stats.retries++;
    await sleep(150 + Math.random() * 250);
  }
  stats.gaveUp++;
  return { status: -1, body: undefined };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chance-faults-'));
  await chmod(dir, 0o755);
  port = await freePort();
  await startDatabase();
  const { migrate } = await import('../../src/database.js');
  await migrate(url);
  apis.push(await spawnApi(env()), await spawnApi(env()));
}, 2 * API_START_TIMEOUT_MS);

afterAll(async () => {
  for (const api of apis) await api.stop();
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('survives killed processes, terminated connections and a database restart without losing or doubling anything', async () => {
  const admin = (await call('POST', '/api/auth/login', { body: ADMIN })).body.accessToken as string;
  const category = (await call('POST', '/api/admin/categories', { token: admin, body: { name: 'Faults' } })).body;
  const product = (
    await call('POST', '/api/admin/products', {
      token: admin,
      body: { name: 'Fragile', categoryId: category.id, price: 1500, costPrice: 500, stock: INITIAL_STOCK },
    })
  ).body;
  const variantId = product.variants[0].id as number;
  const customer = (await call('POST', '/api/admin/offline-customers', { token: admin, body: { name: 'Counter', phone: '55501234' } })).body;
  const succeededKeys = new Map<string, number>();

  let stopped = false;
  const shopper = async (worker: number) => {
    while (!stopped) {
      const cart = await untilFinal((i) => call('POST', '/api/store/carts', {}, worker + i));
      if (cart.status !== 201) continue;
      const headers = { 'x-cart-token': cart.body.token as string };
      const added = await untilFinal((i) => call('POST', `/api/store/carts/${cart.body.id}/items`, { headers, body: { variantId, quantity: 1 } }, worker + i));
      if (added.status !== 201) {
        if (added.body?.code === 'OUT_OF_STOCK') stats.soldOut++;
        continue;
      }
      const key = randomUUID();
      const body = { cartId: cart.body.id, email: `buyer${worker}@example.com`, shippingAddress: ADDRESS, paymentMethod: 'card' };
      const placed = await untilFinal((i) => call('POST', '/api/store/checkout', { headers: { ...headers, 'idempotency-key': key }, body }, worker + i));
      if (placed.status === 201) {
        stats.checkouts++;
        succeededKeys.set(key, placed.body.id);
      } else if (placed.body?.code === 'OUT_OF_STOCK') stats.soldOut++;
    }
  };
  const cashier = async (worker: number) => {
    while (!stopped) {
      const key = randomUUID();
      const body = { customerId: customer.id, lines: [{ variantId, quantity: 1 }], paidAmount: 500, paymentMethod: 'cash' };
      const sale = await untilFinal((i) => call('POST', '/api/admin/offline-sales', { token: admin, headers: { 'idempotency-key': key }, body }, worker + i));
      if (sale.status === 201) stats.sales++;
      await sleep(100);
    }
  };
  const load = Promise.all([...Array.from({ length: 8 }, (_, w) => shopper(w)), cashier(0), cashier(1)]);

  const terminate = async () => {
    const client = newClient({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'chance-store%' AND pid <> pg_backend_pid()`,
    );
    await client.end();
    stats.terminations += rowCount ?? 0;
  };
  const step = (LOAD_SECONDS * 1000) / 7;
  await sleep(step);
  await apis[0].stop('SIGKILL');
  stats.kills++;
  await sleep(step / 2);
  apis[0] = await spawnApi(env());
  stats.restarts++;
  await sleep(step);
  await terminate();
  await sleep(step);
  await database.stop();
  await sleep(1500);
  await startDatabase();
  stats.databaseRestarts++;
  await sleep(step);
  await terminate();
  await apis[1].stop('SIGKILL');
  stats.kills++;
  apis[1] = await spawnApi(env());
  stats.restarts++;
  await sleep(step);
  stopped = true;
  await load;

  // both processes healthy again, with no manual step
  for (const api of apis) {
    await eventually(async () => expect((await fetch(`${api.url}/api/health`).catch(() => ({ status: 0 }))).status).toBe(200), 30_000);
  }
  const db = newClient({ connectionString: url });
  await db.connect();
  try {
    // every committed event delivered (the relays of both processes drain the outbox). An event
    // whose after-commit handlers (notifications, webhooks, e-mail) a killed process was running is
    // leased to it for 60 s and only then taken up again: the wait must outlast that lease
    await eventually(
      async () => expect((await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL')).rows[0].n).toBe(0),
      180_000,
    );
    // no duplicate orders: one per cart, and every acknowledged checkout is there exactly once
    const perCart = await db.query('SELECT cart_id FROM orders GROUP BY cart_id HAVING count(*) > 1');
    expect(perCart.rows).toEqual([]);
    const orders = (await db.query('SELECT count(*)::int AS n FROM orders')).rows[0].n;
    expect(orders).toBeGreaterThanOrEqual(succeededKeys.size);
    const acknowledged = await db.query('SELECT count(*)::int AS n FROM orders WHERE id = ANY($1)', [[...succeededKeys.values()]]);
    expect(acknowledged.rows[0].n).toBe(succeededKeys.size);
    // no oversell: what was sold plus what is left is what there was
    const {
      rows: [stock],
    } = await db.query(
      `SELECT v.stock, (SELECT COALESCE(sum(quantity), 0)::int FROM order_lines WHERE variant_id = v.id) AS online,
              (SELECT COALESCE(sum(l.quantity), 0)::int FROM offline_sale_lines l JOIN offline_sales s ON s.id = l.sale_id WHERE l.variant_id = v.id AND s.status = 'completed') AS offline
         FROM variants v WHERE v.id = $1`,
      [variantId],
    );
    expect(stock.stock).toBeGreaterThanOrEqual(0);
    expect(stock.stock + stock.online + stock.offline).toBe(INITIAL_STOCK);
    // each order's event reached each back-office user exactly once
    const {
      rows: [delivery],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM outbox_events WHERE type = 'order.placed') AS events,
              (SELECT count(*)::int FROM users WHERE role IN ('admin', 'staff')) AS staff,
              (SELECT count(*)::int FROM notifications n JOIN outbox_events e ON e.id = n.event_id WHERE e.type = 'order.placed') AS notifications,
              (SELECT count(*)::int FROM (SELECT event_id, user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d) AS duplicates`,
    );
    expect(delivery.events).toBe(orders);
    expect(delivery.notifications).toBe(delivery.events * delivery.staff);
    expect(delivery.duplicates).toBe(0);
  } finally {
    await db.end();
  }
  const invariants = await runCli('check-invariants', [], { DATABASE_URL: url });
  expect(invariants.output).toContain('all invariants hold');
  expect(invariants.code).toBe(0);

  const summary = { ...stats, orders: succeededKeys.size, loadSeconds: LOAD_SECONDS, violations: 0 };
  console.log(`fault injection: ${JSON.stringify(summary)}`);
  await writeFile(join(ROOT, 'tmp-fault-summary.json'), JSON.stringify(summary, null, 2)).catch(() => undefined);
  expect(stats.checkouts).toBeGreaterThan(20);
  expect(stats.retries).toBeGreaterThan(0);
  expect(stats.gaveUp).toBe(0);
}, 900_000); // the load, two API restarts, then up to 180 s for the outbox to drain (as npm run test:faults allows)
