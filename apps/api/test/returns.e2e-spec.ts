import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type Reply, type TestApi } from './support/test-api.js';

// docs/api.md#refunds-and-returns: returns requested by customers (within the return window of delivery) or made
// by staff (phone, counter), approved, received with restocking, refunded with a credit note, with
// the amounts of the section; the returned status; returnable quantities under concurrency.
// Tax 10 %; the kettle costs 8.00 and sells at 19.99 with 3.00 shipping a unit.

let api: TestApi;
let token: string;
let kettle: number;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000, returnWindowDays: 30 } });
  kettle = (await productWithStock(api, token, { name: 'Kettle', price: 1999, costPrice: 800, shippingCost: 300, stock: 1000 })).variantIds[0];
  await api.request('POST', '/api/admin/coupons', { token, body: { code: 'RET333', discountType: 'fixed', discountValue: 333 } });
});
afterAll(() => api.close());

interface Order {
  id: number;
  number: string;
  total: number;
  lines: { id: number; quantity: number }[];
  accessToken?: string;
}

const json = (value: object) => encodeURIComponent(JSON.stringify(value));
const stock = async () => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [kettle])).rows[0].stock as number;
const adminOrder = async (id: number) => (await api.request('GET', `/api/admin/orders/${id}`, { token })).body;
const act = (id: number, action: string, body: object = {}, key?: string): Promise<Reply> =>
  api.request('POST', `/api/admin/returns/${id}/${action}`, { token, body, headers: key ? { 'idempotency-key': key } : {} });

/** A registered customer's order of `quantity` kettles (with the RET333 coupon), paid online by card: delivered. */
async function customersCardOrder(quantity: number, customer: { token: string }): Promise<Order> {
  const cart = (await api.request('GET', '/api/store/carts/mine', { token: customer.token })).body;
  await api.request('POST', `/api/store/carts/${cart.id}/items`, { token: customer.token, body: { variantId: kettle, quantity } });
  await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { token: customer.token, body: { code: 'RET333' } });
  const placed = await api.request('POST', '/api/store/checkout', {
    token: customer.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { cartId: cart.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
  });
  if (placed.status !== 201) throw new Error(`checkout: ${placed.status} ${placed.text}`);
  const paid = await api.request('POST', `/api/store/orders/${placed.body.id}/payments`, {
    token: customer.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { paymentToken: 'tok_visa' },
  });
  if (paid.body.status !== 'delivered') throw new Error(`pay: ${paid.status} ${paid.text}`);
  return placed.body;
}

/** A guest order moved on by staff to `status`, paid by `payment`. */
async function guestOrder(quantity: number, status: 'shipped' | 'delivered' | 'processing', payment?: 'cash_on_delivery'): Promise<Order> {
  const order = (await guestCheckout(api, await guestCartWith(api, [{ variantId: kettle, quantity }]))).body;
  for (const next of ['processing', 'shipped', 'delivered'] as const) {
    if (payment && next === 'delivered') {
      await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token, body: { method: payment } });
      break;
    }
    await api.request('POST', `/api/admin/orders/${order.id}/status`, { token, body: { status: next } });
    if (next === status) break;
  }
  return order;
}

/** What the provider gave back of the order's card charges. */
const providerRefunds = async (orderId: number) =>
  (
    await api.db.pool.query(
      `SELECT r.amount FROM test_payment_charges r JOIN payments p ON p.reference = r.charge_reference WHERE r.kind = 'refund' AND p.order_id = $1 ORDER BY r.created_at`,
      [orderId],
    )
  ).rows.map((r) => r.amount);

const today = () => new Date().toISOString().slice(0, 10);
const todaysSales = async () => (await api.request('GET', `/api/admin/reports/sales?from=${today()}&to=${today()}`, { token })).body.totals;

