import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxRelay, RETENTION_BATCH_ROWS, Retention, Scheduler, type RetentionOutcome } from '@chance/core';
import { DataSource } from 'typeorm';
import { ROOT } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

/**
 * Tables that are not deleted by age, and why (docs/operations.md, "Retention"). Every table of the
 * schema is either here or has a retention rule: a new table must say which.
 */
const KEPT: Record<string, string> = {
  users: 'records the business manages',
  profiles: 'records the business manages',
  customer_accounts: 'one row per user: staff notes and the figures the triggers keep (docs/api.md#customers)',
  settings: 'one row',
  categories: 'records the business manages',
  products: 'records the business manages',
  variants: 'records the business manages',
  coupons: 'records the business manages',
  suppliers: 'records the business manages',
  service_types: 'records the business manages',
  offline_customers: 'records the business manages',
  document_counters: 'one row per document series and year',
  orders: 'business history',
  order_lines: 'business history',
  payments: 'business history',
  invoices: 'business history',
  coupon_redemptions: 'business history',
  stock_movements: 'business history: the stock ledger',
  purchases: 'business history',
  purchase_lines: 'business history',
  purchase_invoices: 'business history',
  offline_sales: 'business history',
  offline_sale_lines: 'business history',
  offline_sale_payments: 'business history',
  bookings: 'business history',
  refunds: 'business history',
  returns: 'business history',
  return_lines: 'business history',
  credit_notes: 'business history',
  stock_counts: 'business history: what was counted',
  stock_count_lines: 'business history: what was counted',
  product_images: 'records the business manages',
  api_keys: 'records the business manages',
  webhooks: 'records the business manages',
  booking_payments: 'business history',
  messages: 'business history: what customers and the shop wrote to each other',
  revenue_days: 'one row per day and channel',
  revenue_changes: 'folded into revenue_days every 30 s (the fold deletes them)',
  test_payment_charges: 'the test card provider’s ledger, off in production',
  retention_runs: 'one row per rule',
  migrations: 'the schema’s history',
};

/** Tables whose rows go with a parent that has a rule (ON DELETE CASCADE). */
const WITH_PARENT: Record<string, string> = { outbox_deliveries: 'outbox_events', cart_items: 'carts' };

let api: TestApi;
let token: string;
let retention: Retention;
let dataSource: DataSource;
const sql = (text: string, params: unknown[] = []) => api.db.pool.query(text, params);
const runRetention = async (): Promise<RetentionOutcome[]> => {
  let outcomes: RetentionOutcome[] = [];
  const job = {
    ...retention,
    name: retention.name,
    coordination: retention.coordination,
    intervalMs: 0,
    run: async (m: never) => (outcomes = await retention.run(m)),
  };
  expect(await api.app.get(Scheduler).runOnce(job)).toBe(true);
  return outcomes;
};
const outcomeOf = (outcomes: RetentionOutcome[], rule: string) => outcomes.find((o) => o.rule === rule)!;

beforeAll(async () => {
  // a variable set to other than its default, one with a fraction of a day
  api = await startTestApi({ RETENTION_AUDIT_DAYS: '200', RETENTION_OUTBOX_DAYS: '0.5' });
  token = await api.login(ADMIN.email, ADMIN.password);
  retention = api.app.get(Retention);
  dataSource = api.app.get(DataSource);
});
afterAll(() => api.close());

