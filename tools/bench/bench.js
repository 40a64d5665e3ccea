// `npm run bench [-- --scale N] [--duration S] [--data-dir DIR] [--out FILE]`
//
// Against the production build on the embedded PostgreSQL (seeded first when its folder is empty),
// in one run: pgbench TPC-B (16 clients) and a bare Fastify server as the references, checkout at
// 16 and 32 clients, the whole shopping flow, the store product list, admin lists at scale, the
// dashboard and yearly sales report, how fast the outbox relay drains a burst of events, the API's
// start-up time and peak memory, and /api/health during each attack of docs/api.md#limits
// (tools/bench/attacks.js). Prints a table and writes docs/benchmarks.md (the hand-written
// analysis in that file is kept). Benchmarks are not tests.
// `--only relay` measures the relay drain alone (`--relay-events N`, 5000) and prints it: nothing is written.
// Last, the catalog import and export (catalog-import.js); `--only import` runs that alone
// (`--import-rows N`, 100000) and rewrites only its section of docs/benchmarks.md.
// `--only integrations` measures the webhook fan-out under checkout and the forgot-password timing
// alone (tools/bench/integrations.js) and prints them (raw: tmp/bench/integrations.json).
// Then, on an API started afresh, the sustained mixed load (tools/bench/sustained.js: `--minutes N`,
// 10; `--only sustained` runs it alone and rewrites only its section of docs/benchmarks.md).
// BENCH_API_NODE_ARGS (environment) is put before the script on every API process the bench starts,
// to measure Node flags a deployment would set: BENCH_API_NODE_ARGS="--max-old-space-size=192".
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newClient } from '@chance/core';
import { REPO_ROOT, importBuilt, parseArgs, parseScale } from '../seed/database.js';
import { BENCH_ADMIN } from '../seed/phases/people.js';
import { LOAD_LIMITS, startApi, stopLeftoverPostgres } from './api-process.js';
import { cpuSince, cpuSnapshot } from './cpu.js';
import { sampleWaits } from './waits.js';
import { explainQueries, startProbe } from './explain.js';
import { profileUnder } from './profile.js';
import { BENCH_COUPON, SHIPPING_ADDRESS, dropUnusedCarts, prefilledCarts, prepareStore } from './fixtures.js';
import { cannon, closedLoop, percentile, statusCounts } from './http-load.js';
import { importRows, importRun, printImportTable, writeImportReport } from './catalog-import.js';
import { runPgbench } from './pgbench.js';
import { relayDrainRun } from './relay-drain.js';
import { fanoutLine, forgotLine, forgotTimingRun, webhookFanoutRun } from './integrations.js';
import { budgetRows, printTable, writeReport, writeSection } from './report.js';
import { SUSTAINED_RETENTION, smtpSink, sustainedRow, sustainedRun, writeSustainedReport } from './sustained.js';
import { attackRows, machineOf, printAttackTable, runAttacks, writeAttackReport } from './attacks.js';
import { codeVersion } from './version.js';

const args = parseArgs(process.argv.slice(2));
const scale = parseScale(args.scale, 1);
const duration = Number(args.duration ?? 20);
const dataDir = resolve(args['data-dir'] ?? join(REPO_ROOT, '.data', `bench-${scale}`));
const outFile = resolve(args.out ?? join(REPO_ROOT, 'docs', 'benchmarks.md'));
const relayEvents = Number(args['relay-events'] ?? 5000);
const tmpDir = join(REPO_ROOT, 'tmp', 'bench');
mkdirSync(tmpDir, { recursive: true });
const say = (line) => console.log(`[bench] ${line}`);
const freePort = async () => (await importBuilt('libs/core/src/index.js')).freePort();

const cleanups = [];
const cleanup = async () => {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => undefined);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void cleanup().then(() => process.exit(130)));

function runNode(script, scriptArgs) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', './tools/register-aliases.js', script, ...scriptArgs], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${script} exited with ${code}`))));
  });
}

async function ensureSeeded() {
  const marker = join(dataDir, 'seed.json');
  if (existsSync(marker)) {
    const seeded = JSON.parse(readFileSync(marker, 'utf8'));
    say(`using the data seeded at scale ${seeded.scale} on ${seeded.seededAt} in ${dataDir}`);
    return seeded;
  }
  await stopLeftoverPostgres(dataDir);
  say(`${dataDir} holds no seeded data: seeding at scale ${scale} first`);
  const hasCluster = existsSync(join(dataDir, 'pg', 'PG_VERSION'));
  await runNode('tools/seed/seed.js', ['--scale', String(scale), '--data-dir', dataDir, ...(hasCluster ? ['--reset'] : [])]);
  return JSON.parse(readFileSync(marker, 'utf8'));
}