describe('a customer’s return of a delivered card-paid order, all the way (the acceptance path)', () => {
  it('requests 1 of 2, staff approve, receive (restocked) and refund: one provider refund of the computed amount, a credit note, stock and report follow; the rest completes the order as returned', async () => {
    const customer = await api.registerCustomer();
    const reportBefore = await todaysSales();
    const order = await customersCardOrder(2, customer);
    // 2 × 19.99 = 39.98, 3.33 off, 6.00 shipping, tax (39.98 − 3.33) × 10 % = 3.665 → 3.67: 46.32
    expect(order.total).toBe(4632);
    const line = order.lines[0];
    const stockBefore = await stock();

    const requested = await api.request('POST', `/api/store/orders/${order.id}/returns`, {
      token: customer.token,
      body: { lines: [{ lineId: line.id, quantity: 1, reason: 'Too loud' }] },
    });
    expect(requested.status).toBe(201);
    // 19.99; discount 3.33 × 19.99 / 39.98 = 1.665 → 1.67; tax (19.99 − 1.67) × 10 % = 1.832 → 1.83; no shipping: 20.15
    expect(requested.body).toMatchObject({
      number: expect.stringMatching(/^RET-\d{6}$/),
      orderId: order.id,
      recordNumber: order.number,
      status: 'requested',
      source: 'store',
      lines: [
        {
          lineId: line.id,
          productName: 'Kettle',
          quantity: 1,
          unitPrice: 1999,
          lineTotal: 1999,
          reason: 'Too loud',
          restock: true,
          sku: expect.any(String),
          attributes: {},
        },
      ],
      subtotal: 1999,
      discountTotal: 167,
      shippingTotal: 0,
      taxTotal: 183,
      total: 2015,
      refundAmount: 2015,
    });
    expect(requested.body.lines[0].costPrice).toBeUndefined(); // the store never sees cost prices
    const id = requested.body.id;

    expect((await act(id, 'approve')).body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    const received = await act(id, 'receive', {});
    expect(received.body).toMatchObject({ status: 'received', receivedAt: expect.any(String) });
    expect(await stock()).toBe(stockBefore + 1);
    const movements = (await api.request('GET', `/api/admin/stock-movements?filter=${json({ variantId: kettle, reason: 'return_restocked' })}`, { token }))
      .body;
    expect(movements[0]).toMatchObject({ delta: 1, reference: requested.body.number });

    const refunded = await act(id, 'refund', {});
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: 2015, refundId: expect.any(Number), refundedAt: expect.any(String) });
    expect(await providerRefunds(order.id)).toEqual([2015]);
    expect(await adminOrder(order.id)).toMatchObject({ status: 'delivered', paymentStatus: 'partially_refunded', refundedAmount: 2015 });
    const refund = (await api.request('GET', `/api/admin/refunds/${refunded.body.refundId}`, { token })).body;
    expect(refund).toMatchObject({
      kind: 'return',
      returnId: id,
      amount: 2015,
      method: 'card',
      status: 'succeeded',
      reason: `Return ${requested.body.number}`,
    });
    const note = (await api.request('GET', `/api/admin/credit-notes/${refund.creditNoteId}`, { token })).body;
    expect(note).toMatchObject({
      returnId: id,
      orderId: order.id,
      lines: [expect.objectContaining({ productName: 'Kettle', quantity: 1, unitPrice: 1999, lineTotal: 1999 })],
      subtotal: 1999,
      discountTotal: 167,
      shippingTotal: 0,
      taxTotal: 183,
      total: 2015,
    });
    const reportAfter = await todaysSales();
    expect(reportAfter.refunds - reportBefore.refunds).toBe(2015);
    expect(reportAfter.netRevenue - reportBefore.netRevenue).toBe(order.total - 2015);
    // gross profit: the order's (39.98 − 3.33 − 16.00 = 20.65), less the return's 19.99 − 1.67, plus the cost of the unit back on the shelf
    expect(reportAfter.grossProfit - reportBefore.grossProfit).toBe(2065 - (1999 - 167) + 800);

    // the customer is told of every step and of the refund
    await eventually(async () => {
      const titles = (await api.request('GET', '/api/me/notifications?range=[0,49]', { token: customer.token })).body.map((n: any) => n.title);
      for (const word of ['received', 'approved', 'received back', 'refunded'])
        expect(titles).toContain(`Return ${requested.body.number} for ${order.number} ${word}`);
      expect(titles).toContain(`$20.15 refunded for ${order.number}`);
    });
    const mine = (await api.request('GET', '/api/store/returns', { token: customer.token })).body;
    expect(mine.map((r: any) => [r.id, r.status])).toEqual([[id, 'refunded']]);

    // the last unit: this return completes the order, takes the rest of every figure (shipping included), and the order is returned
    const last = await api.request('POST', `/api/store/orders/${order.id}/returns`, {
      token: customer.token,
      body: { lines: [{ lineId: line.id, quantity: 1 }] },
    });
    expect(last.body).toMatchObject({ subtotal: 1999, discountTotal: 166, shippingTotal: 600, taxTotal: 184, total: 2617 });
    await act(last.body.id, 'approve');
    await act(last.body.id, 'receive', { lines: [{ lineId: line.id, restock: false }] }); // damaged: not for sale again
    expect(await stock()).toBe(stockBefore + 1);
    expect((await act(last.body.id, 'refund', {})).body).toMatchObject({ status: 'refunded', refundAmount: 2617 });
    expect(await providerRefunds(order.id)).toEqual([2015, 2617]);
    expect(2015 + 2617).toBe(order.total);
    expect(await adminOrder(order.id)).toMatchObject({ status: 'returned', paymentStatus: 'refunded', refundedAmount: order.total, paidAmount: order.total });
    const notes = (await api.request('GET', `/api/store/orders/${order.id}/credit-notes`, { token: customer.token })).body;
    expect(notes.map((n: any) => n.total)).toEqual([2015, 2617]);
    // every unit is in a return now
    const more = await api.request('POST', `/api/store/orders/${order.id}/returns`, {
      token: customer.token,
      body: { lines: [{ lineId: line.id, quantity: 1 }] },
    });
    expect([more.status, more.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
  });
});

describe('who may return what', () => {
  it('refuses a customer’s return of an order that is not delivered, or after the window, and another’s order is 404; nothing is written', async () => {
    const customer = await api.registerCustomer();
    const order = await customersCardOrder(1, customer);
    const count = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM returns WHERE order_id = $1', [order.id])).rows[0].n;
    const ask = (who: { token?: string; headers?: Record<string, string> }) =>
      api.request('POST', `/api/store/orders/${order.id}/returns`, { ...who, body: { lines: [{ lineId: order.lines[0].id, quantity: 1 }] } });

    await api.db.pool.query(`UPDATE orders SET delivered_at = now() - interval '31 days' WHERE id = $1`, [order.id]);
    const late = await ask({ token: customer.token });
    expect([late.status, late.body.code, late.body.message]).toEqual([409, 'RETURN_NOT_ALLOWED', 'The return window of 30 days after delivery has passed']);
    await api.db.pool.query(`UPDATE orders SET delivered_at = now() - interval '29 days' WHERE id = $1`, [order.id]);
    const stranger = await api.registerCustomer();
    expect((await ask({ token: stranger.token })).status).toBe(404);
    expect((await ask({})).status).toBe(404);
    expect(await count()).toBe(0);
    expect((await ask({ token: customer.token })).status).toBe(201);

    const shipped = await guestOrder(1, 'shipped');
    const notDelivered = await api.request('POST', `/api/store/orders/${shipped.id}/returns`, {
      headers: { 'x-order-token': shipped.accessToken! },
      body: { lines: [{ lineId: shipped.lines[0].id, quantity: 1 }] },
    });
    expect([notDelivered.status, notDelivered.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
  });

  it('lets a guest return with the order’s token, read it with the token, and no one else', async () => {
    const order = await guestOrder(2, 'delivered', 'cash_on_delivery');
    const headers = { 'x-order-token': order.accessToken! };
    const made = await api.request('POST', `/api/store/orders/${order.id}/returns`, {
      headers,
      body: { lines: [{ lineId: order.lines[0].id, quantity: 2, reason: 'Changed my mind' }] },
    });
    expect(made.body).toMatchObject({ status: 'requested', customerId: null, total: order.total });
    expect((await api.request('GET', `/api/store/returns/${made.body.id}`, { headers })).body).toMatchObject({ id: made.body.id });
    expect((await api.request('GET', `/api/store/orders/${order.id}/returns`, { headers })).body.map((r: any) => r.id)).toEqual([made.body.id]);
    expect((await api.request('GET', `/api/store/returns/${made.body.id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/store/returns/${made.body.id}`, { headers: { 'x-order-token': 'nope' } })).status).toBe(404);
  });

  it('refuses lines that are not the order’s, and more units than are left, with field messages', async () => {
    const order = await guestOrder(2, 'shipped');
    const create = (lines: object[]) => api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines } });
    const cases: [object[], number, string, object][] = [
      [[{ lineId: 999_999, quantity: 1 }], 400, 'VALIDATION_FAILED', { 'lines.0.lineId': 'is not a line of this order' }],
      [[{ lineId: order.lines[0].id, quantity: 3 }], 409, 'RETURN_QUANTITY_EXCEEDED', { 'lines.0.quantity': 'at most 2 can be returned' }],
      [[{ lineId: order.lines[0].id, quantity: 0 }], 400, 'VALIDATION_FAILED', { 'lines.0.quantity': expect.any(String) }],
      [[], 400, 'VALIDATION_FAILED', { lines: expect.any(String) }],
    ];
    for (const [lines, status, code, errors] of cases) {
      const reply = await create(lines);
      expect([reply.status, reply.body.code, reply.body.errors]).toEqual([status, code, errors]);
    }
    const both = await api.request('POST', '/api/admin/returns', {
      token,
      body: { orderId: order.id, offlineSaleId: 1, lines: [{ lineId: order.lines[0].id, quantity: 1 }] },
    });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const processing = await guestOrder(1, 'processing');
    const early = await api.request('POST', '/api/admin/returns', {
      token,
      body: { orderId: processing.id, lines: [{ lineId: processing.lines[0].id, quantity: 1 }] },
    });
    expect([early.status, early.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM returns WHERE order_id IN ($1, $2)', [order.id, processing.id])).rows[0].n).toBe(0);
  });

  it('never holds more units in returns than were sold, under 10 concurrent returns of one unit of a 3-unit line', async () => {
    const order = await guestOrder(3, 'shipped');
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] } }),
      ),
    );
    expect(replies.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort()).toEqual([
      '201',
      '201',
      '201',
      ...Array(7).fill('409 RETURN_QUANTITY_EXCEEDED'),
    ]);
    const { rows } = await api.db.pool.query(
      `SELECT sum(l.quantity)::int AS held FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE r.order_id = $1 AND r.status NOT IN ('rejected', 'cancelled')`,
      [order.id],
    );
    expect(rows[0].held).toBe(3);
  });
});

