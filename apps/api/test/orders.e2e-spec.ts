import { randomUUID } from 'node:crypto';
import { newClient } from '@chance/core';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';

let api: TestApi;
let token: string;
let shirt: { productId: number; variantIds: number[] };
let mug: { productId: number; variantIds: number[] };

const stockOf = async (variantId: number) => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantId])).rows[0].stock as number;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1500 } });
  shirt = await productWithStock(api, token, {
    name: 'Oxford Shirt',
    price: 3999,
    costPrice: 1500,
    shippingCost: 400,
    estimatedDeliveryDays: 5,
    variants: [
      { sku: 'OX-M', attributes: { size: 'M' }, stock: 50 },
      { sku: 'OX-L', attributes: { size: 'L' }, price: 4499, costPrice: 1700, stock: 50 },
    ],
  });
  mug = await productWithStock(api, token, { name: 'Mug', price: 1250, costPrice: 300, shippingCost: 100, estimatedDeliveryDays: 2, stock: 500 });
});
afterAll(() => api.close());

describe('checkout', () => {
  it('places an order whose totals equal the cart’s and the invoice’s, with snapshot lines', async () => {
    await api.request('POST', '/api/admin/coupons', { token, body: { code: 'SAVE15', discountType: 'percentage', discountValue: 1500 } });
    const cart = await guestCartWith(
      api,
      [
        { variantId: shirt.variantIds[1], quantity: 2 },
        { variantId: mug.variantIds[0], quantity: 3 },
      ],
      'SAVE15',
    );
    const priced = (await api.request('GET', `/api/store/carts/${cart.id}`, { headers: cart.headers })).body;
    const stockBefore = await stockOf(shirt.variantIds[1]);
    const reply = await guestCheckout(api, cart, { email: 'Buyer@Example.com' });
    expect(reply.status).toBe(201);
    const order = reply.body;
    for (const field of ['subtotal', 'discountTotal', 'shippingTotal', 'taxRateBps', 'taxTotal', 'total'])
      expect([field, order[field]]).toEqual([field, priced[field]]);
    // 2 × 44.99 + 3 × 12.50 = 127.48; 15 % off = 19.122 → 19.12; tax 15 % of 108.36 = 16.254 → 16.25; shipping 2 × 4 + 3 × 1 = 11.00
    expect(order).toMatchObject({ subtotal: 12748, discountTotal: 1912, shippingTotal: 1100, taxTotal: 1625, total: 12748 - 1912 + 1100 + 1625 });
    expect(order).toMatchObject({
      number: expect.stringMatching(/^ORD-\d{6}$/),
      status: 'pending',
      paymentStatus: 'unpaid',
      paymentMethod: 'cash_on_delivery',
      email: 'buyer@example.com',
      couponCode: 'SAVE15',
      paidAmount: 0,
      balanceDue: order.total,
      customerId: null,
    });
    expect(order.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(order.lines[0]).toEqual(
      expect.objectContaining({
        productName: 'Oxford Shirt',
        sku: 'OX-L',
        attributes: { size: 'L' },
        unitPrice: 4499,
        quantity: 2,
        lineTotal: 8998,
        shippingCost: 400,
        estimatedDeliveryDays: 5,
      }),
    );
    expect(order.lines[0].costPrice).toBeUndefined(); // never to the store
    const placed = new Date(order.placedAt);
    const expected = new Date(Date.UTC(placed.getUTCFullYear(), placed.getUTCMonth(), placed.getUTCDate() + 5)).toISOString().slice(0, 10);
    expect(order.estimatedDeliveryDate).toBe(expected);
    expect(await stockOf(shirt.variantIds[1])).toBe(stockBefore - 2);

    // the checkout answers with the order exactly as it was stored (built from what was written, not read back)
    const { accessToken, ...answered } = order;
    const stored = await api.request('GET', `/api/store/orders/${order.id}`, { headers: { 'x-order-token': accessToken } });
    expect(answered).toEqual(stored.body);
    const invoice = await api.request('GET', `/api/store/orders/${order.id}/invoice`, { headers: { 'x-order-token': order.accessToken } });
    expect(invoice.body).toMatchObject({
      id: order.invoiceId,
      orderId: order.id,
      orderNumber: order.number,
      number: expect.stringMatching(/^INV-\d{4}-\d{6}$/),
      paymentStatus: 'unpaid',
      paidAmount: 0,
    });
    for (const field of ['subtotal', 'discountTotal', 'shippingTotal', 'taxRateBps', 'taxTotal', 'total']) expect(invoice.body[field]).toBe(order[field]);
    const admin = await api.request('GET', `/api/admin/orders/${order.id}`, { token });
    expect(admin.body.lines[0].costPrice).toBe(1700);
    expect((await api.request('GET', `/api/admin/coupons?filter=${encodeURIComponent('{"q":"SAVE15"}')}`, { token })).body[0].timesUsed).toBe(1);
    const cartAfter = await api.request('POST', `/api/store/carts/${cart.id}/items`, {
      headers: cart.headers,
      body: { variantId: mug.variantIds[0], quantity: 1 },
    });
    expect(cartAfter.body.code).toBe('INVALID_TRANSITION');
    const events = await api.db.pool.query(`SELECT payload FROM outbox_events WHERE type = 'order.placed' AND (payload->>'orderId')::int = $1`, [order.id]);
    expect(events.rowCount).toBe(1);
  });

  it('keeps order and invoice snapshots when the product is renamed, repriced or deleted', async () => {
    const temp = await productWithStock(api, token, { name: 'Limited Print', price: 9900, costPrice: 4000, stock: 5 });
    const cart = await guestCartWith(api, [{ variantId: temp.variantIds[0], quantity: 1 }]);
    const order = (await guestCheckout(api, cart)).body;
    await api.request('PUT', `/api/admin/products/${temp.productId}`, { token, body: { name: 'Renamed Print', price: 100, costPrice: 1 } });
    let after = await api.request('GET', `/api/admin/orders/${order.id}`, { token });
    expect(after.body.lines[0]).toMatchObject({ productName: 'Limited Print', unitPrice: 9900, costPrice: 4000 });
    await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: temp.variantIds[0], delta: -4, note: 'clear' } });
    await api.request('DELETE', `/api/admin/products/${temp.productId}`, { token });
    after = await api.request('GET', `/api/admin/orders/${order.id}`, { token });
    expect(after.body.lines[0]).toMatchObject({ productName: 'Limited Print', sku: order.lines[0].sku, unitPrice: 9900 });
    const invoice = await api.request('GET', `/api/admin/invoices/${order.invoiceId}`, { token });
    expect(invoice.body.lines[0]).toMatchObject({ productName: 'Limited Print', unitPrice: 9900 });
  });

  it('needs an e-mail from guests, a non-empty cart, an allowed payment method and its own cart', async () => {
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 1 }]);
    const noEmail = await api.request('POST', '/api/store/checkout', {
      headers: { ...cart.headers, 'idempotency-key': randomUUID() },
      body: { cartId: cart.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
    });
    expect(noEmail.body.errors).toEqual({ email: 'is required for guest checkout' });
    const cash = await guestCheckout(api, cart, { paymentMethod: 'cash' });
    expect(Object.keys(cash.body.errors)).toEqual(['paymentMethod']);
    const withTotal = await api.request('POST', '/api/store/checkout', {
      headers: { ...cart.headers, 'idempotency-key': randomUUID() },
      body: { cartId: cart.id, email: 'a@b.co', shippingAddress: ADDRESS, paymentMethod: 'card', total: 1 },
    });
    expect(withTotal.body.errors).toEqual({ total: 'is not allowed' });
    const badAddress = await api.request('POST', '/api/store/checkout', {
      headers: { ...cart.headers, 'idempotency-key': randomUUID() },
      body: { cartId: cart.id, email: 'a@b.co', shippingAddress: { name: 'X' }, paymentMethod: 'card' },
    });
    expect(Object.keys(badAddress.body.errors).sort()).toEqual([
      'shippingAddress.city',
      'shippingAddress.country',
      'shippingAddress.line1',
      'shippingAddress.postalCode',
    ]);
    const noKey = await api.request('POST', '/api/store/checkout', {
      headers: cart.headers,
      body: { cartId: cart.id, email: 'a@b.co', shippingAddress: ADDRESS, paymentMethod: 'card' },
    });
    expect(noKey.body.errors).toEqual({ 'Idempotency-Key': expect.any(String) });
    const longKey = await guestCheckout(api, cart, { key: 'k'.repeat(256) });
    expect(longKey.status).toBe(400);
    const other = await guestCartWith(api, []);
    const stolen = await api.request('POST', '/api/store/checkout', {
      headers: { ...other.headers, 'idempotency-key': randomUUID() },
      body: { cartId: cart.id, email: 'a@b.co', shippingAddress: ADDRESS, paymentMethod: 'card' },
    });
    expect(stolen.status).toBe(404);
    const empty = await guestCheckout(api, other);
    expect(empty.body.errors).toEqual({ cartId: 'the cart is empty' });
    expect((await api.db.pool.query('SELECT 1 FROM orders WHERE cart_id = ANY($1)', [[cart.id, other.id]])).rowCount).toBe(0);
  });

  it('refuses a line short of stock and leaves nothing behind', async () => {
    const scarce = await productWithStock(api, token, { name: 'Scarce', price: 500, stock: 2 });
    const cart = await guestCartWith(api, [
      { variantId: scarce.variantIds[0], quantity: 2 },
      { variantId: mug.variantIds[0], quantity: 1 },
    ]);
    await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: scarce.variantIds[0], delta: -1, note: 'broke one' } });
    const mugStock = await stockOf(mug.variantIds[0]);
    const reply = await guestCheckout(api, cart);
    expect([reply.status, reply.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(await stockOf(mug.variantIds[0])).toBe(mugStock);
    expect(await stockOf(scarce.variantIds[0])).toBe(1);
    expect((await api.db.pool.query('SELECT 1 FROM orders WHERE cart_id = $1', [cart.id])).rowCount).toBe(0);
    expect((await api.request('GET', `/api/store/carts/${cart.id}`, { headers: cart.headers })).body.status).toBe('active');
  });

  it('lets a signed-in customer check out their cart and see only their own orders', async () => {
    const customer = await api.registerCustomer();
    const mine = await api.request('GET', '/api/store/carts/mine', { token: customer.token });
    await api.request('POST', `/api/store/carts/${mine.body.id}/items`, { token: customer.token, body: { variantId: mug.variantIds[0], quantity: 1 } });
    const reply = await api.request('POST', '/api/store/checkout', {
      token: customer.token,
      headers: { 'idempotency-key': 'mine-1' },
      body: { cartId: mine.body.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ customerId: customer.id, email: customer.email });
    expect(reply.body.accessToken).toBeUndefined();
    const list = await api.request('GET', '/api/store/orders', { token: customer.token });
    expect(list.body.map((o: any) => o.id)).toEqual([reply.body.id]);
    const other = await api.registerCustomer();
    expect((await api.request('GET', '/api/store/orders', { token: other.token })).body).toEqual([]);
    expect((await api.request('GET', '/api/store/carts/mine', { token: customer.token })).body.id).not.toBe(mine.body.id);
  });

  it('places a guest order of two lines in 16 statements, BEGIN and COMMIT included: the order, its lines, the closed cart and its order.placed event are one', async () => {
    const cart = await guestCartWith(api, [
      { variantId: shirt.variantIds[0], quantity: 1 },
      { variantId: mug.variantIds[0], quantity: 2 },
    ]);
    const before = api.queries.length;
    const reply = await guestCheckout(api, cart);
    expect(reply.status).toBe(201);
    // 16 since the lines snapshot their thumbnails (one read of the variants' images); 19 before the
    // cart's closing and the event joined the order's INSERT and the stock ledger stopped re-reading the settings
    expect(api.queries.slice(before).map((q) => q.replace(/\s+/g, ' ').slice(0, 60))).toHaveLength(16);
    expect((await api.db.pool.query('SELECT status FROM carts WHERE id = $1', [cart.id])).rows).toEqual([{ status: 'checked_out' }]);
    const events = await api.db.pool.query(`SELECT payload FROM outbox_events WHERE type = 'order.placed' AND (payload ->> 'orderId')::int = $1`, [
      reply.body.id,
    ]);
    expect(events.rows.map((e) => e.payload)).toEqual([
      { orderId: reply.body.id, number: reply.body.number, customerId: null, email: 'guest@example.com', total: reply.body.total },
    ]);
    expect(reply.body.lines.map((l: any) => [l.sku, l.quantity])).toEqual([
      ['OX-M', 1],
      [expect.any(String), 2],
    ]);
    const costs = await api.db.pool.query('SELECT variant_id, cost_price, estimated_delivery_days FROM order_lines WHERE order_id = $1 ORDER BY id', [
      reply.body.id,
    ]);
    expect(costs.rows.map((r) => [r.cost_price, r.estimated_delivery_days])).toEqual([
      [1500, 5],
      [300, 2],
    ]);
  });
});