async function login(url) {
  const reply = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
  if (reply.status !== 200) throw new Error(`admin login failed: ${reply.status} ${await reply.text()}`);
  return (await reply.json()).accessToken;
}

const productListPath = (categoryId) =>
  `/api/store/products?range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["price","ASC"]')}&filter=${encodeURIComponent(JSON.stringify({ categoryId }))}`;
const listPath = (resource, { filter = {}, sort, range }) =>
  `/api/admin/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(JSON.stringify(range))}`;

/** Checkout of pre-filled guest carts with fresh Idempotency-Keys; 409 OUT_OF_STOCK on a scarce cart counts as deliberate. */
async function checkoutRun(api, db, store, { connections, seconds, expectedRate }) {
  const carts = await prefilledCarts(db, { count: Math.max(2000, Math.ceil(expectedRate * seconds * 2.5)), ...store, run: `${Date.now()}-${connections}` });
  let next = 0;
  let instance;
  const outcome = { created: 0, deliberate: 0, errors: {}, exhausted: false };
  const result = await new Promise((resolveRun, reject) => {
    import('autocannon').then(({ default: autocannon }) => {
      instance = autocannon(
        {
          url: api.url,
          connections,
          duration: seconds,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              path: '/api/store/checkout',
              setupRequest: (request, context) => {
                const cart = carts[next++];
                if (!cart) {
                  outcome.exhausted = true;
                  instance.stop();
                  return request;
                }
                context.cart = cart;
                return {
                  ...request,
                  headers: { 'content-type': 'application/json', 'x-cart-token': cart.token, 'idempotency-key': randomUUID() },
                  body: JSON.stringify({ cartId: cart.id, email: `bench-${cart.id}@example.net`, shippingAddress: SHIPPING_ADDRESS, paymentMethod: 'card' }),
                };
              },
              onResponse: (status, body, context) => {
                if (status === 201) outcome.created++;
                else {
                  let code = String(status);
                  try {
                    code = `${status} ${JSON.parse(body).code}`;
                  } catch {
                    /* not JSON */
                  }
                  if (status === 409 && code.endsWith('OUT_OF_STOCK') && context.cart?.scarce) outcome.deliberate++;
                  else outcome.errors[code] = (outcome.errors[code] ?? 0) + 1;
                }
              },
            },
          ],
        },
        (error, res) => (error ? reject(error) : resolveRun(res)),
      );
    }, reject);
  });
  await dropUnusedCarts(db, carts.slice(next));
  const errorCount = Object.values(outcome.errors).reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
  return {
    connections,
    seconds: result.duration,
    rate: outcome.created / result.duration,
    created: outcome.created,
    deliberate409: outcome.deliberate,
    errors: errorCount,
    errorCodes: { ...outcome.errors, ...(result.errors ? { socket: result.errors } : {}), ...(result.timeouts ? { timeouts: result.timeouts } : {}) },
    p50: result.latency.p50,
    p99: result.latency.p99,
    exhausted: outcome.exhausted,
  };
}

