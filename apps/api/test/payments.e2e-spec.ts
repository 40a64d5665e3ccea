import { randomUUID } from 'node:crypto';
import { PaymentReconciliation } from '@chance/orders';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type Reply, type TestApi } from './support/test-api.js';

// docs/api.md#orders-payments-and-invoices: card payments are written pending, charged outside any transaction with a key
// the provider receives, then settled; a crash or a provider that did not answer is settled by
// the reconciliation job. The test provider's ledger (test_payment_charges) counts the charges.

let api: TestApi;
let token: string;
let variantId: number;

interface PlacedOrder {
  id: number;
  number: string;
  total: number;
  accessToken: string;
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  variantId = (await productWithStock(api, token, { name: 'Kettle', price: 2999, costPrice: 1200, shippingCost: 300, stock: 1000 })).variantIds[0];
});
afterAll(() => api.close());

async function placeOrder(): Promise<PlacedOrder> {
  const reply = await guestCheckout(api, await guestCartWith(api, [{ variantId, quantity: 1 }]));
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${reply.text}`);
  return reply.body;
}

const pay = (order: PlacedOrder, paymentToken: string, key: string): Promise<Reply> =>
  api.request('POST', `/api/store/orders/${order.id}/payments`, {
    headers: { 'x-order-token': order.accessToken, 'idempotency-key': key },
    body: { paymentToken },
  });

/** Every charge the provider made for the order (its description names the order), by outcome. */
const charges = async (order: PlacedOrder) =>
  (await api.db.pool.query(`SELECT status, amount FROM test_payment_charges WHERE description = $1 ORDER BY created_at`, [`Order ${order.number}`])).rows;

const paymentRows = async (order: PlacedOrder) =>
  (await api.db.pool.query('SELECT status, amount, method, reference IS NOT NULL AS has_reference FROM payments WHERE order_id = $1 ORDER BY id', [order.id]))
    .rows;

const adminOrder = async (order: PlacedOrder) => (await api.request('GET', `/api/admin/orders/${order.id}`, { token })).body;

/** As if PAYMENT_RECONCILE_AFTER_MS had passed for the order's pending payments. */
const makeDue = (order: PlacedOrder) =>
  api.db.pool.query(
    `UPDATE payments SET next_check_at = now() - interval '1 second', created_at = created_at - interval '2 minutes' WHERE order_id = $1 AND status = 'pending'`,
    [order.id],
  );

const reconcile = () => api.app.get(PaymentReconciliation).run();

const release = (order: PlacedOrder) => api.db.pool.query('UPDATE test_payment_charges SET held = false WHERE description = $1', [`Order ${order.number}`]);

describe('online card payments: no charge without a record, no record without a charge', () => {
  it('replays a success for a retry with the same key, charging nothing more; another body with the key is 422', async () => {
    const order = await placeOrder();
    const first = await pay(order, 'tok_visa', 'retry-ok');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paymentStatus: 'paid', status: 'delivered', paidAmount: order.total, balanceDue: 0 });
    const again = await pay(order, 'tok_visa', 'retry-ok');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    const reused = await pay(order, 'tok_declined', 'retry-ok');
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const other = await pay(order, 'tok_visa', 'retry-ok-2');
    expect([other.status, other.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
    expect(await paymentRows(order)).toEqual([{ status: 'succeeded', amount: order.total, method: 'card', has_reference: true }]);
  });

  it('stores a decline as its key’s result: the same key answers the same 402 without charging again; a new key pays', async () => {
    const order = await placeOrder();
    const declined = await pay(order, 'tok_declined', 'declined-1');
    expect([declined.status, declined.body.code]).toEqual([402, 'PAYMENT_DECLINED']);
    const again = await pay(order, 'tok_declined', 'declined-1');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([402, 'true']);
    expect(again.body).toEqual(declined.body);
    expect((await pay(order, 'tok_visa', 'declined-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await charges(order)).toEqual([{ status: 'declined', amount: order.total }]);
    expect(await adminOrder(order)).toMatchObject({ paymentStatus: 'unpaid', paidAmount: 0, balanceDue: order.total, status: 'pending' });

    const paid = await pay(order, 'tok_visa', 'declined-2');
    expect(paid.status).toBe(201);
    expect(await charges(order)).toEqual([
      { status: 'declined', amount: order.total },
      { status: 'succeeded', amount: order.total },
    ]);
    const listed = await api.request('GET', `/api/admin/payments?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id }))}&sort=["id","ASC"]`, {
      token,
    });
    expect(listed.body.map((p: any) => [p.status, p.amount, p.refundedAmount])).toEqual([
      ['failed', order.total, 0],
      ['succeeded', order.total, 0],
    ]);
    const failed = await api.request('GET', `/api/admin/payments?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id, status: 'failed' }))}`, {
      token,
    });
    expect(failed.body.map((p: any) => p.status)).toEqual(['failed']);
    expect(await adminOrder(order)).toMatchObject({ paymentStatus: 'paid', paidAmount: order.total });
  });

  it('holds the key and the balance while a charge is in flight: the same key is 409 IN_PROGRESS, other payments are refused', async () => {
    const order = await placeOrder();
    const first = pay(order, 'tok_visa_held', 'held-1');
    await eventually(async () => expect(await charges(order)).toHaveLength(1)); // charged, answer held back
    expect(await paymentRows(order)).toEqual([{ status: 'pending', amount: order.total, method: 'card', has_reference: false }]);
    const pending = await api.request('GET', `/api/admin/payments?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id, status: 'pending' }))}`, {
      token,
    });
    expect(pending.body).toEqual([expect.objectContaining({ status: 'pending', amount: order.total, refundedAmount: 0, reference: null })]);

    const same = await pay(order, 'tok_visa_held', 'held-1');
    expect([same.status, same.body.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
    const other = await pay(order, 'tok_visa', 'held-2');
    expect([other.status, other.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const markPaid = await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token, body: {} });
    expect([markPaid.status, markPaid.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const cash = await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 1, method: 'cash' } });
    expect([cash.status, cash.body.code, cash.body.errors]).toEqual([409, 'OVERPAYMENT', { amount: 'must not exceed the balance due ($0.00)' }]);
    const cancel = await api.request('POST', `/api/admin/orders/${order.id}/cancel`, { token });
    expect([cancel.status, cancel.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await adminOrder(order)).toMatchObject({ status: 'pending', paymentStatus: 'unpaid', paidAmount: 0, balanceDue: order.total });

    await release(order);
    const settled = await first;
    expect(settled.status).toBe(201);
    expect(settled.body).toMatchObject({ paymentStatus: 'paid', status: 'delivered' });
    expect((await pay(order, 'tok_visa_held', 'held-1')).body).toEqual(settled.body);
    expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
    expect(await paymentRows(order)).toEqual([{ status: 'succeeded', amount: order.total, method: 'card', has_reference: true }]);
  });

  it('charges an order’s balance once under concurrent pay requests with different keys', async () => {
    const order = await placeOrder();
    const replies = await Promise.all(Array.from({ length: 12 }, () => pay(order, 'tok_visa', randomUUID())));
    const outcomes = replies.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(['201', ...Array(11).fill('409 INVALID_TRANSITION')]);
    expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
    expect(await paymentRows(order)).toEqual([{ status: 'succeeded', amount: order.total, method: 'card', has_reference: true }]);
    expect(await adminOrder(order)).toMatchObject({ paymentStatus: 'paid', paidAmount: order.total });
  });

  it('charges once under concurrent retries with the same key', async () => {
    const order = await placeOrder();
    const replies = await Promise.all(Array.from({ length: 12 }, () => pay(order, 'tok_visa', 'same-key')));
    for (const reply of replies) expect([201, 409]).toContain(reply.status);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(replies.some((r) => r.status === 201)).toBe(true);
    expect(await charges(order)).toHaveLength(1);
    expect(await paymentRows(order)).toHaveLength(1);
  });

  it('retries a deadlocked record transaction and a serialization failure of the settle transaction without charging twice', async () => {
    // a fault injected into the real transactions: the first pending insert dies of a deadlock,
    // the first settle to succeeded of a serialization failure (sequences are not rolled back)
    await api.db.pool.query(`
      CREATE SEQUENCE fault_record_seq; CREATE SEQUENCE fault_settle_seq;
      CREATE FUNCTION inject_payment_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.status = 'pending' THEN
          IF nextval('fault_record_seq') = 1 THEN RAISE EXCEPTION 'injected deadlock' USING ERRCODE = '40P01'; END IF;
        ELSIF TG_OP = 'UPDATE' AND OLD.status = 'pending' AND NEW.status = 'succeeded' THEN
          IF nextval('fault_settle_seq') = 1 THEN RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = '40001'; END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER payments_fault BEFORE INSERT OR UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION inject_payment_fault();`);
    try {
      const order = await placeOrder();
      const paid = await pay(order, 'tok_visa', 'fault-1');
      expect(paid.status).toBe(201);
      const { rows } = await api.db.pool.query(
        'SELECT (SELECT last_value FROM fault_record_seq) AS records, (SELECT last_value FROM fault_settle_seq) AS settles',
      );
      expect(rows[0]).toEqual({ records: '2', settles: '2' }); // each transaction ran twice
      expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
      expect(await paymentRows(order)).toEqual([{ status: 'succeeded', amount: order.total, method: 'card', has_reference: true }]);
      expect(await adminOrder(order)).toMatchObject({ paymentStatus: 'paid', status: 'delivered' });
    } finally {
      await api.db.pool.query(
        'DROP TRIGGER payments_fault ON payments; DROP FUNCTION inject_payment_fault(); DROP SEQUENCE fault_record_seq; DROP SEQUENCE fault_settle_seq;',
      );
    }
  });

  it('leaves a charge the provider did not answer pending (503, the key in progress) until reconciliation settles it', async () => {
    const order = await placeOrder();
    const down = await pay(order, 'tok_provider_down', 'down-1');
    expect([down.status, down.body.code, down.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '60']);
    expect(await paymentRows(order)).toEqual([{ status: 'pending', amount: order.total, method: 'card', has_reference: false }]);
    expect((await pay(order, 'tok_provider_down', 'down-1')).body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await pay(order, 'tok_visa', 'down-2')).body.code).toBe('INVALID_TRANSITION');

    await reconcile(); // younger than PAYMENT_RECONCILE_AFTER_MS: left alone
    expect((await paymentRows(order)).map((p) => p.status)).toEqual(['pending']);
    await makeDue(order);
    await reconcile(); // the provider never received it: failed
    expect((await paymentRows(order)).map((p) => p.status)).toEqual(['failed']);
    const replay = await pay(order, 'tok_provider_down', 'down-1');
    expect([replay.status, replay.body.code, replay.headers.get('idempotent-replayed')]).toEqual([402, 'PAYMENT_DECLINED', 'true']);
    expect(await charges(order)).toEqual([]);

    expect((await pay(order, 'tok_visa', 'down-3')).status).toBe(201);
    expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
  });

  it('settles a charge once when reconciliation finds it before its request gets the answer', async () => {
    const order = await placeOrder();
    const first = pay(order, 'tok_visa_held', 'race-1');
    await eventually(async () => expect(await charges(order)).toHaveLength(1));
    await makeDue(order);
    await reconcile(); // the provider says succeeded: settled while the request still waits
    expect(await adminOrder(order)).toMatchObject({ paymentStatus: 'paid', status: 'delivered' });
    const replay = await pay(order, 'tok_visa_held', 'race-1');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);

    await release(order);
    const answered = await first; // its own settle finds the payment settled and answers the stored result
    expect(answered.status).toBe(201);
    expect(answered.body).toEqual(replay.body);
    expect(await charges(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
    expect(await paymentRows(order)).toEqual([{ status: 'succeeded', amount: order.total, method: 'card', has_reference: true }]);
  });
});

describe('payments recorded by staff are idempotent too', () => {
  const post = (path: string, body: unknown, key?: string) =>
    api.request('POST', path, { token, body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const countPayments = async (table: 'payments' | 'offline_sale_payments', column: string, id: number) =>
    (await api.db.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id])).rows[0].n;

  it('records a retried order payment once; the same key with another body or action is 422', async () => {
    const order = await placeOrder();
    const path = `/api/admin/orders/${order.id}/payments`;
    const first = await post(path, { amount: 500, method: 'cash' }, 'cash-1');
    expect(first.status).toBe(201);
    const again = await post(path, { amount: 500, method: 'cash' }, 'cash-1');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await countPayments('payments', 'order_id', order.id)).toBe(1);
    expect((await post(path, { amount: 600, method: 'cash' }, 'cash-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post(`/api/admin/orders/${order.id}/mark-paid`, {}, 'cash-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => post(path, { amount: 100, method: 'cash' }, 'cash-2')));
    for (const reply of concurrent)
      expect([[201], [409, 'IDEMPOTENCY_IN_PROGRESS']]).toContainEqual(reply.status === 201 ? [201] : [reply.status, reply.body.code]);
    expect(await countPayments('payments', 'order_id', order.id)).toBe(2);
    // without a key, every request is a payment of its own
    await post(path, { amount: 100, method: 'cash' });
    await post(path, { amount: 100, method: 'cash' });
    expect(await countPayments('payments', 'order_id', order.id)).toBe(4);
    expect(await adminOrder(order)).toMatchObject({ paidAmount: 800, balanceDue: order.total - 800 });
  });

  it('marks an order paid once for a retried mark-paid', async () => {
    const order = await placeOrder();
    const path = `/api/admin/orders/${order.id}/mark-paid`;
    const first = await post(path, {}, 'paid-1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ paymentStatus: 'paid', balanceDue: 0 });
    const again = await post(path, {}, 'paid-1');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(again.body).toEqual(first.body);
    expect((await post(path, { method: 'card' }, 'paid-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countPayments('payments', 'order_id', order.id)).toBe(1);
    // a new key is a new request: nothing is due any more
    expect((await post(path, {}, 'paid-2')).body.code).toBe('INVALID_TRANSITION');
  });

  it('records a retried in-store payment once; the same key with another body is 422', async () => {
    const customer = (await post('/api/admin/offline-customers', { name: 'Kim Counter', phone: '+1 555 0100' })).body;
    const sale = (await post('/api/admin/offline-sales', { customerId: customer.id, lines: [{ variantId, quantity: 2 }] })).body;
    const path = `/api/admin/offline-sales/${sale.id}/payments`;
    const first = await post(path, { amount: 1000, method: 'cash' }, 'till-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paidAmount: 1000, paymentStatus: 'partially_paid' });
    const again = await post(path, { amount: 1000, method: 'cash' }, 'till-1');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect((await post(path, { amount: 1001, method: 'cash' }, 'till-1')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => post(path, { amount: 500, method: 'card' }, 'till-2')));
    expect(concurrent.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const reply of concurrent) if (reply.status !== 201) expect([reply.status, reply.body.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
    expect(await countPayments('offline_sale_payments', 'sale_id', sale.id)).toBe(2);
    const bad = await post(path, { amount: 1000, method: 'cash' }, ' ');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const read = (await api.request('GET', `/api/admin/offline-sales/${sale.id}`, { token })).body;
    expect(read).toMatchObject({ paidAmount: 1500, balance: sale.total - 1500 });
  });

  it('refuses the same way on orders and in-store sales: above the balance, and on a cancelled record', async () => {
    const order = await placeOrder();
    const customer = (await post('/api/admin/offline-customers', { name: 'Rule Tester', phone: '+1 555 0101' })).body;
    const sale = (await post('/api/admin/offline-sales', { customerId: customer.id, lines: [{ variantId, quantity: 1 }], paidAmount: 100 })).body;
    const orderOver = await post(`/api/admin/orders/${order.id}/payments`, { amount: order.total + 1, method: 'cash' });
    const saleOver = await post(`/api/admin/offline-sales/${sale.id}/payments`, { amount: sale.total - 99, method: 'cash' });
    for (const [reply, due] of [
      [orderOver, order.total],
      [saleOver, sale.total - 100],
    ] as const) {
      expect([reply.status, reply.body.code]).toEqual([409, 'OVERPAYMENT']);
      expect(reply.body.errors.amount).toBe(`must not exceed the balance due ($${(due / 100).toFixed(2)})`);
    }
    const tooMuchUpFront = await post('/api/admin/offline-sales', { customerId: customer.id, lines: [{ variantId, quantity: 1 }], paidAmount: 1_000_000 });
    expect([tooMuchUpFront.status, tooMuchUpFront.body.code, Object.keys(tooMuchUpFront.body.errors)]).toEqual([409, 'OVERPAYMENT', ['paidAmount']]);
    await post(`/api/admin/orders/${order.id}/cancel`, undefined);
    await post(`/api/admin/offline-sales/${sale.id}/cancel`, undefined);
    for (const path of [`/api/admin/orders/${order.id}/payments`, `/api/admin/offline-sales/${sale.id}/payments`]) {
      const reply = await post(path, { amount: 1, method: 'cash' });
      expect([path, reply.status, reply.body.code]).toEqual([path, 409, 'INVALID_TRANSITION']);
    }
  });

  it('documents the Idempotency-Key header once, in its case: required for checkout and card payment, optional for recorded payments', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const header = (path: string, method = 'post') =>
      (doc.paths[path][method].parameters ?? []).find((p: any) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    const optional = [
      '/api/admin/orders/{id}/payments',
      '/api/admin/orders/{id}/mark-paid',
      '/api/admin/offline-sales/{id}/payments',
      '/api/admin/offline-sales',
    ];
    const required = ['/api/store/checkout', '/api/store/orders/{id}/payments'];
    for (const path of [...optional, ...required])
      expect([path, header(path)?.name, header(path)?.required]).toEqual([path, 'Idempotency-Key', required.includes(path)]);
    const descriptions = new Set(
      [...optional, ...required].map((path) => header(path).description.replace(' Optional: without it, every request is a new one.', '')),
    );
    expect(descriptions.size).toBe(1);
  });
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