describe('the return’s status machine', () => {
  it('answers 409 INVALID_TRANSITION for every action its status does not allow, changing nothing', async () => {
    const order = await guestOrder(2, 'delivered', 'cash_on_delivery');
    const made = (
      await api.request('POST', `/api/store/orders/${order.id}/returns`, {
        headers: { 'x-order-token': order.accessToken! },
        body: { lines: [{ lineId: order.lines[0].id, quantity: 1 }] },
      })
    ).body;
    const refused = async (action: string, body?: object) => {
      const before = (await api.request('GET', `/api/admin/returns/${made.id}`, { token })).body;
      const reply = await act(made.id, action, body);
      expect([action, reply.status, reply.body.code]).toEqual([action, 409, 'INVALID_TRANSITION']);
      expect((await api.request('GET', `/api/admin/returns/${made.id}`, { token })).body).toEqual(before);
    };
    await refused('receive');
    await refused('refund');
    await act(made.id, 'approve');
    await refused('approve');
    await refused('reject', { reason: 'late' });
    await act(made.id, 'receive');
    await refused('cancel');
    await refused('receive');
    await act(made.id, 'refund');
    for (const action of ['approve', 'receive', 'refund', 'cancel']) await refused(action);
    expect((await act(made.id, 'reject', {})).status).toBe(400); // a reason is required
    expect((await act(999_999, 'approve')).status).toBe(404);
  });

  it('gives a rejected return’s units back to what may be returned, and prices the open ones again', async () => {
    const order = await guestOrder(2, 'delivered', 'cash_on_delivery');
    const headers = { 'x-order-token': order.accessToken! };
    const line = order.lines[0].id;
    const first = (await api.request('POST', `/api/store/orders/${order.id}/returns`, { headers, body: { lines: [{ lineId: line, quantity: 1 }] } })).body;
    const second = (await api.request('POST', `/api/store/orders/${order.id}/returns`, { headers, body: { lines: [{ lineId: line, quantity: 1 }] } })).body;
    expect(second).toMatchObject({ shippingTotal: 600 }); // it completes every unit
    expect((await act(first.id, 'reject', { reason: 'Used' })).body).toMatchObject({ status: 'rejected', rejectReason: 'Used', refundAmount: null });
    expect((await api.request('GET', `/api/admin/returns/${second.id}`, { token })).body).toMatchObject({
      shippingTotal: 0,
      subtotal: 1999,
      taxTotal: 200,
      total: 2199,
    });
    const again = await api.request('POST', `/api/store/orders/${order.id}/returns`, { headers, body: { lines: [{ lineId: line, quantity: 1 }] } });
    expect(again.body).toMatchObject({ status: 'requested', shippingTotal: 600 });
  });

  it('refunds an approved return without the goods coming back (the customer keeps a damaged item): nothing restocked', async () => {
    const order = await guestOrder(1, 'delivered', 'cash_on_delivery');
    const before = await stock();
    const made = (
      await api.request('POST', '/api/admin/returns', {
        token,
        body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1, reason: 'Arrived broken' }] },
      })
    ).body;
    expect(made).toMatchObject({ status: 'approved', source: 'admin', createdById: expect.any(Number) });
    const refunded = await act(made.id, 'refund', {}, 'keep-it');
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: order.total, receivedAt: null });
    expect((await act(made.id, 'refund', {}, 'keep-it')).headers.get('idempotent-replayed')).toBe('true');
    expect(await stock()).toBe(before);
    expect(await adminOrder(order.id)).toMatchObject({ status: 'returned', paymentStatus: 'refunded' });
    const [refund] = (await api.request('GET', `/api/admin/refunds?filter=${json({ returnId: made.id })}`, { token })).body;
    expect(refund).toMatchObject({ method: 'cash_on_delivery', amount: order.total });
  });

  it('refunds nothing when nothing was paid: the return is refunded with no refund, and the order is returned', async () => {
    const order = await guestOrder(1, 'shipped');
    const made = (await api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] } }))
      .body;
    expect(made.refundAmount).toBe(0);
    await act(made.id, 'receive');
    expect((await act(made.id, 'refund')).body).toMatchObject({ status: 'refunded', refundAmount: 0, refundId: null });
    expect((await api.request('GET', `/api/admin/refunds?filter=${json({ orderId: order.id })}`, { token })).body).toEqual([]);
    expect(await adminOrder(order.id)).toMatchObject({ status: 'returned', refundedAmount: 0 });
  });
});