/** The whole flow per connection: create cart, add two items, (with `coupon`, apply the coupon,) check out. */
async function flowRun(api, store, { connections, seconds, coupon = false }) {
  let pick = 0;
  const outcome = { flows: 0, errors: {} };
  const json = { 'content-type': 'application/json' };
  const count = (status, body) => {
    let code = String(status);
    try {
      code = `${status} ${JSON.parse(body).code}`;
    } catch {
      /* not JSON */
    }
    outcome.errors[code] = (outcome.errors[code] ?? 0) + 1;
  };
  const item = (request, context) => {
    if (!context.cart) return request;
    const variantId = store.variantIds[pick++ % store.variantIds.length];
    return {
      ...request,
      path: `/api/store/carts/${context.cart.id}/items`,
      headers: { ...json, 'x-cart-token': context.cart.token },
      body: JSON.stringify({ variantId, quantity: 1 }),
    };
  };
  const expect = (wanted) => (status, body) => (status === wanted ? undefined : count(status, body));
  const result = await cannon({
    url: api.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/store/carts',
        onResponse: (status, body, context) => {
          context.cart = undefined;
          if (status !== 201) return count(status, body);
          const cart = JSON.parse(body);
          context.cart = { id: cart.id, token: cart.token };
        },
      },
      { method: 'POST', path: '/api/store/carts/0/items', setupRequest: item, onResponse: expect(201) },
      { method: 'POST', path: '/api/store/carts/0/items', setupRequest: item, onResponse: expect(201) },
      ...(coupon
        ? [
            {
              method: 'POST',
              path: '/api/store/carts/0/coupon',
              setupRequest: (request, context) =>
                context.cart
                  ? {
                      ...request,
                      path: `/api/store/carts/${context.cart.id}/coupon`,
                      headers: { ...json, 'x-cart-token': context.cart.token },
                      body: JSON.stringify({ code: BENCH_COUPON }),
                    }
                  : request,
              onResponse: expect(200),
            },
          ]
        : []),
      {
        method: 'POST',
        path: '/api/store/checkout',
        setupRequest: (request, context) =>
          context.cart
            ? {
                ...request,
                headers: { ...json, 'x-cart-token': context.cart.token, 'idempotency-key': randomUUID() },
                body: JSON.stringify({
                  cartId: context.cart.id,
                  email: `flow-${context.cart.id}@example.net`,
                  shippingAddress: SHIPPING_ADDRESS,
                  paymentMethod: 'cash_on_delivery',
                }),
              }
            : request,
        onResponse: (status, body) => (status === 201 ? outcome.flows++ : count(status, body)),
      },
    ],
  });
  const errors = Object.values(outcome.errors).reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
  return {
    connections,
    seconds: result.duration,
    flowsPerSecond: outcome.flows / result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    errorCodes: outcome.errors,
  };
}

async function getRun(url, paths, { connections, seconds, headers = {} }) {
  let i = 0;
  const result = await cannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }],
  });
  const statuses = statusCounts(result);
  const ok = statuses['200'] ?? 0;
  return {
    connections,
    seconds: result.duration,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.requests.total - ok + result.errors + result.timeouts,
  };
}

/** The middle value (the upper one of an even count), the values left as they are. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Paid, delivered orders of the seeded history that a direct refund applies to (not by card: no provider to call), newest first. */
const refundableOrders = async (db, { count, offset = 0 }) =>
  (
    await db.query(
      `SELECT id FROM orders WHERE status = 'delivered' AND payment_status = 'paid' AND payment_method <> 'card' ORDER BY id DESC LIMIT $1 OFFSET $2`,
      [count, offset],
    )
  ).rows;
const refundBody = { amount: 100, reason: 'benchmark goodwill' };
/** How many orders the measured direct refunds use: the probe's refunds take the next ones. */
const HOT_WRITES = 60;

/** The requests of the hot-write measurements, on orders of the seeded history (unpaid pending ones to edit, paid ones to refund). */
async function hotWrites(db, store, count = HOT_WRITES) {
  const editable = (
    await db.query(
      `SELECT o.id, json_agg(json_build_object('lineId', l.id, 'variantId', l.variant_id, 'quantity', l.quantity) ORDER BY l.id) AS lines
         FROM (SELECT id FROM orders WHERE status = 'pending' AND payment_status = 'unpaid' ORDER BY id DESC LIMIT $1) o
         JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id DESC`,
      [count],
    )
  ).rows;
  const refundable = await refundableOrders(db, { count });
  return {
    orderEdit: editable.map((o, i) => ({
      method: 'PUT',
      path: `/api/admin/orders/${o.id}`,
      body: { lines: [...o.lines, { variantId: store.variantIds[i % store.variantIds.length], quantity: 1 }] },
      ok: 200,
    })),
    refund: refundable.map((o) => ({
      method: 'POST',
      path: `/api/admin/orders/${o.id}/refunds`,
      body: refundBody,
      ok: 201,
    })),
  };
}