describe('retention: what each table keeps', () => {
  it('gives every table of the schema a rule, a parent with one, or a reason to keep its rows; operations.md lists every rule', async () => {
    const tables: string[] = (
      await sql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
    ).rows.map((r) => r.table_name);
    const ruled = new Set(retention.rules.map((r) => r.table));
    const unaccounted = tables.filter((t) => !ruled.has(t) && !KEPT[t] && !WITH_PARENT[t]);
    expect(unaccounted).toEqual([]);
    // rows that go with their parent really do
    for (const [child, parent] of Object.entries(WITH_PARENT)) {
      expect(ruled.has(parent)).toBe(true);
      const { rows } = await sql(
        `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = $1::regclass AND confrelid = $2::regclass AND contype = 'f' AND confdeltype = 'c'`,
        [child, parent],
      );
      expect([child, rows[0].n]).toEqual([child, 1]);
    }
    for (const table of [
      'outbox_events',
      'rate_limit_hits',
      'idempotency_keys',
      'notifications',
      'audit_logs',
      'sessions',
      'refresh_tokens',
      'otp_codes',
      'carts',
      'webhook_deliveries',
      'webhook_events',
      'emails',
      'password_reset_tokens',
    ])
      expect([table, ruled.has(table)]).toEqual([table, true]);
    const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    const section = operations.slice(operations.indexOf('## Retention'), operations.indexOf('\n## ', operations.indexOf('## Retention') + 1));
    for (const rule of retention.rules) {
      expect([rule.name, section.includes(`\`${rule.table}\``)]).toEqual([rule.name, true]);
      if (typeof rule.keepDays !== 'number') expect([rule.name, section.includes(`\`${rule.keepDays.variable}\``)]).toEqual([rule.name, true]);
    }
  });

  it('deletes delivered outbox events (and their delivery records) past RETENTION_OUTBOX_DAYS, never an undelivered one', async () => {
    expect(retention.keepDaysOf(retention.rules.find((r) => r.name === 'outbox-events')!)).toBe(0.5);
    const ids = (
      await sql(
        // the undelivered one is not due (available tomorrow) from its first moment: the relay leaves it
        `INSERT INTO outbox_events (type, payload, occurred_at, processed_at, available_at)
         VALUES ('stock.low', '{}', now() - interval '14 hours', now() - interval '13 hours', now()),
                ('stock.low', '{}', now() - interval '12 hours', now() - interval '11 hours', now()),
                ('stock.low', '{}', now() - interval '30 days', NULL, now() + interval '1 day')
         RETURNING id`,
      )
    ).rows.map((r) => Number(r.id));
    await sql(`INSERT INTO outbox_deliveries (event_id, handler) VALUES ($1, 'a'), ($1, 'b'), ($2, 'a')`, [ids[0], ids[1]]);
    const outcome = outcomeOf(await runRetention(), 'outbox-events');
    expect(outcome.deleted).toBeGreaterThanOrEqual(1);
    const left = (await sql('SELECT id FROM outbox_events WHERE id = ANY($1) ORDER BY id', [ids])).rows.map((r) => Number(r.id));
    expect(left).toEqual([ids[1], ids[2]]);
    const deliveries = (await sql('SELECT event_id FROM outbox_deliveries WHERE event_id = ANY($1)', [ids])).rows.map((r) => Number(r.event_id));
    expect(deliveries).toEqual([ids[1]]);
    const [run] = (await sql(`SELECT cutoff, deleted_last_run::int AS deleted FROM retention_runs WHERE rule = 'outbox-events'`)).rows;
    expect(run.deleted).toBe(outcome.deleted);
    expect(Math.abs(Date.now() - 12 * 3_600_000 - run.cutoff.getTime())).toBeLessThan(60_000);
    await sql('DELETE FROM outbox_events WHERE id = $1', [ids[2]]);
  });

  it('keeps the invariant checker true: an order older than the outbox cut-off may lose its event, a newer one may not', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Kept', price: 1000, stock: 10 });
    const old = (await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]))).body;
    const recent = (await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]))).body;
    // delivered: by this drain, or by the running relay that claimed it first (drain then returns
    // before the relay marks it processed, and aging it then would be overwritten)
    await eventually(async () => {
      await api.app.get(OutboxRelay).drain();
      const [pending] = (
        await sql(
          `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'order.placed' AND processed_at IS NULL AND (payload ->> 'orderId')::int = ANY($1)`,
          [[old.id, recent.id]],
        )
      ).rows;
      expect(pending.n).toBe(0);
    });
    // the first order and its delivered event are a day old
    await sql(`UPDATE orders SET placed_at = placed_at - interval '1 day' WHERE id = $1`, [old.id]);
    await sql(
      `UPDATE outbox_events SET occurred_at = occurred_at - interval '1 day', processed_at = processed_at - interval '1 day'
        WHERE type = 'order.placed' AND (payload ->> 'orderId')::int = $1`,
      [old.id],
    );
    await runRetention();
    const events = async (orderId: number) =>
      (await sql(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'order.placed' AND (payload ->> 'orderId')::int = $1`, [orderId])).rows[0].n;
    expect([await events(old.id), await events(recent.id)]).toEqual([0, 1]);
    await expectIntegrity(api);
    // an order after the cut-off without its event is still flagged
    await sql(`DELETE FROM outbox_events WHERE type = 'order.placed' AND (payload ->> 'orderId')::int = $1`, [recent.id]);
    const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
    const check = report.checks.find((c: { name: string }) => c.name === 'order-events-delivered');
    expect(check.examples.map((e: { record: string }) => e.record)).toEqual([recent.number]);
  });

  it('deletes the audit log past RETENTION_AUDIT_DAYS in batches of 1,000 rows, each a transaction of its own', async () => {
    expect(retention.keepDaysOf(retention.rules.find((r) => r.name === 'audit-log')!)).toBe(200);
    await sql('CREATE TABLE test_audit_deletions (txid bigint, n int)');
    await sql(`CREATE FUNCTION test_log_audit_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN INSERT INTO test_audit_deletions SELECT txid_current(), count(*) FROM gone; RETURN NULL; END $$`);
    await sql(
      `CREATE TRIGGER test_audit_deletions AFTER DELETE ON audit_logs REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION test_log_audit_deletions()`,
    );
    try {
      await sql(`DELETE FROM audit_logs`);
      await sql('TRUNCATE test_audit_deletions');
      const old = 2 * RETENTION_BATCH_ROWS + 500;
      await sql(
        `INSERT INTO audit_logs (action, resource, resource_id, changes, at)
         SELECT 'update', 'products', g, '{}', now() - interval '300 days' + g * interval '1 second' FROM generate_series(1, $1) g`,
        [old],
      );
      await sql(`INSERT INTO audit_logs (action, resource, resource_id, changes, at) VALUES ('update', 'products', -1, '{}', now() - interval '100 days')`);
      const outcome = outcomeOf(await runRetention(), 'audit-log');
      expect([outcome.deleted, outcome.batches]).toEqual([old, 3]);
      expect((await sql('SELECT resource_id FROM audit_logs')).rows.map((r) => r.resource_id)).toEqual([-1]);
      const statements = (await sql('SELECT txid, n FROM test_audit_deletions WHERE n > 0 ORDER BY txid')).rows;
      expect(statements.map((s) => s.n)).toEqual([RETENTION_BATCH_ROWS, RETENTION_BATCH_ROWS, 500]);
      expect(new Set(statements.map((s) => s.txid)).size).toBe(3);
    } finally {
      await sql('DROP TRIGGER test_audit_deletions ON audit_logs');
      await sql('DROP FUNCTION test_log_audit_deletions()');
      await sql('DROP TABLE test_audit_deletions');
    }
  });

  it('never waits for a row a request holds: a locked old row is skipped and left for the next run', async () => {
    const [a, b] = (
      await sql(
        `INSERT INTO audit_logs (action, resource, resource_id, changes, at) VALUES ('update', 'products', -2, '{}', now() - interval '300 days'),
                ('update', 'products', -3, '{}', now() - interval '300 days') RETURNING id`,
      )
    ).rows.map((r) => Number(r.id));
    const holder = await api.db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM audit_logs WHERE id = $1 FOR UPDATE', [a]);
      await runRetention();
      expect((await sql('SELECT id FROM audit_logs WHERE id = ANY($1)', [[a, b]])).rows.map((r) => Number(r.id))).toEqual([a]);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    await runRetention();
    expect((await sql('SELECT id FROM audit_logs WHERE id = $1', [a])).rowCount).toBe(0);
  });

  it('deletes notifications read past RETENTION_NOTIFICATIONS_READ_DAYS and any past RETENTION_NOTIFICATIONS_DAYS, keeping the recent and the unread', async () => {
    const [{ id: userId }] = (await sql(`SELECT id FROM users WHERE email = $1`, [ADMIN.email])).rows;
    const rows = [
      ['read long ago', `now() - interval '120 days'`, `now() - interval '100 days'`],
      ['read lately', `now() - interval '120 days'`, `now() - interval '10 days'`],
      ['unread, very old', `now() - interval '400 days'`, 'NULL'],
      ['unread, old', `now() - interval '200 days'`, 'NULL'],
      ['new', 'now()', 'NULL'],
    ];
    for (const [title, created, read] of rows)
      await sql(`INSERT INTO notifications (user_id, type, title, created_at, read_at) VALUES ($1, 'message', $2, ${created}, ${read})`, [userId, title]);
    const outcomes = await runRetention();
    expect([outcomeOf(outcomes, 'notifications-read').deleted, outcomeOf(outcomes, 'notifications').deleted]).toEqual([1, 1]);
    const left = (await sql(`SELECT title FROM notifications WHERE user_id = $1 AND type = 'message' ORDER BY id`, [userId])).rows.map((r) => r.title);
    expect(left).toEqual(['read lately', 'unread, old', 'new']);
  });

  it('deletes idempotency keys after 48 hours unless still in progress, and expired refresh tokens, OTP codes and reset links after a day', async () => {
    await sql(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, created_at) VALUES
         ('test', 'done-old', 'h', 201, '{}', now() - interval '3 days'),
         ('test', 'done-new', 'h', 201, '{}', now() - interval '1 day'),
         ('test', 'in-progress-old', 'h', NULL, NULL, now() - interval '3 days')`,
    );
    const customer = await api.registerCustomer();
    const [{ family_id: family }] = (await sql('SELECT family_id FROM refresh_tokens WHERE user_id = $1', [customer.id])).rows;
    await sql(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, used_at)
       VALUES (gen_random_uuid(), $1, $2, 'used-expired', now() - interval '2 days', now() - interval '32 days')`,
      [family, customer.id],
    );
    await sql(
      `INSERT INTO otp_codes (user_id, channel, code_hash, expires_at) VALUES ($1, 'email', 'old', now() - interval '2 days'), ($1, 'email', 'live', now() + interval '5 minutes')`,
      [customer.id],
    );
    await sql(
      `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, 'reset-old', now() - interval '2 days'), ($1, 'reset-live', now() + interval '1 hour')`,
      [customer.id],
    );
    await runRetention();
    expect((await sql('SELECT token_hash FROM password_reset_tokens WHERE user_id = $1', [customer.id])).rows.map((r) => r.token_hash)).toEqual(['reset-live']);
    expect((await sql(`SELECT key FROM idempotency_keys WHERE scope = 'test' ORDER BY key`)).rows.map((r) => r.key)).toEqual(['done-new', 'in-progress-old']);
    expect((await sql('SELECT token_hash FROM refresh_tokens WHERE family_id = $1', [family])).rows.map((r) => r.token_hash)).not.toContain('used-expired');
    expect((await sql('SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1', [family])).rows[0].n).toBe(1);
    expect((await sql('SELECT code_hash FROM otp_codes WHERE user_id = $1', [customer.id])).rows.map((r) => r.code_hash)).toEqual(['live']);
    // the session still works: its live refresh token was kept
    const refreshed = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } });
    expect(refreshed.status).toBe(200);
  });

  it('deletes finished webhook attempts and sent e-mails past their days, never a pending one, and an event only once no attempt names it', async () => {
    const [{ id: webhookId }] = (
      await sql(`INSERT INTO webhooks (url, events, sealed_secret) VALUES ('https://example.com/hook', '{order.placed}', 'sealed') RETURNING id`)
    ).rows;
    const [oldEvent, pendingEvent, newEvent] = (
      await sql(
        `INSERT INTO webhook_events (type, body, created_at) VALUES ('order.placed', '{}', now() - interval '40 days'),
                ('order.placed', '{}', now() - interval '40 days'), ('order.placed', '{}', now() - interval '5 days') RETURNING id`,
      )
    ).rows.map((r) => r.id as string);
    await sql(
      // the pending attempt (and e-mail) is not due yet: the workers leave it pending
      `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt, status, created_at, due_at) VALUES
         ($1, $2, 'order.placed', 1, 'failed', now() - interval '40 days', now()),
         ($1, $2, 'order.placed', 2, 'succeeded', now() - interval '39 days', now()),
         ($1, $3, 'order.placed', 1, 'failed', now() - interval '40 days', now()),
         ($1, $3, 'order.placed', 2, 'pending', now() - interval '40 days', now() + interval '1 day'),
         ($1, $4, 'order.placed', 1, 'succeeded', now() - interval '5 days', now())`,
      [webhookId, oldEvent, pendingEvent, newEvent],
    );
    await sql(
      `INSERT INTO emails (to_address, template, subject, status, dedupe_key, created_at, due_at) VALUES
         ('a@example.com', 'order_placed', 's', 'sent', 'old-sent', now() - interval '100 days', now()),
         ('a@example.com', 'order_placed', 's', 'failed', 'old-failed', now() - interval '100 days', now()),
         ('a@example.com', 'order_placed', 's', 'pending', 'old-pending', now() - interval '100 days', now() + interval '1 day'),
         ('a@example.com', 'order_placed', 's', 'sent', 'new-sent', now() - interval '10 days', now())`,
    );
    const outcomes = await runRetention();
    expect([outcomeOf(outcomes, 'webhook-deliveries').deleted, outcomeOf(outcomes, 'webhook-events').deleted, outcomeOf(outcomes, 'emails').deleted]).toEqual([
      3, 1, 2,
    ]);
    const attempts = (await sql('SELECT event_id, attempt FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at, attempt', [webhookId])).rows;
    expect(attempts).toEqual([
      { event_id: pendingEvent, attempt: 2 },
      { event_id: newEvent, attempt: 1 },
    ]);
    const events = (await sql('SELECT id FROM webhook_events WHERE id = ANY($1::uuid[])', [[oldEvent, pendingEvent, newEvent]])).rows.map((r) => r.id);
    expect(events.sort()).toEqual([pendingEvent, newEvent].sort());
    expect((await sql(`SELECT dedupe_key FROM emails WHERE to_address = 'a@example.com' ORDER BY dedupe_key`)).rows.map((r) => r.dedupe_key)).toEqual([
      'new-sent',
      'old-pending',
    ]);
    await sql('DELETE FROM webhooks WHERE id = $1', [webhookId]);
  });

  it('runs on one process at a time: a run while another holds the job’s lock is skipped', async () => {
    const outcomes = await Promise.all([api.app.get(Scheduler).runOnce(retention), api.app.get(Scheduler).runOnce(retention)]);
    expect(outcomes.sort()).toEqual([false, true]);
    // and the lock is released afterwards
    expect(await api.app.get(Scheduler).runOnce(retention)).toBe(true);
    expect(dataSource.isInitialized).toBe(true);
  });
});