describe('idempotency', () => {
  it('replays the first result for the same key and body, without a second order, stock or coupon use', async () => {
    await api.request('POST', '/api/admin/coupons', { token, body: { code: 'ONCEONLY', discountType: 'fixed', discountValue: 100 } });
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 2 }], 'ONCEONLY');
    const stock = await stockOf(mug.variantIds[0]);
    const first = await guestCheckout(api, cart, { key: 'same-key' });
    const second = await guestCheckout(api, cart, { key: 'same-key' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await stockOf(mug.variantIds[0])).toBe(stock - 2);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM orders WHERE cart_id = $1', [cart.id])).rows[0].n).toBe(1);
    expect((await api.db.pool.query(`SELECT times_used FROM coupons WHERE code = 'ONCEONLY'`)).rows[0].times_used).toBe(1);
  });

  it('refuses the same key with another body (422) and a key still in flight (409)', async () => {
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 1 }]);
    expect((await guestCheckout(api, cart, { key: 'k-1', email: 'one@example.com' })).status).toBe(201);
    const reused = await guestCheckout(api, cart, { key: 'k-1', email: 'two@example.com' });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);

    const busy = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 1 }]);
    const holder = newClient({ connectionString: api.db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [`checkout:cart:${busy.id}`, 'in-flight']);
      const inFlight = await guestCheckout(api, busy, { key: 'in-flight' });
      expect([inFlight.status, inFlight.body.code]).toEqual([409, 'IDEMPOTENCY_IN_PROGRESS']);
    } finally {
      await holder.end();
    }
    expect((await guestCheckout(api, busy, { key: 'in-flight' })).status).toBe(201);
  });

  it('lets a failed checkout be retried with the same key once the problem is fixed', async () => {
    const scarce = await productWithStock(api, token, { name: 'Retry Me', price: 500, stock: 1 });
    const cart = await guestCartWith(api, [{ variantId: scarce.variantIds[0], quantity: 1 }]);
    await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: scarce.variantIds[0], delta: -1, note: 'x' } });
    expect((await guestCheckout(api, cart, { key: 'retry' })).status).toBe(409);
    await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: scarce.variantIds[0], delta: 1, note: 'x' } });
    expect((await guestCheckout(api, cart, { key: 'retry' })).status).toBe(201);
  });
});