/** One request after the other (a warm-up of 5 first): latency percentiles, and whether each got its success status. */
async function writeRun(url, auth, requests) {
  const send = async (r) => {
    const reply = await fetch(url + r.path, {
      method: r.method,
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(r.body),
    });
    await reply.arrayBuffer();
    return reply.status;
  };
  const latencies = [];
  const statuses = {};
  for (const [i, r] of requests.entries()) {
    const t0 = performance.now();
    const status = await send(r);
    if (i >= 5) latencies.push(performance.now() - t0);
    // the row counts 200 for a success, whatever the route's own success status is
    const key = status === r.ok ? '200' : String(status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statuses };
}

/** Webhook fan-out under checkout, then the forgot-password timing (tools/bench/integrations.js). */
async function integrationsRun(api, db, store) {
  const seconds = Math.max(5, Math.round(duration / 2));
  say(`webhook fan-out: checkout ×16 for ${seconds} s without endpoints, then 1,000 events × 3 endpoints committed at once under the same load`);
  const token = await login(api.url);
  const checkout = (s) => checkoutRun(api, db, store, { connections: 16, seconds: s, expectedRate: 300 });
  const fanout = await webhookFanoutRun(api, db, token, checkout, { events: 1000, seconds });
  say(fanoutLine(fanout));
  say('forgot password: 200 existing accounts and 200 unknown e-mails, alternately');
  const forgot = await forgotTimingRun(api, db, { rounds: 200 });
  say(forgotLine(forgot));
  return { fanout, forgot };
}

/**
 * The probe's direct refunds summed up: the statements of the most common shape with their median
 * times, the runs' p50/p95, and each run's total, time before its first statement, time outside its
 * statements' round trips, and slowest statement (for the report's table of the slowest runs).
 */
function refundEvidence(runs) {
  const counts = new Map();
  for (const r of runs) counts.set(r.queries.length, (counts.get(r.queries.length) ?? 0) + 1);
  const [shapeLength] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const alike = runs.filter((r) => r.queries.length === shapeLength);
  const head = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 150);
  const totals = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    status: runs[0].status,
    statuses: runs.reduce((all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }), {}),
    runs: runs.length,
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    max: totals.at(-1),
    beforeFirstStatementMs: median(runs.map((r) => r.startMs)),
    queries: shapeLength,
    shapes: Object.fromEntries(counts),
    statements: alike[0].queries.map((q, i) => ({
      sql: head(q.sql),
      ms: median(alike.map((r) => r.queries[i].ms)),
      dbMs: alike.every((r) => r.queries[i].dbMs !== null) ? median(alike.map((r) => r.queries[i].dbMs)) : null,
    })),
    perRun: runs.map((r) => {
      const slowest = r.queries.reduce((a, q) => (!a || q.ms > a.ms ? q : a), null);
      const db = r.queries.every((q) => q.dbMs !== null) ? r.queries.reduce((sum, q) => sum + q.dbMs, 0) : null;
      return {
        orderId: r.orderId,
        status: r.status,
        ms: r.ms,
        beforeFirstStatementMs: r.startMs,
        statements: r.queries.length,
        dbMs: db,
        outsideStatementsMs: db === null ? null : r.ms - db,
        slowest: slowest && { sql: head(slowest.sql), ms: slowest.ms, dbMs: slowest.dbMs },
      };
    }),
  };
}

const relayDrainLine = (d) =>
  `relay drain: ${d.events} events${d.left ? `, ${d.left} still waiting` : ''} in ${d.seconds.toFixed(2)} s from commit ` +
  `(first delivered after ${d.firstSeconds?.toFixed(2) ?? 'n/a'} s): ${Math.round(d.perSecond)} events/s, ${d.notifications} notifications`;

/** Waits (at most `limitSeconds`) until no outbox event is waiting; the backlog it found and how long it took. */
async function drainOutbox(db, limitSeconds) {
  const waiting = async () => Number((await db.query('SELECT count(*) AS n FROM outbox_events WHERE processed_at IS NULL')).rows[0].n);
  const started = Date.now();
  const backlog = await waiting();
  let left = backlog;
  while (left > 0 && Date.now() - started < limitSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    left = await waiting();
  }
  const seconds = (Date.now() - started) / 1000;
  return { backlog, left, seconds, perSecond: seconds > 0 ? (backlog - left) / seconds : 0 };
}

