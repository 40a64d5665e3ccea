// Integrations under load (docs/api.md):
//
// - webhook fan-out: three endpoints (HTTP servers in this process answering 200) subscribe to
//   order.placed and order.updated; 1,000 order.updated events are committed at once while
//   checkouts run at 16 clients. Measured: how long until the 3,000 deliveries of the burst have
//   arrived (and at what rate), and checkout's throughput and latency then, against the same load
//   just before without any endpoint. The endpoints are deleted afterwards.
// - account recovery: `POST /api/auth/password/forgot` for existing accounts and unknown e-mails,
//   alternately, one at a time: the latency of each kind (the answer must not tell them apart).
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './http-load.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An endpoint that answers 200 at once and notes when each event (by order id) arrived. */
async function receiver() {
  const arrivals = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        arrivals.push({ type: body.type, orderId: body.data?.id, at: performance.now() });
      } catch {
        /* not JSON: not ours */
      }
      response.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, arrivals, close: () => new Promise((done) => server.close(done)) };
}

async function admin(url, token, method, path, body) {
  const reply = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await reply.text();
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * @param {{ url: string }} api
 * @param {import('pg').Client} db
 * @param {string} token an admin's access token
 * @param {(seconds: number) => Promise<{ rate: number, p50: number, p99: number, created: number, errors: number }>} checkout
 *   runs checkout at 16 clients for `seconds`
 */
export async function webhookFanoutRun(api, db, token, checkout, { events = 1000, seconds = 10, limitSeconds = 300 } = {}) {
  const baseline = await checkout(seconds);
  const endpoints = await Promise.all([receiver(), receiver(), receiver()]);
  const hooks = [];
  try {
    for (const endpoint of endpoints) {
      hooks.push(
        await admin(api.url, token, 'POST', '/api/admin/webhooks', { url: endpoint.url, events: ['order.placed', 'order.updated'], description: 'bench' }),
      );
    }
    // the burst: order.updated events of existing orders, committed at once (no e-mail follows a move to processing)
    const { rows } = await db.query(
      `INSERT INTO outbox_events (type, payload)
       SELECT 'order.updated', jsonb_build_object('orderId', id, 'number', number, 'customerId', customer_id, 'email', email,
                                                  'change', 'status', 'from', 'pending', 'to', 'processing')
         FROM (SELECT id, number, customer_id, email FROM orders ORDER BY id DESC LIMIT $1) o ORDER BY id
       RETURNING (payload ->> 'orderId')::int AS order_id`,
      [events],
    );
    const burst = new Set(rows.map((r) => r.order_id));
    const committed = performance.now();
    const during = await checkout(seconds);
    const delivered = () => endpoints.flatMap((e) => e.arrivals.filter((a) => a.type === 'order.updated' && burst.has(a.orderId)));
    while (delivered().length < burst.size * endpoints.length && performance.now() - committed < limitSeconds * 1000) await sleep(50);
    const arrivals = delivered();
    const last = Math.max(...arrivals.map((a) => a.at));
    const first = Math.min(...arrivals.map((a) => a.at));
    const placedDelivered = endpoints.reduce((n, e) => n + e.arrivals.filter((a) => a.type === 'order.placed').length, 0);
    const failed = Number(
      (await db.query(`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'failed' AND webhook_id = ANY($1)`, [hooks.map((h) => h.id)])).rows[0].n,
    );
    return {
      events: burst.size,
      endpoints: endpoints.length,
      deliveries: arrivals.length,
      expected: burst.size * endpoints.length,
      seconds: (last - committed) / 1000,
      firstSeconds: (first - committed) / 1000,
      perSecond: arrivals.length / ((last - first) / 1000 || 1),
      failed,
      checkoutDeliveries: placedDelivered,
      baseline,
      during,
    };
  } finally {
    for (const hook of hooks) await admin(api.url, token, 'DELETE', `/api/admin/webhooks/${hook.id}`).catch(() => undefined);
    for (const endpoint of endpoints) await endpoint.close();
  }
}

/** `forgot` for `rounds` existing accounts and as many unknown e-mails, alternately, one at a time. */
export async function forgotTimingRun(api, db, { rounds = 200 } = {}) {
  const { rows } = await db.query(`SELECT email FROM users WHERE role = 'customer' AND is_active ORDER BY id LIMIT $1`, [rounds]);
  const known = rows.map((r) => r.email);
  const time = async (email) => {
    const started = performance.now();
    const reply = await fetch(`${api.url}/api/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const text = await reply.text();
    return { ms: performance.now() - started, status: reply.status, text };
  };
  for (let i = 0; i < 20; i++) await time(`warm-up-${i}@example.invalid`);
  const existing = [];
  const unknown = [];
  const bodies = new Set();
  const statuses = new Set();
  for (let i = 0; i < known.length; i++) {
    for (const [list, email] of i % 2 === 0
      ? [
          [existing, known[i]],
          [unknown, `nobody-${i}-${Date.now()}@example.invalid`],
        ]
      : [
          [unknown, `nobody-${i}-${Date.now()}@example.invalid`],
          [existing, known[i]],
        ]) {
      const reply = await time(email);
      list.push(reply.ms);
      bodies.add(reply.text);
      statuses.add(reply.status);
    }
  }
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { n: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
  };
  return { existing: summary(existing), unknown: summary(unknown), distinctBodies: bodies.size, statuses: [...statuses] };
}

export const fanoutLine = (f) =>
  `webhook fan-out: ${f.deliveries} of ${f.expected} deliveries (${f.events} events × ${f.endpoints} endpoints, ${f.failed} failed attempts) ` +
  `arrived ${f.seconds.toFixed(1)} s after the commit (the first after ${f.firstSeconds.toFixed(2)} s), ${Math.round(f.perSecond)} deliveries/s; ` +
  `checkout ×16 without endpoints ${Math.round(f.baseline.rate)}/s p50 ${f.baseline.p50} ms p99 ${f.baseline.p99} ms, ` +
  `during the fan-out ${Math.round(f.during.rate)}/s p50 ${f.during.p50} ms p99 ${f.during.p99} ms (${f.checkoutDeliveries} order.placed deliveries of its own)`;

export const forgotLine = (t) =>
  `forgot password (${t.existing.n} + ${t.unknown.n}, alternately, one at a time): existing accounts p50 ${t.existing.p50.toFixed(1)} ms p90 ${t.existing.p90.toFixed(1)} ms, ` +
  `unknown e-mails p50 ${t.unknown.p50.toFixed(1)} ms p90 ${t.unknown.p90.toFixed(1)} ms; ${t.distinctBodies} distinct body, statuses ${t.statuses.join(', ')}`;