describe('payments and the sync rules', () => {
  async function order() {
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 2 }]);
    return (await guestCheckout(api, cart)).body;
  }

  it('derives partially paid and paid from several payments and methods; paid in full delivers', async () => {
    const o = await order();
    const part = await api.request('POST', `/api/admin/orders/${o.id}/payments`, { token, body: { amount: 1000, method: 'bank_transfer', reference: 'TX-1' } });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ paymentStatus: 'partially_paid', paidAmount: 1000, balanceDue: o.total - 1000, status: 'pending' });
    expect((await api.request('GET', `/api/admin/invoices/${o.invoiceId}`, { token })).body).toMatchObject({
      paymentStatus: 'partially_paid',
      paidAmount: 1000,
    });
    await api.request('POST', `/api/admin/orders/${o.id}/status`, { token, body: { status: 'processing' } });
    const over = await api.request('POST', `/api/admin/orders/${o.id}/payments`, { token, body: { amount: o.total, method: 'card' } });
    expect([over.status, over.body.code]).toEqual([409, 'OVERPAYMENT']);
    const rest = await api.request('POST', `/api/admin/orders/${o.id}/payments`, { token, body: { amount: o.total - 1000, method: 'mobile_wallet' } });
    expect(rest.body).toMatchObject({ paymentStatus: 'paid', paidAmount: o.total, balanceDue: 0, status: 'delivered' });
    expect(rest.body.payments.map((p: any) => [p.amount, p.method, p.status])).toEqual([
      [1000, 'bank_transfer', 'succeeded'],
      [o.total - 1000, 'mobile_wallet', 'succeeded'],
    ]);
    expect((await api.request('GET', `/api/admin/invoices/${o.invoiceId}`, { token })).body).toMatchObject({ paymentStatus: 'paid', paidAmount: o.total });
    const events = await api.db.pool.query(
      `SELECT type, payload->>'change' AS change, payload->>'to' AS "to" FROM outbox_events WHERE type = 'order.updated' AND (payload->>'orderId')::int = $1 ORDER BY id`,
      [o.id],
    );
    expect(events.rows).toEqual([
      { type: 'order.updated', change: 'payment', to: 'partially_paid' },
      { type: 'order.updated', change: 'status', to: 'processing' },
      { type: 'order.updated', change: 'status', to: 'delivered' },
      { type: 'order.updated', change: 'payment', to: 'paid' },
    ]);
    const payments = await api.request('GET', `/api/admin/payments?filter=${encodeURIComponent(JSON.stringify({ orderId: o.id, method: 'mobile_wallet' }))}`, {
      token,
    });
    expect(payments.body).toHaveLength(1);
  });

  it('marks the remaining balance paid, and refuses bad amounts', async () => {
    const o = await order();
    for (const amount of [0, -5, 10.5, '100']) {
      const reply = await api.request('POST', `/api/admin/orders/${o.id}/payments`, { token, body: { amount, method: 'cash' } });
      expect([amount, reply.status, reply.body.code]).toEqual([amount, 400, 'VALIDATION_FAILED']);
    }
    const paid = await api.request('POST', `/api/admin/orders/${o.id}/mark-paid`, { token, body: {} });
    expect(paid.body).toMatchObject({ paymentStatus: 'paid', status: 'delivered', balanceDue: 0 });
    expect(paid.body.payments[0]).toMatchObject({ amount: o.total, method: 'cash_on_delivery', recordedById: expect.any(Number) });
    expect((await api.request('POST', `/api/admin/orders/${o.id}/mark-paid`, { token, body: {} })).body.code).toBe('INVALID_TRANSITION');
  });

  it('cancelling returns stock and the coupon use, refunds every payment through a refund with its credit note; a cancelled order cannot be paid', async () => {
    const coupon = (await api.request('POST', '/api/admin/coupons', { token, body: { code: 'GIVEBACK', discountType: 'fixed', discountValue: 50 } })).body;
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 3 }], 'GIVEBACK');
    const o = (await guestCheckout(api, cart)).body;
    const stock = await stockOf(mug.variantIds[0]);
    await api.request('POST', `/api/admin/orders/${o.id}/payments`, { token, body: { amount: 500, method: 'card' } });
    const cancelled = await api.request('POST', `/api/admin/orders/${o.id}/cancel`, { token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', paidAmount: 0, balanceDue: 0, refundedAmount: 500 });
    expect(cancelled.body.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: 500, refundedAt: expect.any(String) });
    // a card payment recorded by staff is given back as paid out, at once, with its credit note
    const refunds = (await api.request('GET', `/api/admin/refunds?filter=${encodeURIComponent(JSON.stringify({ orderId: o.id }))}`, { token })).body;
    expect(refunds).toEqual([
      expect.objectContaining({
        kind: 'cancellation',
        amount: 500,
        method: 'card',
        status: 'succeeded',
        reason: `Cancellation of ${o.number}`,
        creditNoteId: expect.any(Number),
      }),
    ]);
    const note = (await api.request('GET', `/api/admin/credit-notes/${refunds[0].creditNoteId}`, { token })).body;
    expect(note).toMatchObject({ orderId: o.id, invoiceId: o.invoiceId, refundId: refunds[0].id, total: 500, recordNumber: o.number });
    expect(await stockOf(mug.variantIds[0])).toBe(stock + 3);
    const movements = await api.request(
      'GET',
      `/api/admin/stock-movements?filter=${encodeURIComponent(JSON.stringify({ variantId: mug.variantIds[0], reason: 'order_cancelled' }))}`,
      { token },
    );
    expect(movements.body[0]).toMatchObject({ delta: 3, reference: o.number });
    expect((await api.request('GET', `/api/admin/coupons/${coupon.id}`, { token })).body.timesUsed).toBe(0);
    expect((await api.request('GET', `/api/admin/invoices/${o.invoiceId}`, { token })).body).toMatchObject({ paymentStatus: 'refunded', paidAmount: 0 });
    for (const [path, body] of [
      [`payments`, { amount: 100, method: 'cash' }],
      ['mark-paid', {}],
    ] as const) {
      const reply = await api.request('POST', `/api/admin/orders/${o.id}/${path}`, { token, body });
      expect([reply.status, reply.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    }
  });

  it.each([
    [['processing', 'shipped', 'delivered'], 'pending'],
    [['processing'], 'delivered'],
    [['processing', 'shipped'], 'cancelled'],
    [['processing', 'shipped', 'delivered'], 'cancelled'],
    [[], 'delivered'],
    [['cancelled'], 'processing'],
  ])('after %j refuses a move to %s with 409 INVALID_TRANSITION', async (path, target) => {
    const o = await order();
    for (const status of path) expect((await api.request('POST', `/api/admin/orders/${o.id}/status`, { token, body: { status } })).status).toBe(200);
    const reply = await api.request('POST', `/api/admin/orders/${o.id}/status`, { token, body: { status: target } });
    expect([reply.status, reply.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    if (target === 'cancelled') expect((await api.request('POST', `/api/admin/orders/${o.id}/cancel`, { token })).status).toBe(409);
  });

  it('takes a card payment online through the provider, idempotently; a declined card leaves a failed payment and the order unpaid', async () => {
    const o = await order();
    const headers = { 'x-order-token': o.accessToken };
    const declined = await api.request('POST', `/api/store/orders/${o.id}/payments`, {
      headers: { ...headers, 'idempotency-key': 'pay-1' },
      body: { paymentToken: 'tok_declined' },
    });
    expect([declined.status, declined.body.code]).toEqual([402, 'PAYMENT_DECLINED']);
    expect((await api.db.pool.query('SELECT status, amount FROM payments WHERE order_id = $1', [o.id])).rows).toEqual([{ status: 'failed', amount: o.total }]);
    expect((await api.request('GET', `/api/admin/orders/${o.id}`, { token })).body).toMatchObject({
      paymentStatus: 'unpaid',
      paidAmount: 0,
      status: 'pending',
    });
    const paid = await api.request('POST', `/api/store/orders/${o.id}/payments`, {
      headers: { ...headers, 'idempotency-key': 'pay-2' },
      body: { paymentToken: 'tok_visa' },
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ paymentStatus: 'paid', status: 'delivered', balanceDue: 0 });
    const again = await api.request('POST', `/api/store/orders/${o.id}/payments`, {
      headers: { ...headers, 'idempotency-key': 'pay-2' },
      body: { paymentToken: 'tok_visa' },
    });
    expect(again.body).toEqual(paid.body);
    const { rows } = await api.db.pool.query(`SELECT method, amount, reference FROM payments WHERE order_id = $1 AND status = 'succeeded'`, [o.id]);
    expect(rows).toEqual([{ method: 'card', amount: o.total, reference: expect.stringMatching(/^test_ch_/) }]);
  });
});

describe('who may see what', () => {
  it('answers 404 for another customer’s or a token-less guest order, invoice, PDF, cancel and payment', async () => {
    const cart = await guestCartWith(api, [{ variantId: mug.variantIds[0], quantity: 1 }]);
    const o = (await guestCheckout(api, cart)).body;
    const customer = await api.registerCustomer();
    const attempts: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', `/api/store/orders/${o.id}`],
      ['GET', `/api/store/orders/${o.id}/invoice`],
      ['GET', `/api/store/orders/${o.id}/invoice.pdf`],
      ['POST', `/api/store/orders/${o.id}/cancel`],
      ['POST', `/api/store/orders/${o.id}/payments`, { paymentToken: 'tok_visa' }, { 'idempotency-key': 'x' }],
    ];
    for (const [method, path, body, headers] of attempts) {
      for (const who of [{}, { token: customer.token }, { headers: { 'x-order-token': 'wrong-token' } }]) {
        const reply = await api.request(method, path, { ...who, body, headers: { ...(headers ?? {}), ...((who as any).headers ?? {}) } });
        expect([path, reply.status]).toEqual([path, 404]);
      }
    }
    const own = await api.request('GET', `/api/store/orders/${o.id}`, { headers: { 'x-order-token': o.accessToken } });
    expect(own.status).toBe(200);
    expect((await api.request('GET', `/api/store/orders/${o.id}`)).status).toBe(404);
    expect((await api.request('GET', '/api/admin/orders', { token: customer.token })).status).toBe(403);
  });

  it('lets a customer cancel only their own pending order', async () => {
    const customer = await api.registerCustomer();
    const mine = await api.request('GET', '/api/store/carts/mine', { token: customer.token });
    await api.request('POST', `/api/store/carts/${mine.body.id}/items`, { token: customer.token, body: { variantId: mug.variantIds[0], quantity: 1 } });
    const o = (
      await api.request('POST', '/api/store/checkout', {
        token: customer.token,
        headers: { 'idempotency-key': 'c1' },
        body: { cartId: mine.body.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
      })
    ).body;
    const other = await api.registerCustomer();
    expect((await api.request('POST', `/api/store/orders/${o.id}/cancel`, { token: other.token })).status).toBe(404);
    await api.request('POST', `/api/admin/orders/${o.id}/status`, { token, body: { status: 'processing' } });
    const late = await api.request('POST', `/api/store/orders/${o.id}/cancel`, { token: customer.token });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('serves invoice PDFs as application/pdf', async () => {
    const cart = await guestCartWith(api, [{ variantId: shirt.variantIds[0], quantity: 1 }]);
    const o = (await guestCheckout(api, cart)).body;
    const store = await fetch(`${api.url}/api/store/orders/${o.id}/invoice.pdf`, { headers: { 'x-order-token': o.accessToken } });
    expect(store.status).toBe(200);
    expect(store.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await store.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const admin = await fetch(`${api.url}/api/admin/invoices/${o.invoiceId}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(admin.headers.get('content-type')).toBe('application/pdf');
    expect((await admin.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe('admin lists', () => {
  it('filters orders by status, payment status, date and search, with Content-Range', async () => {
    const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
    const pending = await api.request('GET', `/api/admin/orders?filter=${enc({ status: 'pending' })}&range=[0,999]`, { token });
    expect(pending.body.length).toBeGreaterThan(0);
    expect(pending.body.every((o: any) => o.status === 'pending')).toBe(true);
    expect(pending.headers.get('content-range')).toMatch(/^orders 0-\d+\/\d+$/);
    const search = await api.request('GET', `/api/admin/orders?filter=${enc({ q: 'buyer@example' })}`, { token });
    expect(search.body.map((o: any) => o.email)).toEqual(['buyer@example.com']);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await api.request('GET', `/api/admin/orders?filter=${enc({ placedAt_gte: today, paymentStatus: 'paid' })}`, { token });
    expect(dated.body.every((o: any) => o.paymentStatus === 'paid')).toBe(true);
    const invoices = await api.request('GET', `/api/admin/invoices?filter=${enc({ q: 'buyer@example' })}`, { token });
    expect(invoices.body).toHaveLength(1);
  });

  it('filters on every status an order answer documents (an empty page for one no order has yet), and refuses an unknown one', async () => {
    const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
    const { body } = await api.request('GET', '/api/openapi.json');
    for (const status of body.components.schemas.OrderStatus.enum as string[]) {
      const page = await api.request('GET', `/api/admin/orders?filter=${enc({ status })}&range=[0,999]`, { token });
      expect([status, page.status]).toEqual([status, 200]);
      expect(page.body.every((o: any) => o.status === status)).toBe(true);
    }
    for (const paymentStatus of body.components.schemas.OrderPaymentStatus.enum as string[]) {
      const page = await api.request('GET', `/api/admin/orders?filter=${enc({ paymentStatus })}&range=[0,999]`, { token });
      expect([paymentStatus, page.status]).toEqual([paymentStatus, 200]);
    }
    const unknown = await api.request('GET', `/api/admin/orders?filter=${enc({ status: 'lost' })}`, { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
  });
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
