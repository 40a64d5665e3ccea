import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import { API_START_TIMEOUT_MS, runCli, spawnApi, type ApiProcess } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { processClient, type TestApi } from './support/test-api.js';

// docs/api.md#orders-payments-and-invoices: "If the process dies in between, a reconciliation job asks the provider about
// every pending payment … and settles it." The built API runs as its own process; the test
// provider charges `tok_visa_held` at once (its ledger row is committed) but holds its answer
// back, and the process is killed right then: charged at the provider, pending in our records.

const ADMIN = { email: 'crash-admin@example.com', password: 'crash-admin-password' };

describe('a crash between the charge and its settlement', () => {
  let db: TestDatabase;
  const processes: ApiProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of processes) await p.stop('SIGKILL');
    await db.drop();
  });

  it(
    'leaves exactly one charge and one succeeded payment once the restarted API reconciles it',
    async () => {
      const env = {
        DATABASE_URL: db.url,
        JWT_SECRET: 'crash-test-secret-that-is-long-enough-for-hs256',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      };
      // the first process would reconcile only after a minute: it dies long before
      const first = await spawnApi(env);
      processes.push(first);
      const shop = processClient(first.url);
      const token = (await shop.request('POST', '/api/auth/login', { body: ADMIN })).body.accessToken;
      const { variantIds } = await productWithStock(shop, token, { name: 'Crash Kettle', price: 4200, stock: 5 });
      const order = (await guestCheckout(shop, await guestCartWith(shop, [{ variantId: variantIds[0], quantity: 1 }]))).body;
      const pay = (api: TestApi, paymentToken: string, key: string) =>
        api.request('POST', `/api/store/orders/${order.id}/payments`, {
          headers: { 'x-order-token': order.accessToken, 'idempotency-key': key },
          body: { paymentToken },
        });

      const answer = pay(shop, 'tok_visa_held', 'crash-1').catch((error: Error) => error); // never answered: the process dies
      const ledger = () => db.pool.query('SELECT key, status, amount, reference FROM test_payment_charges WHERE description = $1', [`Order ${order.number}`]);
      await eventually(async () => expect((await ledger()).rowCount).toBe(1), 30_000);
      expect(await first.stop('SIGKILL')).toBeNull();
      expect(await answer).toMatchObject({ message: 'fetch failed' }); // the connection died with the process

      const [charge] = (await ledger()).rows;
      expect(charge).toMatchObject({ status: 'succeeded', amount: order.total });
      const payments = () => db.pool.query('SELECT status, amount, reference, provider_key FROM payments WHERE order_id = $1', [order.id]);
      expect((await payments()).rows).toEqual([{ status: 'pending', amount: order.total, reference: null, provider_key: charge.key }]);

      // restarted with a short reconciliation delay (a minute in production)
      const second = await spawnApi({ ...env, PAYMENT_RECONCILE_AFTER_MS: '1000' });
      processes.push(second);
      const restarted = processClient(second.url);
      await eventually(async () => expect((await payments()).rows[0].status).toBe('succeeded'), 30_000);

      expect((await payments()).rows).toEqual([{ status: 'succeeded', amount: order.total, reference: charge.reference, provider_key: charge.key }]);
      expect((await ledger()).rows).toHaveLength(1);
      const adminToken = (await restarted.request('POST', '/api/auth/login', { body: ADMIN })).body.accessToken;
      const settled = (await restarted.request('GET', `/api/admin/orders/${order.id}`, { token: adminToken })).body;
      expect(settled).toMatchObject({ paymentStatus: 'paid', status: 'delivered', paidAmount: order.total, balanceDue: 0 });

      // the client's retry with its key gets the result the reconciliation stored, and charges nothing
      const retry = await pay(restarted, 'tok_visa_held', 'crash-1');
      expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
      expect(retry.body).toMatchObject({ id: order.id, paymentStatus: 'paid' });
      expect((await pay(restarted, 'tok_visa', 'crash-2')).body.code).toBe('INVALID_TRANSITION');
      expect((await ledger()).rows).toHaveLength(1);

      const check = await runCli('check-invariants', [], { DATABASE_URL: db.url });
      expect([check.code, check.output]).toEqual([0, expect.stringContaining('all invariants hold')]);
    },
    2 * API_START_TIMEOUT_MS + 120_000,
  ); // two API starts, then the work
});