async function bareFastify(body, contentRange) {
  const file = join(tmpDir, 'product-list.json');
  writeFileSync(file, body);
  const port = await freePort();
  const child = spawn(process.execPath, ['tools/bench/bare-fastify.js', String(port), file, contentRange ?? ''], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready, fail) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && ready());
    child.on('exit', (code) => fail(new Error(`bare Fastify exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.on('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function machine(db, pgbenchVersion) {
  const [{ version }] = (await db.query('SELECT version()')).rows;
  const [{ shared_buffers: sharedBuffers }] = (await db.query('SHOW shared_buffers')).rows;
  const [{ size }] = (await db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows;
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    postgres: version.split(',')[0],
    sharedBuffers,
    databaseSize: size,
    pgbench: pgbenchVersion ?? 'not installed',
    code: codeVersion(),
  };
}

/**
 * The sustained mixed load on an API of its own, started with an SMTP server to send to and the
 * retention of the run (tools/bench/sustained.js); its result and the load average around it.
 */
async function sustainedPhase() {
  const minutes = Number(args.minutes ?? 10);
  const smtp = await smtpSink();
  cleanups.push(() => smtp.close());
  const env = {
    JWT_SECRET: randomBytes(36).toString('base64url'),
    ...LOAD_LIMITS,
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    SMTP_URL: smtp.url,
    ...SUSTAINED_RETENTION,
  };
  say(`sustained mixed load: starting an API with e-mail to ${smtp.url} and retention every minute`);
  const api = await startApi({
    port: await freePort(),
    dataDir,
    env,
    logFile: join(tmpDir, 'api-sustained.log'),
    memoryFile: join(tmpDir, 'api-sustained-memory.jsonl'),
  });
  cleanups.push(() => api.stop());
  const { startEmbeddedPostgres } = await importBuilt('libs/core/src/index.js');
  const borrowed = await startEmbeddedPostgres({ dataDir, database: 'chance', adopt: false });
  const db = newClient({ connectionString: borrowed.url, application_name: 'chance-store-bench' });
  await db.connect();
  cleanups.push(() => db.end());
  const store = await prepareStore(db);
  const load = { start: loadavg()[0] };
  const run = await sustainedRun({ api, db, token: await login(api.url), store, minutes, smtp, say });
  load.end = loadavg()[0];
  writeFileSync(join(tmpDir, 'sustained.json'), JSON.stringify(run, null, 2));
  for (let i = 0; i < 3; i++) await cleanups.pop()();
  const row = sustainedRow(run);
  say(`${row.pass ? 'pass' : 'FAIL'}  ${row.measure}: ${row.result}`);
  return { run, load };
}

async function main() {
  const began = Date.now();
  const load = { start: loadavg()[0] };
  const seeded = await ensureSeeded();
  if (args.only === 'sustained') {
    const { run, load: sustainedLoad } = await sustainedPhase();
    writeSustainedReport(outFile, run, { command: 'npm run bench -- --only sustained', code: codeVersion(), load: sustainedLoad, writeSection });
    say(`wrote the sustained-load section of ${outFile} (raw: tmp/bench/sustained.json)`);
    return;
  }

  say('starting the API (production build, NODE_ENV=production) on the embedded PostgreSQL');
  const jwtSecret = randomBytes(36).toString('base64url');
  // webhook endpoints of the integrations scenario listen on 127.0.0.1
  const env = { JWT_SECRET: jwtSecret, ...LOAD_LIMITS, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' };
  // memoryFile: its heap figures every 5 s in tmp/bench (raw, beside the RSS the report gives)
  const api = await startApi({ port: await freePort(), dataDir, env, logFile: join(tmpDir, 'api.log'), memoryFile: join(tmpDir, 'api-memory.jsonl') });
  cleanups.push(() => api.stop());
  say(`healthy after ${api.startupSeconds.toFixed(2)} s (pid ${api.pid})`);
  const idleMemory = api.memory();

  const { startEmbeddedPostgres } = await importBuilt('libs/core/src/index.js');
  const borrowed = await startEmbeddedPostgres({ dataDir, database: 'chance', adopt: false });
  const db = newClient({ connectionString: borrowed.url, application_name: 'chance-store-bench' });
  await db.connect();
  cleanups.push(() => db.end());
  const waitDb = newClient({ connectionString: borrowed.url, application_name: 'chance-store-bench-sampler' });
  await waitDb.connect();
  cleanups.push(() => waitDb.end());

  if (args.only === 'relay') {
    say(`outbox relay drain: ${relayEvents} order-placed events committed at once`);
    const drain = await relayDrainRun(db, { count: relayEvents });
    say(relayDrainLine(drain));
    await cleanup();
    return;
  }
  if (args.only === 'integrations') {
    const integrations = await integrationsRun(api, db, await prepareStore(db));
    writeFileSync(join(tmpDir, 'integrations.json'), JSON.stringify(integrations, null, 2));
    await cleanup();
    return;
  }

  const importRowCount = Number(args['import-rows'] ?? 100_000);
  const catalogImport = async () => {
    const result = await importRun({ api, db, token: await login(api.url), tmpDir, rows: importRowCount, say });
    const rows = importRows(result);
    printImportTable(rows);
    return { result, rows };
  };
  if (args.only === 'import') {
    const started = { start: loadavg()[0] };
    const { result, rows } = await catalogImport();
    writeImportReport(outFile, result, rows, { command: 'npm run bench -- --only import', code: codeVersion(), load: { ...started, end: loadavg()[0] } });
    say(`wrote the import section of ${outFile}`);
    await cleanup();
    return;
  }

  say('pgbench TPC-B: -i, then -c 16 -j 2 -T 20 in its own database');
  const pgbench = await runPgbench({ url: borrowed.url, clients: 16, threads: 2, seconds: 20 });
  say(
    pgbench
      ? `pgbench: ${pgbench.tps.toFixed(0)} tps (${pgbench.version})`
      : 'pgbench is not installed (Debian: apt-get install postgresql-client): its ratio is skipped',
  );
  const system = await machine(db, pgbench?.version);

  const store = await prepareStore(db);
  const categories = (await db.query(`SELECT category_id AS id, count(*)::int AS n FROM products WHERE is_active GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`)).rows;
  const productPaths = categories.map((c) => productListPath(c.id));
  api.sample();

  // the HTTP reference: the same JSON bytes from a bare Fastify
  const sample = await fetch(api.url + productPaths[0]);
  const sampleBody = Buffer.from(await sample.arrayBuffer());
  const bare = await bareFastify(sampleBody, sample.headers.get('content-range'));
  cleanups.push(() => bare.stop());
  say(`bare Fastify with the product list's ${sampleBody.length} bytes, 32 connections, ${duration} s`);
  await getRun(bare.url, ['/'], { connections: 32, seconds: 3 });
  const cpu = {};
  const waits = {};
  const measured = async (name, work, extraPids = [], { sessions = false } = {}) => {
    const before = cpuSnapshot({ apiPid: api.pid, dataDir, extraPids });
    const stopSampling = sessions ? sampleWaits(waitDb) : null;
    const result = await work();
    if (stopSampling) waits[name] = await stopSampling();
    cpu[name] = { ...cpuSince(before, cpuSnapshot({ apiPid: api.pid, dataDir, extraPids })), apiRss: api.memory().rss, apiPeakSoFar: api.memory().sampledPeak };
    return result;
  };
  const bareResult = await measured('bare Fastify', () => getRun(bare.url, ['/'], { connections: 32, seconds: duration }), [bare.pid]);
  await bare.stop();
  cleanups.pop();

  say(`store product list (${categories.length} busiest categories in turn), 32 connections, ${duration} s`);
  await getRun(api.url, productPaths, { connections: 32, seconds: 3 });
  const productList = await measured('store product list', () => getRun(api.url, productPaths, { connections: 32, seconds: duration }), [], { sessions: true });

  say('checkout warm-up');
  const warm = await checkoutRun(api, db, store, { connections: 16, seconds: 3, expectedRate: 300 });
  const checkouts = {};
  for (const connections of [16, 32]) {
    say(`checkout, ${connections} connections, ${duration} s`);
    checkouts[connections] = await measured(
      `checkout ×${connections}`,
      () => checkoutRun(api, db, store, { connections, seconds: duration, expectedRate: Math.max(warm.rate, 50) * 1.5 }),
      [],
      { sessions: true },
    );
  }

  say(`whole guest flow (cart, two items, checkout), 32 connections, ${duration} s`);
  const flow = await measured('shopping flow', () => flowRun(api, store, { connections: 32, seconds: duration }), [], { sessions: true });

  // the outbox relay delivers what the loads published (notifications); wait for it, so it neither
  // loads the admin measurements nor is left behind, and see how fast it goes
  say('waiting for the outbox relay to deliver the events the loads published');
  const outbox = await drainOutbox(db, 240);
  say(`outbox: ${outbox.backlog} events waiting, ${outbox.left} left after ${outbox.seconds.toFixed(0)} s`);
  say(`outbox relay drain: ${relayEvents} order-placed events committed at once`);
  const relayDrain = await measured('relay drain', () => relayDrainRun(db, { count: relayEvents }));
  say(relayDrainLine(relayDrain));

  const integrations = await measured('webhook fan-out', () => integrationsRun(api, db, store));

  const token = await login(api.url);
  const auth = { authorization: `Bearer ${token}` };
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const adminClients = Number(args['admin-clients'] ?? 1);
  const adminSeconds = Math.max(5, Math.round(duration / 2));
  const adminCases = {
    ordersFirst: listPath('orders', { filter: { status: 'delivered' }, sort: ['placedAt', 'DESC'], range: [0, 24] }),
    ordersDeep: listPath('orders', { filter: { status: 'delivered' }, sort: ['placedAt', 'DESC'], range: [50000, 50024] }),
    ordersPending: listPath('orders', { filter: { status: 'pending' }, sort: ['placedAt', 'DESC'], range: [0, 24] }),
    productsSearch: listPath('products', { filter: { q: 'shirt' }, sort: ['id', 'DESC'], range: [0, 24] }),
    customersByValue: listPath('customers', { sort: ['lifetimeValue', 'DESC'], range: [0, 24] }),
    dashboard: '/api/admin/reports/dashboard',
    salesYear: `/api/admin/reports/sales?from=${yearAgo}&to=${today}&groupBy=month`,
    // the second wave's hot lists
    returnsQueue: listPath('returns', { filter: { status: 'requested' }, sort: ['requestedAt', 'DESC'], range: [0, 24] }),
    refunds: listPath('refunds', { sort: ['createdAt', 'DESC'], range: [0, 24] }),
    webhookDeliveries: listPath('webhook-deliveries', { filter: { status: 'failed' }, sort: ['id', 'DESC'], range: [0, 24] }),
  };
  const admin = {};
  for (const [name, path] of Object.entries(adminCases)) {
    say(`${name}: ${adminClients} client(s), ${adminSeconds} s`);
    await closedLoop({ url: api.url, paths: [path], headers: auth, clients: adminClients, durationMs: 1000, minRequests: 3 });
    admin[name] = {
      path,
      ...(await measured(name, () =>
        closedLoop({ url: api.url, paths: [path], headers: auth, clients: adminClients, durationMs: adminSeconds * 1000, minRequests: 20 }),
      )),
    };
  }
  // the second wave's hot writes, one client: an edit of a placed order (a line added: stock moved,
  // totals recomputed, the invoice revised) and a direct refund of a paid order (with its credit note)
  for (const [name, requests] of Object.entries(await hotWrites(db, store))) {
    say(`${name}: ${requests.length} requests, one client`);
    admin[name] = await measured(name, () => writeRun(api.url, auth, requests));
  }
  const memory = api.memory();
  load.end = loadavg()[0];

  // the attacks of docs/api.md#limits last: /api/health during each
  const attacks = args['no-attacks'] ? undefined : await runAttacks({ url: api.url, seconds: Number(args['attack-seconds'] ?? 15), say });

  const profiles = {};
  if (!args['no-profile']) {
    const profileSeconds = Math.max(5, Math.round(duration / 2));
    const profileDir = join(tmpDir, 'profiles');
    const common = { databaseUrl: borrowed.url, dataDir, jwtSecret, dir: profileDir };
    say(`CPU profile of a second API process (--cpu-prof) under the product list, ${profileSeconds} s`);
    profiles.productList = await profileUnder({
      ...common,
      name: 'product-list',
      port: await freePort(),
      load: (url) => getRun(url, productPaths, { connections: 16, seconds: profileSeconds }),
    });
    say(`CPU profile under checkout at 32 clients, ${profileSeconds} s`);
    profiles.checkout = await profileUnder({
      ...common,
      name: 'checkout',
      port: await freePort(),
      load: (url) => checkoutRun({ url }, db, store, { connections: 32, seconds: profileSeconds, expectedRate: Math.max(checkouts[32].rate, 50) * 1.5 }),
    });
  }

  say('evidence: every query of each measured request, EXPLAIN (ANALYZE, BUFFERS)');
  const probe = await startProbe({ url: borrowed.url, dataDir, jwtSecret });
  cleanups.push(() => probe.close());
  const probeLogin = await probe.request({ method: 'POST', path: '/api/auth/login', body: BENCH_ADMIN });
  const probeAuth = { authorization: `Bearer ${JSON.parse(probeLogin.body).accessToken}` };
  const evidence = {};
  for (const [name, path] of [['productList', productPaths[0]], ...Object.entries(adminCases)]) {
    const reply = await probe.request({ path, headers: name === 'productList' ? {} : probeAuth });
    const plans = await explainQueries(db, reply.queries);
    evidence[name] = {
      path,
      status: reply.status,
      ms: reply.ms,
      queries: reply.queries.length,
      dbMs: plans.reduce((s, p) => s + p.executionMs, 0),
      plans: plans.slice(0, 3),
    };
  }
  // checkout, 20 times in a row: the statements it runs and how long each takes (median), without concurrency
  const probeCarts = await prefilledCarts(db, { count: 20, ...store, scarceShare: 0.0001, run: `probe-${Date.now()}` });
  const runs = [];
  for (const cart of probeCarts) {
    runs.push(
      await probe.request({
        method: 'POST',
        path: '/api/store/checkout',
        headers: { 'x-cart-token': cart.token, 'idempotency-key': randomUUID() },
        body: { cartId: cart.id, email: 'probe@example.net', shippingAddress: SHIPPING_ADDRESS, paymentMethod: 'card' },
      }),
    );
  }
  const shape = runs[0].queries;
  evidence.checkout = {
    status: runs[0].status,
    ms: median(runs.map((r) => r.ms)),
    beforeFirstStatementMs: median(runs.map((r) => r.startMs)),
    queries: shape.length,
    statements: shape.map((q, i) => ({
      sql: q.sql.replace(/\s+/g, ' ').slice(0, 150),
      ms: median(runs.filter((r) => r.queries.length === shape.length).map((r) => r.queries[i].ms)),
    })),
  };
  // the direct refund, 30 times in a row (after 2 not counted) on paid orders the measured refunds did
  // not touch: its statements (median), and for each run where its time went, to explain its outliers
  const refundRuns = [];
  for (const [i, { id }] of (await refundableOrders(db, { count: 32, offset: HOT_WRITES })).entries()) {
    const run = await probe.request({
      method: 'POST',
      path: `/api/admin/orders/${id}/refunds`,
      headers: { ...probeAuth, 'idempotency-key': randomUUID() },
      body: refundBody,
    });
    if (i >= 2) refundRuns.push({ orderId: id, ...run });
  }
  if (refundRuns.length) evidence.refund = refundEvidence(refundRuns);
  await probe.close();
  cleanups.pop();

  say('catalog import and export');
  const importLoad = { start: loadavg()[0] };
  const imported = await catalogImport();
  importLoad.end = loadavg()[0];

  await drainOutbox(db, 60);
  await db.end();
  cleanups.pop();
  await waitDb.end();
  cleanups.pop();
  await api.stop();
  cleanups.pop();
  const sustained = await sustainedPhase();

  const results = {
    ranAt: new Date(began).toISOString(),
    minutes: (Date.now() - began) / 60_000,
    scale: seeded.scale,
    seeded,
    machine: system,
    load,
    duration,
    adminClients,
    startupSeconds: api.startupSeconds,
    memory: { idle: idleMemory.rss, peak: Math.max(memory.sampledPeak, memory.kernelPeak), samples: memory.samples },
    pgbench,
    bare: bareResult,
    productList,
    checkouts,
    flow,
    admin,
    cpu,
    waits,
    outbox,
    relayDrain,
    integrations,
    dbPoolSize: Number(process.env.DB_POOL_SIZE ?? 20),
    profiles,
    evidence,
    attacks,
    sustained: sustained.run,
  };
  writeFileSync(join(tmpDir, 'results.json'), JSON.stringify(results, null, 2));
  const rows = budgetRows(results);
  printTable(rows, results);
  writeReport(outFile, results, rows);
  if (attacks) {
    const attackTable = attackRows(attacks);
    printAttackTable(attackTable);
    writeAttackReport(outFile, attacks, attackTable, machineOf(`npm run bench -- --scale ${results.scale}`, system.code));
  }
  writeImportReport(outFile, imported.result, imported.rows, { command: `npm run bench -- --scale ${results.scale}`, code: system.code, load: importLoad });
  writeSustainedReport(outFile, sustained.run, { command: `npm run bench -- --scale ${results.scale}`, code: system.code, load: sustained.load, writeSection });
  say(`wrote ${outFile} (raw results: tmp/bench/results.json)`);
}

main()
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
