// Sustained mixed load (issue 23's last budget): for `minutes` (10), shoppers, cashiers and admins
// browsing at once, with a webhook endpoint subscribed to every event and e-mails sent to an SMTP
// server, both real and in this process. Every 10 s it samples the API's resident memory, the
// outbox's backlog and the row counts of the tables that grow with traffic (and the API, preloaded with
// memory-probe.js, writes its heap figures every 5 s beside it); at the end it measures
// each event's lag (occurred → processed) per minute, so "not growing" is a figure, not a feeling.
//
// The retention job runs every minute with windows of minutes instead of days
// (SUSTAINED_RETENTION below), so that within the run the tables it bounds reach their plateau: what
// days do in production, minutes do here.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { memoryOf, readMemorySamples } from './api-process.js';
import { SHIPPING_ADDRESS } from './fixtures.js';
import { percentile } from './http-load.js';

/** The API's retention for the run: two minutes where production keeps days, applied every minute. */
export const SUSTAINED_RETENTION = {
  RETENTION_INTERVAL_MS: '60000',
  RETENTION_OUTBOX_DAYS: String(2 / 1440),
  RETENTION_WEBHOOK_DELIVERIES_DAYS: String(2 / 1440),
  RETENTION_EMAILS_DAYS: String(2 / 1440),
  RETENTION_NOTIFICATIONS_DAYS: String(2 / 1440),
  RETENTION_AUDIT_DAYS: String(2 / 1440),
};

/** The tables that grow with traffic, whose row counts are sampled. */
const GROWING = [
  'outbox_events',
  'outbox_deliveries',
  'webhook_deliveries',
  'webhook_events',
  'emails',
  'notifications',
  'audit_logs',
  'idempotency_keys',
  'revenue_changes',
];

/** Who does what, and how many at once (closed loops: each starts its next task when the last ended). */
export const SUSTAINED_MIX = { shoppers: 8, cashiers: 2, admins: 2 };

/** An SMTP server that accepts every message (no TLS, no auth) and counts them. */
export async function smtpSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('end', () => {
        received++;
        done();
      });
      stream.resume();
    },
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, received: () => received, close: () => new Promise((done) => server.close(done)) };
}

/** A webhook endpoint that answers 200 at once and counts what arrived. */
async function webhookSink() {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      response.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, received: () => received, close: () => new Promise((done) => server.close(done)) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ api: { url: string, pid: number, memoryFile?: string }, db: import('pg').Client, token: string, store: { variantIds: number[] }, minutes: number, smtp: { received: () => number }, say: (line: string) => void }} options
 */