describe('returns at the counter', () => {
  it('takes back an online order at the counter and pays it back in cash, without the card provider', async () => {
    const customer = await api.registerCustomer();
    const order = await customersCardOrder(1, customer);
    await api.db.pool.query(`UPDATE orders SET delivered_at = now() - interval '400 days' WHERE id = $1`, [order.id]); // no window for staff
    const made = (await api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] } }))
      .body;
    await act(made.id, 'receive', {});
    const refunded = await act(made.id, 'refund', { method: 'cash' });
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: order.total });
    const [refund] = (await api.request('GET', `/api/admin/refunds?filter=${json({ returnId: made.id })}`, { token })).body;
    expect(refund).toMatchObject({ method: 'cash', status: 'succeeded', reference: null });
    expect(await providerRefunds(order.id)).toEqual([]);
    expect(await adminOrder(order.id)).toMatchObject({ status: 'returned', paymentStatus: 'refunded' });
  });

  it('takes part of an in-store sale back with the sale’s own discount and tax rate; the sale shows partially_refunded', async () => {
    const customer = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Counter Carla', phone: '+1 555 0400' } })).body;
    // 3 × 19.99 = 59.97, 5.00 off, tax (59.97 − 5.00) × 10 % = 5.497 → 5.50: 60.47, paid in full
    const sale = (
      await api.request('POST', '/api/admin/offline-sales', {
        token,
        body: { customerId: customer.id, lines: [{ variantId: kettle, quantity: 3 }], discount: 500, paidAmount: 6047 },
      })
    ).body;
    expect(sale.total).toBe(6047);
    await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 2000 } }); // a later rate does not apply to the sale
    const made = (
      await api.request('POST', '/api/admin/returns', { token, body: { offlineSaleId: sale.id, lines: [{ lineId: sale.lines[0].id, quantity: 1 }] } })
    ).body;
    await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
    // 19.99; discount 5.00 × 19.99 / 59.97 = 1.666 → 1.67; tax (19.99 − 1.67) × 10 % = 1.832 → 1.83: 20.15
    expect(made).toMatchObject({
      offlineSaleId: sale.id,
      recordNumber: sale.number,
      status: 'approved',
      subtotal: 1999,
      discountTotal: 167,
      shippingTotal: 0,
      taxTotal: 183,
      total: 2015,
    });
    await act(made.id, 'receive');
    expect((await act(made.id, 'refund')).body).toMatchObject({ status: 'refunded', refundAmount: 2015 });
    const read = (await api.request('GET', `/api/admin/offline-sales/${sale.id}`, { token })).body;
    expect(read).toMatchObject({ status: 'completed', paymentStatus: 'partially_refunded', paidAmount: 6047, refundedAmount: 2015, balance: 0 });
    const [note] = (await api.request('GET', `/api/admin/credit-notes?filter=${json({ offlineSaleId: sale.id })}`, { token })).body;
    expect(note).toMatchObject({ invoiceId: null, total: 2015, taxRateBps: 1000, billTo: expect.objectContaining({ name: 'Counter Carla' }) });
    // a sale with a return cannot be cancelled any more: its goods are partly back already
    const cancel = await api.request('POST', `/api/admin/offline-sales/${sale.id}/cancel`, { token });
    expect([cancel.status, cancel.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await api.request('GET', `/api/admin/offline-sales/${sale.id}`, { token })).body.status).toBe('completed');
  });

  it('lists the queue by status with Content-Range counts, and searches the record’s number', async () => {
    const requested = await api.request('GET', `/api/admin/returns?filter=${json({ status: 'requested' })}&range=[0,0]`, { token });
    expect(requested.headers.get('content-range')).toMatch(/^returns 0-\d+\/\d+$/);
    const [one] = (await api.request('GET', '/api/admin/returns?range=[0,0]', { token })).body;
    const found = (await api.request('GET', `/api/admin/returns?filter=${json({ q: one.recordNumber })}`, { token })).body;
    expect(found.map((r: any) => r.recordNumber)).toContain(one.recordNumber);
    expect((await api.request('GET', `/api/admin/returns?filter=${json({ status: 'lost' })}`, { token })).status).toBe(400);
  });
});

it('records every change of returns and refunds in the audit log', async () => {
  const [latest] = (await api.request('GET', '/api/admin/returns?range=[0,0]', { token })).body;
  const history = (await api.request('GET', `/api/admin/audit-logs?filter=${json({ resource: 'returns', resourceId: latest.id })}`, { token })).body;
  expect(history.map((entry: any) => entry.action)).toEqual(expect.arrayContaining(['create', 'receive', 'refund']));
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
