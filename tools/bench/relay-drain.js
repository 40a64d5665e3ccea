// How fast the outbox relay drains a burst (docs/architecture.md, Events: side effects are delivered
// after commit by the relay): `count` order-placed events for existing orders, committed at once
// as a burst of checkouts would leave them, then timed until the last one is delivered by the API's
// own relay. The relay does the real work: a notification to each order's customer and to every
// admin and staff member, once per event and recipient.
import { performance } from 'node:perf_hooks';

/** The outbox name of the event a checkout publishes. */
export const ORDER_PLACED = 'order.placed';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const waiting = async (db, where = 'TRUE', params = []) =>
  Number((await db.query(`SELECT count(*) AS n FROM outbox_events WHERE processed_at IS NULL AND ${where}`, params)).rows[0].n);

/**
 * @param {import('pg').Client} db
 * @param {{ count?: number, limitSeconds?: number }} options
 * @returns {Promise<{ events: number, left: number, seconds: number, firstSeconds: number | null, perSecond: number, notifications: number }>}
 */
export async function relayDrainRun(db, { count = 5000, limitSeconds = 300 } = {}) {
  // measured alone: whatever earlier loads published is delivered first
  for (let i = 0; i < limitSeconds * 10 && (await waiting(db)) > 0; i++) await sleep(100);
  const {
    rows: [burst],
  } = await db.query(
    `WITH e AS (
       INSERT INTO outbox_events (type, payload)
       SELECT $1, jsonb_build_object('orderId', id, 'number', number, 'customerId', customer_id, 'email', email, 'total', total)
         FROM (SELECT id, number, customer_id, email, total FROM orders ORDER BY id DESC LIMIT $2) o
        ORDER BY id
       RETURNING id)
     SELECT min(id)::bigint AS first, max(id)::bigint AS last, count(*)::int AS n FROM e`,
    [ORDER_PLACED, count],
  );
  const committed = performance.now();
  const inBurst = ['id BETWEEN $1 AND $2', [burst.first, burst.last]];
  let firstAt = null;
  let left = burst.n;
  while (left > 0 && performance.now() - committed < limitSeconds * 1000) {
    await sleep(20);
    left = await waiting(db, ...inBurst);
    if (firstAt === null && left < burst.n) firstAt = performance.now();
  }
  const doneAt = performance.now();
  const notifications = Number(
    (await db.query('SELECT count(*) AS n FROM notifications WHERE event_id BETWEEN $1 AND $2', [burst.first, burst.last])).rows[0].n,
  );
  const deliveringSeconds = (doneAt - (firstAt ?? committed)) / 1000;
  return {
    events: burst.n,
    left,
    seconds: (doneAt - committed) / 1000,
    firstSeconds: firstAt === null ? null : (firstAt - committed) / 1000,
    perSecond: deliveringSeconds > 0 ? (burst.n - left) / deliveringSeconds : 0,
    notifications,
  };
}
