import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import { API_START_TIMEOUT_MS, spawnApi, type ApiProcess } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { processClient } from './support/test-api.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

// docs/api.md#webhooks: "events are delivered at least once, each id stays the same across retries";
// "nothing lost across restarts". The built API runs as its own process and is SIGKILLed while an
// endpoint holds its delivery unanswered; a restarted API sends the event again, with the same id.

const ADMIN = { email: 'hook-crash-admin@example.com', password: 'hook-crash-password' };

describe('an API killed in the middle of a webhook delivery', () => {
  let db: TestDatabase;
  let target: WebhookReceiver;
  const processes: ApiProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    target = await startWebhookReceiver();
  });
  afterAll(async () => {
    for (const p of processes) await p.stop('SIGKILL');
    await target.close();
    await db.drop();
  });

  it(
    'delivers the event again after a restart, with the same event id and body: the cut attempt is listed as interrupted',
    async () => {
      const env = {
        DATABASE_URL: db.url,
        JWT_SECRET: 'hook-crash-secret-that-is-long-enough-for-hs256',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        // an attempt is leased for the timeout plus 5 s: a dead process's attempt is taken over after 7 s here (15 s by default)
        WEBHOOK_TIMEOUT_MS: '2000',
        OUTBOX_INTERVAL_MS: '200',
      };
      const first = await spawnApi(env);
      processes.push(first);
      const shop = processClient(first.url);
      const token = (await shop.request('POST', '/api/auth/login', { body: ADMIN })).body.accessToken;
      const hook = await shop.request('POST', '/api/admin/webhooks', { token, body: { url: `${target.url}/crash`, events: ['order.placed'] } });
      expect(hook.status).toBe(201);
      target.answer((_, index) => (index === 0 ? 'hang' : 200));
      const { variantIds } = await productWithStock(shop, token, { name: 'Crash Hook Kettle', price: 3100, stock: 5 });
      const order = (await guestCheckout(shop, await guestCartWith(shop, [{ variantId: variantIds[0], quantity: 1 }]))).body;

      await eventually(async () => expect(target.calls).toHaveLength(1), 30_000); // received, and held unanswered
      expect(await first.stop('SIGKILL')).toBeNull();
      const attempts = () => db.pool.query(`SELECT attempt, status, error FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY attempt`, [hook.body.id]);
      expect((await attempts()).rows).toEqual([{ attempt: 1, status: 'pending', error: null }]);

      const second = await spawnApi(env);
      processes.push(second);
      await eventually(async () => expect((await attempts()).rows.map((r) => r.status)).toEqual(['failed', 'succeeded']), 60_000);
      expect((await attempts()).rows[0].error).toMatch(/^interrupted/);
      expect(target.calls).toHaveLength(2);
      const [cut, redelivered] = target.calls;
      expect(redelivered.headers['chance-event-id']).toBe(cut.headers['chance-event-id']);
      expect(redelivered.body).toBe(cut.body);
      expect(redelivered.json).toMatchObject({ type: 'order.placed', data: { id: order.id, number: order.number } });
      const events = await db.pool.query(`SELECT count(*)::int AS n FROM webhook_events WHERE type = 'order.placed'`);
      expect(events.rows[0].n).toBe(1);
    },
    2 * API_START_TIMEOUT_MS + 120_000,
  ); // two API starts, then the work
});