export async function sustainedRun({ api, db, token, store, minutes, smtp, say }) {
  const hook = await webhookSink();
  const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${api.url}/api/admin/webhooks`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      url: hook.url,
      events: ['order.placed', 'order.updated', 'offline_sale.created', 'refund.created', 'product.updated', 'stock.low'],
      description: 'sustained bench',
    }),
  });
  if (created.status !== 201) throw new Error(`webhook endpoint: ${created.status} ${await created.text()}`);
  const webhookId = (await created.json()).id;
  const [{ id: offlineCustomerId }] = (await db.query('SELECT id FROM offline_customers ORDER BY id LIMIT 1')).rows;
  const orderIds = (await db.query('SELECT id FROM orders ORDER BY id DESC LIMIT 200')).rows.map((r) => r.id);

  const outcome = { tasks: { shopper: 0, cashier: 0, admin: 0 }, deliberate: 0, errors: {}, latencies: { shopper: [], cashier: [], admin: [] } };
  const fail = (what, status, text) => {
    let code = String(status);
    try {
      code = `${status} ${JSON.parse(text).code}`;
    } catch {
      /* not JSON */
    }
    const key = `${what}: ${code}`;
    outcome.errors[key] = (outcome.errors[key] ?? 0) + 1;
  };
  const call = async (what, method, path, { headers = {}, body } = {}) => {
    const reply = await fetch(api.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    return { status: reply.status, text, json: () => JSON.parse(text), what };
  };
  let pick = 0;
  const variant = () => store.variantIds[pick++ % store.variantIds.length];

  const tasks = {
    // a guest: cart, two items, checkout
    async shopper() {
      const cart = await call('cart', 'POST', '/api/store/carts');
      if (cart.status !== 201) return fail('cart', cart.status, cart.text);
      const { id, token: cartToken } = cart.json();
      for (let i = 0; i < 2; i++) {
        const item = await call('item', 'POST', `/api/store/carts/${id}/items`, {
          headers: { 'x-cart-token': cartToken },
          body: { variantId: variant(), quantity: 1 },
        });
        if (item.status !== 201) return fail('item', item.status, item.text);
      }
      const order = await call('checkout', 'POST', '/api/store/checkout', {
        headers: { 'x-cart-token': cartToken, 'idempotency-key': randomUUID() },
        body: { cartId: id, email: `sustained-${id}@example.net`, shippingAddress: SHIPPING_ADDRESS, paymentMethod: 'cash_on_delivery' },
      });
      if (order.status === 409 && order.json().code === 'OUT_OF_STOCK') outcome.deliberate++;
      else if (order.status !== 201) return fail('checkout', order.status, order.text);
      return true;
    },
    // the counter: a two-line sale paid in cash
    async cashier() {
      const lines = [
        { variantId: variant(), quantity: 1 },
        { variantId: variant(), quantity: 1 },
      ];
      const sale = await call('sale', 'POST', '/api/admin/offline-sales', {
        headers: { ...admin, 'idempotency-key': randomUUID() },
        body: { customerId: offlineCustomerId, lines, paymentMethod: 'cash' },
      });
      if (sale.status === 409 && sale.json().code === 'OUT_OF_STOCK') outcome.deliberate++;
      else if (sale.status !== 201) return fail('sale', sale.status, sale.text);
      return true;
    },
    // the back office: the dashboard, the order list, one order, the product list, a page of stock movements
    async admin() {
      const q = (v) => encodeURIComponent(JSON.stringify(v));
      const paths = [
        '/api/admin/reports/dashboard',
        `/api/admin/orders?sort=${q(['placedAt', 'DESC'])}&range=${q([0, 24])}&filter=${q({ status: 'pending' })}`,
        `/api/admin/orders/${orderIds[pick % orderIds.length]}`,
        `/api/admin/products?sort=${q(['name', 'ASC'])}&range=${q([0, 24])}`,
        `/api/admin/stock-movements?sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`,
      ];
      for (const path of paths) {
        const reply = await call('admin', 'GET', path, { headers: { authorization: admin.authorization } });
        if (reply.status !== 200) return fail(`GET ${path.split('?')[0]}`, reply.status, reply.text);
      }
      return true;
    },
  };

  const started = new Date((await db.query('SELECT now() AS now')).rows[0].now);
  // the run's events are those after this id (a primary-key range: cheap to read every sample)
  const firstEvent = (await db.query('SELECT COALESCE(max(id), 0) AS id FROM outbox_events')).rows[0].id;
  const until = performance.now() + minutes * 60_000;
  const loop = (kind) => async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        if ((await tasks[kind]()) === true) {
          outcome.tasks[kind]++;
          outcome.latencies[kind].push(performance.now() - t0);
        }
      } catch (error) {
        fail(kind, 'socket', JSON.stringify({ code: error.cause?.code ?? error.message }));
      }
    }
  };

  const samples = [];
  // each delivered event's lag, read as the run goes (every sample): the run's retention deletes
  // delivered events after two minutes, so reading them only at the end would lose the early minutes
  const lags = new Map();
  const collectLags = async () => {
    const rows = (
      await db.query(
        `SELECT id, floor(extract(epoch FROM occurred_at - $1::timestamptz) / 60)::int AS minute,
                extract(epoch FROM processed_at - occurred_at)::float8 AS lag
           FROM outbox_events WHERE id > $2 AND occurred_at >= $1 AND processed_at IS NOT NULL`,
        [started, firstEvent],
      )
    ).rows;
    for (const row of rows) lags.set(String(row.id), { minute: row.minute, lag: row.lag });
  };
  const sample = async () => {
    await collectLags();
    const counts = Object.fromEntries(
      (await db.query(`SELECT relname, n_live_tup::bigint AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`, [GROWING])).rows.map((r) => [
        r.relname,
        Number(r.n),
      ]),
    );
    const [backlog] = (
      await db.query(
        `SELECT count(*)::int AS waiting, COALESCE(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS oldest
           FROM outbox_events WHERE processed_at IS NULL AND available_at <= now()`,
      )
    ).rows;
    samples.push({
      at: (performance.now() - (until - minutes * 60_000)) / 1000,
      wall: Date.now(),
      rss: memoryOf(api.pid).rss,
      ...backlog,
      counts,
      tasks: { ...outcome.tasks },
    });
  };
  const sampler = (async () => {
    while (performance.now() < until) {
      await sample();
      await sleep(10_000);
    }
  })();
  const workers = Object.entries(SUSTAINED_MIX).flatMap(([role, n]) => Array.from({ length: n }, loop(role.slice(0, -1))));
  say(
    `sustained: ${Object.entries(SUSTAINED_MIX)
      .map(([role, n]) => `${n} ${role}`)
      .join(', ')} for ${minutes} min, webhooks and e-mails on`,
  );
  await Promise.all([...workers, sampler]);
  await sample();

  // each event's lag, per minute of the run (events that occurred in it), from what was collected
  // while it ran, and the events still waiting at the end
  const waitingRows = (
    await db.query(
      `SELECT floor(extract(epoch FROM occurred_at - $1::timestamptz) / 60)::int AS minute, count(*)::int AS waiting
         FROM outbox_events WHERE occurred_at >= $1 AND processed_at IS NULL GROUP BY 1`,
      [started],
    )
  ).rows;
  const byMinute = new Map();
  for (const { minute } of [...lags.values(), ...waitingRows]) if (!byMinute.has(minute)) byMinute.set(minute, []);
  for (const { minute, lag } of lags.values()) byMinute.get(minute).push(lag);
  const sortedNumbers = (list) => [...list].sort((a, b) => a - b);
  const lagRows = [...byMinute.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, list]) => {
      const sorted = sortedNumbers(list);
      const waiting = waitingRows.find((w) => w.minute === minute)?.waiting ?? 0;
      return { minute, events: sorted.length + waiting, p99: sorted.length ? percentile(sorted, 99) : null, max: sorted.at(-1) ?? null, waiting };
    });
  const allLags = sortedNumbers([...lags.values()].map((l) => l.lag));
  const overall = { events: allLags.length, p99: allLags.length ? percentile(allLags, 99) : null };
  const [webhooks] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at)) FILTER (WHERE finished_at IS NOT NULL)::float8 AS p99
         FROM webhook_deliveries WHERE webhook_id = $1`,
      [webhookId],
    )
  ).rows;
  const [emails] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) FILTER (WHERE sent_at IS NOT NULL)::float8 AS p99
         FROM emails WHERE created_at >= $1`,
      [started],
    )
  ).rows;
  const retention = (await db.query(`SELECT rule, table_name, deleted_total::bigint AS deleted, finished_at FROM retention_runs ORDER BY rule`)).rows;
  await fetch(`${api.url}/api/admin/webhooks/${webhookId}`, { method: 'DELETE', headers: { authorization: admin.authorization } });
  await hook.close();

  const latency = Object.fromEntries(
    Object.entries(outcome.latencies).map(([kind, list]) => {
      list.sort((a, b) => a - b);
      return [kind, { tasks: list.length, perSecond: list.length / (minutes * 60), p50: percentile(list, 50), p99: percentile(list, 99) }];
    }),
  );
  const minuteOf = (s) => Math.floor(s.at / 60);
  const rssIn = (minute) => samples.filter((s) => minuteOf(s) === minute).map((s) => s.rss);
  const avg = (list) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  const lastMinute = Math.max(...samples.map(minuteOf));
  // the API's own view of its memory (memory-probe.js, every 5 s): to each sample, the line nearest in time (within 5 s)
  const inProcess = api.memoryFile ? readMemorySamples(api.memoryFile) : [];
  for (const s of samples) {
    const nearest = inProcess.reduce((best, m) => (!best || Math.abs(m.at - s.wall) < Math.abs(best.at - s.wall) ? m : best), null);
    s.heap = nearest && Math.abs(nearest.at - s.wall) <= 5000 ? nearest : null;
  }
  return {
    minutes,
    mix: SUSTAINED_MIX,
    latency,
    deliberate409: outcome.deliberate,
    errors: Object.values(outcome.errors).reduce((a, b) => a + b, 0),
    errorCodes: outcome.errors,
    outbox: { events: overall.events, p99: overall.p99, perMinute: lagRows },
    webhooks: { ...webhooks, received: hook.received() },
    emails: { ...emails, received: smtp.received() },
    rss: { firstMinute: avg(rssIn(1)), lastMinute: avg(rssIn(lastMinute)), max: Math.max(...samples.map((s) => s.rss)) },
    samples,
    heap: inProcess.length
      ? {
          samples: inProcess.length,
          heapUsedMax: Math.max(...inProcess.map((m) => m.heapUsed)),
          heapTotalMax: Math.max(...inProcess.map((m) => m.heapTotal)),
          externalMax: Math.max(...inProcess.map((m) => m.external)),
          inProcess,
        }
      : null,
    retention,
  };
}

/** Whether the run meets the budget, and the figures that say so (for report.js). */
export function sustainedVerdict(run) {
  const minutes = run.outbox.perMinute.filter((m) => m.minute >= 0 && m.minute < run.minutes);
  const half = Math.floor(minutes.length / 2);
  const worst = (list) => Math.max(0, ...list.map((m) => m.p99 ?? 0));
  const firstHalf = worst(minutes.slice(0, half));
  const secondHalf = worst(minutes.slice(half));
  const mb = (bytes) => bytes / 2 ** 20;
  const lagOk = (run.outbox.p99 ?? Infinity) <= 5 && secondHalf <= Math.max(5, firstHalf * 1.5);
  const rssOk = mb(run.rss.max) <= 250 && mb(run.rss.lastMinute) <= mb(run.rss.firstMinute) * 1.2;
  return {
    pass: lagOk && rssOk && run.errors === 0,
    lag: { p99: run.outbox.p99, firstHalf, secondHalf, ok: lagOk },
    rss: { firstMinuteMb: mb(run.rss.firstMinute), lastMinuteMb: mb(run.rss.lastMinute), maxMb: mb(run.rss.max), ok: rssOk },
  };
}

const START = '<!-- bench:sustained:start -->';
const END = '<!-- bench:sustained:end -->';

/** The budget row of report.js for a run (or null when none was made). */
export function sustainedRow(run) {
  const v = sustainedVerdict(run);
  return {
    measure: `sustained mixed load, ${run.minutes} minutes (${Object.entries(run.mix)
      .map(([role, n]) => `${n} ${role}`)
      .join(', ')}, webhooks and e-mails on)`,
    result:
      `outbox lag p99 ${v.lag.p99?.toFixed(2)} s over ${run.outbox.events.toLocaleString('en')} events (worst minute: first half ${v.lag.firstHalf.toFixed(2)} s, second half ${v.lag.secondHalf.toFixed(2)} s); ` +
      `API RSS ${v.rss.firstMinuteMb.toFixed(0)} MB in minute 1 → ${v.rss.lastMinuteMb.toFixed(0)} MB in the last (max ${v.rss.maxMb.toFixed(0)} MB); ` +
      `${run.errors} errors, ${run.deliberate409} deliberate 409s`,
    budget: 'outbox lag p99 ≤ 5 s and not growing, RSS ≤ 250 MB flat, no error but deliberate 409s',
    pass: v.pass,
  };
}

/** Rewrites the sustained-load section of docs/benchmarks.md (between its markers; appended the first time). */
export function writeSustainedReport(file, run, { command, code, load, writeSection }) {
  const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const s = (x) => (x === null || x === undefined ? '–' : `${Number(x).toFixed(2)} s`);
  const row = sustainedRow(run);
  const first = run.samples[0];
  const last = run.samples[run.samples.length - 1];
  const tables = Object.keys(last.counts).sort();
  // the heap columns, when the API ran with memory-probe.js (runs from before it have none)
  const heapHeaders = run.heap
    ? ['heap total (nearest 5-s sample)', 'heap used (nearest 5-s sample)', 'external (ArrayBuffers)', 'rest (RSS − heap total − external)']
    : [];
  const heapCells = (x) => {
    if (!run.heap) return '';
    const h = x.heap;
    if (!h) return '– | – | – | – | ';
    return `${mb(h.heapTotal)} | ${mb(h.heapUsed)} | ${mb(h.external)} (${mb(h.arrayBuffers)}) | ${mb(h.rss - h.heapTotal - h.external)} | `;
  };
  const body = [
    `_Generated by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (code ${code}; load average ${load.start.toFixed(2)} at start, ${load.end.toFixed(2)} at the end)._`,
    '',
    `| measure | result | budget | |`,
    '|---|---|---|---|',
    `| ${row.measure} | ${row.result} | ${row.budget} | ${row.pass ? '✅' : '❌'} |`,
    '',
    '| role | tasks | per second | p50 | p99 |',
    '|---|---|---|---|---|',
    ...Object.entries(run.latency).map(
      ([kind, l]) => `| ${kind} | ${l.tasks.toLocaleString('en')} | ${l.perSecond.toFixed(1)} | ${l.p50?.toFixed(0)} ms | ${l.p99?.toFixed(0)} ms |`,
    ),
    '',
    `Webhooks: ${run.webhooks.succeeded.toLocaleString('en')} attempts succeeded, ${run.webhooks.pending} pending and ${run.webhooks.failed} failed at the end, ${run.webhooks.received.toLocaleString('en')} received; commit → answered p99 ${s(run.webhooks.p99)}. ` +
      `E-mails: ${run.emails.sent.toLocaleString('en')} sent, ${run.emails.pending} pending and ${run.emails.failed} failed at the end, ${run.emails.received.toLocaleString('en')} received by the SMTP server; queued → sent p99 ${s(run.emails.p99)}.` +
      (run.errors
        ? ` Errors: ${Object.entries(run.errorCodes)
            .map(([k, n]) => `${k} × ${n}`)
            .join(', ')}.`
        : ''),
    '',
    'Outbox lag per minute of the run (events that occurred in it: occurred → processed):',
    '',
    '| minute | events | p99 | max | still waiting |',
    '|---|---|---|---|---|',
    ...run.outbox.perMinute.map((m) => `| ${m.minute + 1} | ${m.events.toLocaleString('en')} | ${s(m.p99)} | ${s(m.max)} | ${m.waiting} |`),
    '',
    `Rows of the tables that grow with traffic (live rows, \`pg_stat_user_tables\`), at the start, each minute and the end; retention ran every minute keeping 2 minutes (what days do in production):`,
    '',
    `| after | API RSS | ${heapHeaders.join(' | ')}${heapHeaders.length ? ' | ' : ''}${tables.join(' | ')} |`,
    `|---|---|${[...heapHeaders, ...tables].map(() => '---').join('|')}|`,
    ...[first, ...run.samples.filter((x, i) => i > 0 && x !== last && Math.floor(x.at / 60) !== Math.floor(run.samples[i - 1].at / 60)), last].map(
      (x) => `| ${(x.at / 60).toFixed(1)} min | ${mb(x.rss)} | ${heapCells(x)}${tables.map((t) => (x.counts[t] ?? 0).toLocaleString('en')).join(' | ')} |`,
    ),
    ...(run.heap
      ? [
          '',
          `Heap columns: the API's own \`process.memoryUsage()\` (tools/bench/memory-probe.js, preloaded into the bench's API only), written every 5 s; each row shows the line nearest in time to the row's RSS sample (within 5 s). ` +
            `External includes the ArrayBuffers (in brackets); "rest" is that line's RSS − heap total − external: code, stacks, and the native allocations V8 does not count. ` +
            `Over the run (${run.heap.samples} lines): heap used at most ${mb(run.heap.heapUsedMax)}, heap total at most ${mb(run.heap.heapTotalMax)}, external at most ${mb(run.heap.externalMax)}.`,
        ]
      : []),
  ].join('\n');
  writeSection(file, {
    start: START,
    end: END,
    body,
    place: (current, block) => `${current.trimEnd()}\n\n## Sustained mixed load\n\n${block}\n`,
  });
}
