import { randomUUID } from 'node:crypto';
import { RefundReconciliation } from '@chance/returns';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type Reply, type TestApi } from './support/test-api.js';

// docs/api.md#refunds-and-returns: direct refunds of orders, in-store sales and bookings; card refunds through the
// payment provider outside any transaction (the test provider's ledger, test_payment_charges,
// records them with kind 'refund'), reconciled when interrupted; refunded ≤ paid under any concurrency;
// credit notes; cancellations that give the money back.

let api: TestApi;
let token: string;
let variantId: number;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
  variantId = (await productWithStock(api, token, { name: 'Toaster', price: 5000, costPrice: 2000, shippingCost: 500, stock: 10_000 })).variantIds[0];
});
afterAll(() => api.close());

interface PlacedOrder {
  id: number;
  number: string;
  total: number;
  invoiceId: number;
  accessToken: string;
}

const list = async (resource: string, filter: object) =>
  (await api.request('GET', `/api/admin/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=["id","ASC"]`, { token })).body;

async function placeOrder(quantity = 1): Promise<PlacedOrder> {
  const reply = await guestCheckout(api, await guestCartWith(api, [{ variantId, quantity }]), { paymentMethod: 'card' });
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${reply.text}`);
  return reply.body;
}

/** An order paid online by card through the provider: delivered. */
async function cardPaidOrder(quantity = 1): Promise<PlacedOrder> {
  const order = await placeOrder(quantity);
  const paid = await api.request('POST', `/api/store/orders/${order.id}/payments`, {
    headers: { 'x-order-token': order.accessToken, 'idempotency-key': randomUUID() },
    body: { paymentToken: 'tok_visa' },
  });
  if (paid.status !== 201) throw new Error(`pay: ${paid.status} ${paid.text}`);
  return order;
}

const refund = (order: { id: number }, body: object, key?: string): Promise<Reply> =>
  api.request('POST', `/api/admin/orders/${order.id}/refunds`, { token, body, headers: key ? { 'idempotency-key': key } : {} });

/** What the provider gave back of the order's card charges. */
async function providerRefunds(order: { id: number }) {
  const { rows } = await api.db.pool.query(
    `SELECT r.status, r.amount FROM test_payment_charges r JOIN payments p ON p.reference = r.charge_reference
      WHERE r.kind = 'refund' AND p.order_id = $1 ORDER BY r.created_at`,
    [order.id],
  );
  return rows;
}

const refundRows = async (order: { id: number }) =>
  (await api.db.pool.query('SELECT number, status, amount, method, via_provider, kind FROM refunds WHERE order_id = $1 ORDER BY id', [order.id])).rows;

const adminOrder = async (order: { id: number }) => (await api.request('GET', `/api/admin/orders/${order.id}`, { token })).body;

const holdRefunds = (order: { id: number }, hook: 'held' | 'down' | 'declined' | null) =>
  api.db.pool.query(
    `UPDATE test_payment_charges SET refund_hook = $2 WHERE kind = 'charge' AND reference IN (SELECT reference FROM payments WHERE order_id = $1)`,
    [order.id, hook],
  );

/** As if PAYMENT_RECONCILE_AFTER_MS had passed for the order's pending refunds. */
const makeDue = (order: { id: number }) =>
  api.db.pool.query(
    `UPDATE refunds SET next_check_at = now() - interval '1 second', created_at = created_at - interval '2 minutes' WHERE order_id = $1 AND status = 'pending'`,
    [order.id],
  );

describe('direct refunds of an order', () => {
  it('gives part of a card payment back through the provider: partially_refunded, one refund, one credit note with the tax taken out', async () => {
    const order = await cardPaidOrder(); // 50.00 + 5.00 shipping + 5.00 tax = 60.00
    expect(order.total).toBe(6000);
    const reply = await refund(order, { amount: 1100, reason: 'Late delivery' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: order.id,
      status: 'delivered',
      paymentStatus: 'partially_refunded',
      paidAmount: 6000,
      refundedAmount: 1100,
      balanceDue: 0,
    });
    expect(reply.body.payments).toEqual([expect.objectContaining({ method: 'card', amount: 6000, refundedAmount: 1100, status: 'succeeded' })]);
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount: 1100 }]);

    const [row] = await list('refunds', { orderId: order.id });
    expect(row).toMatchObject({
      number: expect.stringMatching(/^RF-\d{6}$/),
      kind: 'direct',
      amount: 1100,
      method: 'card',
      status: 'succeeded',
      reason: 'Late delivery',
      reference: expect.stringMatching(/^test_re_/),
      paymentId: reply.body.payments[0].id,
      recordNumber: order.number,
      refundedAt: expect.any(String),
    });
    const note = (await api.request('GET', `/api/admin/credit-notes/${row.creditNoteId}`, { token })).body;
    // 11.00 at 10 %: 11.00 × 10000 / 11000 = 10.00 net, 1.00 tax
    expect(note).toMatchObject({
      number: expect.stringMatching(/^CN-\d{4}-\d{6}$/),
      invoiceId: order.invoiceId,
      orderId: order.id,
      refundId: row.id,
      returnId: null,
      lines: [{ description: 'Refund: Late delivery', quantity: 1, unitPrice: 1000, lineTotal: 1000 }],
      subtotal: 1000,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 100,
      total: 1100,
    });
    const invoice = (await api.request('GET', `/api/admin/invoices/${order.invoiceId}`, { token })).body;
    expect(invoice).toMatchObject({ paymentStatus: 'partially_refunded', paidAmount: 6000 });
    const pdf = await api.request('GET', `/api/admin/credit-notes/${row.creditNoteId}/pdf`, { token });
    expect([pdf.status, pdf.headers.get('content-type'), pdf.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);

    // the rest: refunded in full
    const rest = await refund(order, { amount: 4900, reason: 'Damaged' });
    expect(rest.body).toMatchObject({ paymentStatus: 'refunded', refundedAmount: 6000, status: 'delivered' });
    expect(rest.body.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: 6000 });
    expect(await providerRefunds(order)).toEqual([
      { status: 'succeeded', amount: 1100 },
      { status: 'succeeded', amount: 4900 },
    ]);
  });

  it('refunds at most what was paid under 20 concurrent requests of 60 % each: exactly one succeeds, one provider refund', async () => {
    const order = await cardPaidOrder();
    const amount = (order.total * 60) / 100;
    const replies = await Promise.all(Array.from({ length: 20 }, () => refund(order, { amount, reason: 'Goodwill' })));
    const outcomes = replies.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(['201', ...Array(19).fill('409 REFUND_EXCEEDS_PAID')]);
    expect(await refundRows(order)).toEqual([expect.objectContaining({ status: 'succeeded', amount, via_provider: true })]);
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount }]);
    expect(await adminOrder(order)).toMatchObject({ refundedAmount: amount, paymentStatus: 'partially_refunded' });
  });

  it('refunds the same in-store sale at most once under concurrent paid-out refunds too', async () => {
    const customer = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Racy Refund', phone: '+1 555 0300' } })).body;
    const sale = (
      await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId: customer.id, lines: [{ variantId, quantity: 1 }], paidAmount: 5500 } })
    ).body;
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.request('POST', `/api/admin/offline-sales/${sale.id}/refunds`, { token, body: { amount: 3300, reason: 'Goodwill' } }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'REFUND_EXCEEDS_PAID')).toBe(true);
    const read = (await api.request('GET', `/api/admin/offline-sales/${sale.id}`, { token })).body;
    expect(read).toMatchObject({ paidAmount: 5500, refundedAmount: 3300, paymentStatus: 'partially_refunded', balance: 0 });
    expect(await list('refunds', { offlineSaleId: sale.id })).toEqual([expect.objectContaining({ amount: 3300, method: 'cash', status: 'succeeded' })]);
  });

  it('replays a retried refund with the same Idempotency-Key, giving back nothing more; another body with the key is 422', async () => {
    const order = await cardPaidOrder();
    const first = await refund(order, { amount: 700, reason: 'Price match' }, 'refund-once');
    expect(first.status).toBe(201);
    const again = await refund(order, { amount: 700, reason: 'Price match' }, 'refund-once');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect((await refund(order, { amount: 701, reason: 'Price match' }, 'refund-once')).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => refund(order, { amount: 100, reason: 'x' }, 'refund-twice')));
    for (const reply of concurrent) expect([201, 409]).toContain(reply.status);
    expect(concurrent.filter((r) => r.status === 409).every((r) => r.body.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect((await providerRefunds(order)).map((r) => r.amount)).toEqual([700, 100]);
  });

  it('without a payment named, gives back card payments first (newest first), then the others; each refund with its own credit note', async () => {
    const order = await placeOrder(); // 60.00
    await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 1000, method: 'cash' } });
    await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 2000, method: 'card', reference: 'terminal-7' } });
    const online = await api.request('POST', `/api/store/orders/${order.id}/payments`, {
      headers: { 'x-order-token': order.accessToken, 'idempotency-key': randomUUID() },
      body: { paymentToken: 'tok_visa' },
    });
    expect(online.body).toMatchObject({ paymentStatus: 'paid', status: 'delivered' });
    const reply = await refund(order, { amount: 5500, reason: 'Wrong colour' });
    expect(reply.status).toBe(201);
    // the online charge (3000, newest), the card recorded by staff (2000, paid out), then cash (500 of 1000)
    expect((await refundRows(order)).map((r) => [r.method, r.amount, r.via_provider])).toEqual([
      ['card', 3000, true],
      ['card', 2000, false],
      ['cash', 500, false],
    ]);
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount: 3000 }]);
    const notes = await list('credit-notes', { orderId: order.id });
    expect(notes.map((n: any) => n.total)).toEqual([3000, 2000, 500]);
    expect(reply.body).toMatchObject({ refundedAmount: 5500, paymentStatus: 'partially_refunded' });

    // a named payment: only what is left of it
    const cash = reply.body.payments.find((p: any) => p.method === 'cash');
    const tooMuch = await refund(order, { amount: 501, reason: 'x', paymentId: cash.id });
    expect([tooMuch.status, tooMuch.body.code, tooMuch.body.errors]).toEqual([
      409,
      'REFUND_EXCEEDS_PAID',
      { amount: 'must not exceed what was paid and not yet refunded ($5.00)' },
    ]);
    expect((await refund(order, { amount: 500, reason: 'x', paymentId: cash.id })).body).toMatchObject({ paymentStatus: 'refunded', refundedAmount: 6000 });
  });

  it('refuses what it must with the contract’s codes and changes nothing', async () => {
    const order = await cardPaidOrder();
    const before = await adminOrder(order);
    const cases: [object, number, string][] = [
      [{ amount: order.total + 1, reason: 'x' }, 409, 'REFUND_EXCEEDS_PAID'],
      [{ amount: 0, reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ amount: 1.5, reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ amount: 100 }, 400, 'VALIDATION_FAILED'],
      [{ amount: 100, reason: '  ' }, 400, 'VALIDATION_FAILED'],
      [{ amount: 100, reason: 'x', paymentId: 999_999 }, 400, 'VALIDATION_FAILED'],
      [{ amount: 100, reason: 'x', method: 'cash' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await refund(order, body);
      expect([body, reply.status, reply.body.code]).toEqual([body, status, code]);
    }
    expect((await refund({ id: 999_999 }, { amount: 1, reason: 'x' })).status).toBe(404);
    const unpaid = await placeOrder();
    expect((await refund(unpaid, { amount: 1, reason: 'x' })).body.code).toBe('REFUND_EXCEEDS_PAID');
    const customer = await api.registerCustomer();
    expect((await api.request('POST', `/api/admin/orders/${order.id}/refunds`, { token: customer.token, body: { amount: 1, reason: 'x' } })).status).toBe(403);
    expect(await adminOrder(order)).toEqual(before);
    expect(await refundRows(order)).toEqual([]);
    expect(await providerRefunds(order)).toEqual([]);
  });

  it('refuses a refund of a booking while nothing is paid on it', async () => {
    const type = (await api.request('POST', '/api/admin/service-types', { token, body: { name: 'Electrician', price: 9000, durationMinutes: 60 } })).body;
    const customer = await api.registerCustomer();
    const booking = (
      await api.request('POST', '/api/admin/bookings', {
        token,
        body: { customerId: customer.id, serviceTypeId: type.id, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), address: '1 Main St' },
      })
    ).body;
    const reply = await api.request('POST', `/api/admin/bookings/${booking.id}/refunds`, { token, body: { amount: 100, reason: 'Late' } });
    expect([reply.status, reply.body.code]).toEqual([409, 'REFUND_EXCEEDS_PAID']);
    expect((await api.request('GET', `/api/admin/bookings/${booking.id}`, { token })).body).toMatchObject({ refundedAmount: 0 });
    expect((await api.request('POST', `/api/admin/bookings/999999/refunds`, { token, body: { amount: 1, reason: 'x' } })).status).toBe(404);
    expect(await list('refunds', { bookingId: booking.id })).toEqual([]);
  });
});

describe('card refunds: no refund without a record, no record without a refund', () => {
  it('leaves a refund the provider did not answer pending (503) until reconciliation gives it back, once', async () => {
    const order = await cardPaidOrder();
    await holdRefunds(order, 'down');
    const down = await refund(order, { amount: 1000, reason: 'Late' }, 'down-1');
    expect([down.status, down.body.code, down.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '60']);
    expect((await refundRows(order)).map((r) => r.status)).toEqual(['pending']);
    expect((await refund(order, { amount: 1000, reason: 'Late' }, 'down-1')).body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    // the pending refund holds its amount: nothing beyond what is left may be asked meanwhile
    expect((await refund(order, { amount: order.total - 999, reason: 'x' })).body.code).toBe('REFUND_EXCEEDS_PAID');
    expect(await adminOrder(order)).toMatchObject({ refundedAmount: 0, paymentStatus: 'paid' });

    await api.app.get(RefundReconciliation).run(); // younger than PAYMENT_RECONCILE_AFTER_MS: left alone
    expect((await refundRows(order)).map((r) => r.status)).toEqual(['pending']);
    await holdRefunds(order, null); // the provider is back
    await makeDue(order);
    await api.app.get(RefundReconciliation).run(); // never received: sent again with its key
    expect((await refundRows(order)).map((r) => r.status)).toEqual(['succeeded']);
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount: 1000 }]);
    expect(await adminOrder(order)).toMatchObject({ refundedAmount: 1000, paymentStatus: 'partially_refunded' });
    const replay = await refund(order, { amount: 1000, reason: 'Late' }, 'down-1');
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.body.refundedAmount]).toEqual([201, 'true', 1000]);
    expect(await list('credit-notes', { orderId: order.id })).toHaveLength(1);
  });

  it('settles a refund once when reconciliation finds it before its request gets the answer', async () => {
    const order = await cardPaidOrder();
    await holdRefunds(order, 'held');
    const first = refund(order, { amount: 1500, reason: 'Slow' }, 'race-1');
    await eventually(async () => expect(await providerRefunds(order)).toHaveLength(1));
    await makeDue(order);
    await api.app.get(RefundReconciliation).run(); // the provider says succeeded: settled while the request waits
    expect(await adminOrder(order)).toMatchObject({ refundedAmount: 1500 });
    await api.db.pool.query(`UPDATE test_payment_charges SET held = false WHERE kind = 'refund'`);
    const answered = await first;
    expect([answered.status, answered.body.refundedAmount]).toEqual([201, 1500]);
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount: 1500 }]);
    expect((await refundRows(order)).map((r) => r.status)).toEqual(['succeeded']);
    expect(await list('credit-notes', { orderId: order.id })).toHaveLength(1);
  });

  it('records a refund the provider refuses as failed (402), with no credit note and nothing given back', async () => {
    const order = await cardPaidOrder();
    await holdRefunds(order, 'declined');
    const reply = await refund(order, { amount: 800, reason: 'x' }, 'declined-1');
    expect([reply.status, reply.body.code]).toEqual([402, 'PAYMENT_DECLINED']);
    expect((await refund(order, { amount: 800, reason: 'x' }, 'declined-1')).headers.get('idempotent-replayed')).toBe('true');
    expect(await list('refunds', { orderId: order.id })).toEqual([
      expect.objectContaining({ status: 'failed', failureReason: 'The refund was declined', creditNoteId: null }),
    ]);
    expect(await adminOrder(order)).toMatchObject({ refundedAmount: 0, paymentStatus: 'paid' });
    expect(await list('credit-notes', { orderId: order.id })).toEqual([]);
  });
});

describe('cancelling gives the money back', () => {
  it('refunds a cancelled order’s card charge through the provider right after the commit', async () => {
    // a card-charged order that is not delivered: what an edit raising its total (order editing, still to come) leaves
    const order = await cardPaidOrder();
    await api.db.pool.query(`UPDATE orders SET status = 'processing' WHERE id = $1`, [order.id]);
    const cancelled = await api.request('POST', `/api/admin/orders/${order.id}/cancel`, { token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', paidAmount: 0, refundedAmount: order.total });
    await eventually(async () =>
      expect((await refundRows(order)).map((r) => [r.kind, r.status, r.amount])).toEqual([['cancellation', 'succeeded', order.total]]),
    );
    expect(await providerRefunds(order)).toEqual([{ status: 'succeeded', amount: order.total }]);
    expect((await adminOrder(order)).payments[0]).toMatchObject({ status: 'refunded', refundedAmount: order.total });
    expect((await list('credit-notes', { orderId: order.id })).map((n: any) => n.total)).toEqual([order.total]);
  });

  it('keeps refunds of a cancelled order out of the reports, as the order itself', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = async () => (await api.request('GET', `/api/admin/reports/sales?from=${today}&to=${today}`, { token })).body.totals;
    const order = await placeOrder();
    await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 2000, method: 'cash' } });
    expect((await refund(order, { amount: 500, reason: 'x' })).status).toBe(201);
    const before = await report();
    await api.request('POST', `/api/admin/orders/${order.id}/cancel`, { token });
    const after = await report();
    expect(after.onlineRevenue).toBe(before.onlineRevenue - order.total);
    expect(after.refunds).toBe(before.refunds - 500);
    expect((await refundRows(order)).map((r) => [r.kind, r.amount])).toEqual([
      ['direct', 500],
      ['cancellation', 1500],
    ]);
  });
});

describe('credit notes in the store', () => {
  it('shows a guest their order’s credit notes and PDFs with the order token, and nobody else', async () => {
    const order = await cardPaidOrder();
    await refund(order, { amount: 300, reason: 'Scratch' });
    const headers = { 'x-order-token': order.accessToken };
    const notes = await api.request('GET', `/api/store/orders/${order.id}/credit-notes`, { headers });
    expect(notes.body).toEqual([
      expect.objectContaining({ total: 300, orderId: order.id, lines: [expect.objectContaining({ description: 'Refund: Scratch' })] }),
    ]);
    const pdf = await api.request('GET', `/api/store/credit-notes/${notes.body[0].id}.pdf`, { headers });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await api.request('GET', `/api/store/credit-notes/${notes.body[0].id + 1000}.pdf`, { headers })).status).toBe(404);
    const stranger = await api.registerCustomer();
    for (const options of [{}, { headers: { 'x-order-token': 'wrong' } }, { token: stranger.token }]) {
      expect((await api.request('GET', `/api/store/orders/${order.id}/credit-notes`, options)).status).toBe(404);
      expect((await api.request('GET', `/api/store/credit-notes/${notes.body[0].id}.pdf`, options)).status).toBe(404);
    }
  });
});

describe('seller details on documents', () => {
  it('keeps the return window and the seller’s details in the settings', async () => {
    const body = {
      returnWindowDays: 14,
      legalName: 'Chance Trading Ltd',
      address: '1 High St',
      taxId: 'GB123',
      email: 'a@b.co',
      phone: '+1 555',
      invoiceFooter: 'Thanks',
    };
    const reply = await api.request('PUT', '/api/admin/settings', { token, body });
    expect(reply.body).toMatchObject(body);
    expect((await api.request('PUT', '/api/admin/settings', { token, body: { returnWindowDays: -1 } })).status).toBe(400);
    await api.request('PUT', '/api/admin/settings', { token, body: { returnWindowDays: 30 } });
  });
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
