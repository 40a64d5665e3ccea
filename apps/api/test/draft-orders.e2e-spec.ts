import { randomUUID } from 'node:crypto';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { picture } from './support/images.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { uploadFile } from './support/uploads.js';

// Phone orders and order editing (docs/api.md#draft-orders-and-order-editing), over real HTTP on a real PostgreSQL.
let api: TestApi;
let token: string;
let adminId: number;

const stockOf = async (variantId: number) => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantId])).rows[0].stock as number;
const movementsOf = async (variantId: number) =>
  (await api.db.pool.query('SELECT delta, reason, reference FROM stock_movements WHERE variant_id = $1 AND reason <> $2 ORDER BY id', [variantId, 'initial']))
    .rows;
const invoiceOf = async (orderId: number) =>
  (await api.request('GET', `/api/admin/invoices?filter=${encodeURIComponent(JSON.stringify({ orderId }))}`, { token })).body[0];
const TOTALS = ['subtotal', 'discountTotal', 'shippingTotal', 'taxRateBps', 'taxTotal', 'total'] as const;
const totalsOf = (record: Record<string, unknown>) => Object.fromEntries(TOTALS.map((field) => [field, record[field]]));

const draft = (body: Record<string, unknown>) =>
  api.request('POST', '/api/admin/orders', { token, body: { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', ...body } });
const place = (id: number, key = randomUUID()) => api.request('POST', `/api/admin/orders/${id}/place`, { token, headers: { 'idempotency-key': key } });
const edit = (id: number, body: Record<string, unknown>) => api.request('PUT', `/api/admin/orders/${id}`, { token, body });
/** A picture (its width makes it a file of its own) added to the product's gallery. */
async function imageOf(productId: number, width: number): Promise<{ id: number; thumbnailUrl: string }> {
  const reply = await uploadFile(api, `/api/admin/products/${productId}/images`, token, await picture('png', width, 40).toBuffer(), { type: 'image/png' });
  if (reply.status !== 201) throw new Error(`upload: ${reply.status} ${reply.text}`);
  return reply.body;
}
const salesToday = async () => {
  const today = new Date().toISOString().slice(0, 10);
  return (await api.request('GET', `/api/admin/reports/sales?from=${today}&to=${today}&groupBy=day`, { token })).body.totals;
};

/** A placed order of these lines (a guest checkout), moved on to `status`. */
async function placedOrder(lines: { variantId: number; quantity: number }[], options: { status?: string; coupon?: string } = {}) {
  const cart = await guestCartWith(api, lines, options.coupon);
  const reply = await guestCheckout(api, cart);
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${reply.text}`);
  if (options.status === 'processing') await api.request('POST', `/api/admin/orders/${reply.body.id}/status`, { token, body: { status: 'processing' } });
  return (await api.request('GET', `/api/admin/orders/${reply.body.id}`, { token })).body;
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  adminId = (await api.request('GET', '/api/me', { token })).body.id;
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1500 } });
});
afterAll(() => api.close());

describe('draft orders', () => {
  it('A draft placed twice with the same key yields one order; a draft never appears in reports or takes stock', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Phone Kettle', price: 2500, shippingCost: 300, stock: 10 });
    const customer = await api.registerCustomer('phone.buyer@example.com');
    const before = await salesToday();

    const created = await draft({ customerId: customer.id, lines: [{ variantId: variantIds[0], quantity: 2 }] });
    expect(created.status).toBe(201);
    // 2 × 25.00 = 50.00, tax 15 % = 7.50, shipping 2 × 3.00
    expect(created.body).toMatchObject({
      status: 'draft',
      number: null,
      invoiceId: null,
      customerId: customer.id,
      email: 'phone.buyer@example.com',
      subtotal: 5000,
      shippingTotal: 600,
      taxTotal: 750,
      total: 6350,
      paymentStatus: 'unpaid',
    });
    const id = created.body.id as number;
    expect(await stockOf(variantIds[0])).toBe(10);
    expect(await movementsOf(variantIds[0])).toEqual([]);
    expect(await salesToday()).toEqual(before);
    expect((await api.request('GET', '/api/store/orders', { token: customer.token })).body).toEqual([]);
    expect((await api.request('GET', `/api/store/orders/${id}`, { token: customer.token })).status).toBe(404);

    const key = randomUUID();
    const [first, second] = [await place(id, key), await place(id, key)];
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, status: 'pending', number: expect.stringMatching(/^ORD-\d{6}$/), invoiceId: expect.any(Number), total: 6350 });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await stockOf(variantIds[0])).toBe(8);
    expect(await movementsOf(variantIds[0])).toEqual([{ delta: -2, reason: 'order_placed', reference: first.body.number }]);
    const invoices = (await api.db.pool.query('SELECT number, total, revision FROM invoices WHERE order_id = $1', [id])).rows;
    expect(invoices).toEqual([{ number: expect.stringMatching(/^INV-\d{4}-\d{6}$/), total: 6350, revision: 1 }]);
    const after = await salesToday();
    expect([after.orders - before.orders, after.onlineRevenue - before.onlineRevenue]).toEqual([1, 6350]);
    expect((await api.request('GET', '/api/store/orders', { token: customer.token })).body.map((o: { id: number }) => o.id)).toEqual([id]);

    // another key on a placed order: it is no longer a draft
    const again = await place(id);
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await stockOf(variantIds[0])).toBe(8);
    await expectIntegrity(api);
  });

  it('places concurrent retries of one key once', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Retry Lamp', price: 1000, stock: 5 });
    const { body } = await draft({ email: 'retry@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }] });
    const key = randomUUID();
    const replies = await Promise.all(Array.from({ length: 5 }, () => place(body.id, key)));
    // each retry waits for the first and replays it (a retry that finds it still running may be told so: docs/api.md#idempotency)
    expect(replies.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    const answered = replies.filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    expect(new Set(answered.map((r) => r.body.number)).size).toBe(1);
    expect(await stockOf(variantIds[0])).toBe(4);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM invoices WHERE order_id = $1', [body.id])).rows[0].n).toBe(1);
  });

  it('keeps a price set by hand (audited, with who set it) and prices the other lines again when placed', async () => {
    const { productId, variantIds } = await productWithStock(api, token, { name: 'Matched Chair', price: 9000, stock: 4 });
    const other = await productWithStock(api, token, { name: 'Cushion', price: 1500, stock: 4 });
    const created = await draft({
      email: 'Counter.Guest@Example.com',
      lines: [
        { variantId: variantIds[0], quantity: 1, unitPrice: 8000 },
        { variantId: other.variantIds[0], quantity: 2 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe('counter.guest@example.com');
    expect(created.body.lines.map((l: Record<string, unknown>) => [l.unitPrice, l.priceOverridden])).toEqual([
      [8000, true],
      [1500, false],
    ]);
    const audit = await api.request('GET', `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ record: `orders:${created.body.id}` }))}`, {
      token,
    });
    const overridden = audit.body.find(
      (entry: { resource: string; changes: Record<string, unknown> }) =>
        entry.resource === 'order-lines' && (entry.changes.priceOverridden as unknown[])?.[1] === true,
    );
    expect(overridden).toMatchObject({ actorId: adminId, parentId: created.body.id, changes: { unitPrice: [null, 8000], priceOverridden: [null, true] } });

    // the catalog moves on before the order is placed: the hand-set price stays, the other line follows
    await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { price: 9900 } });
    await api.request('PUT', `/api/admin/products/${other.productId}`, { token, body: { price: 1700 } });
    const placed = await place(created.body.id);
    expect(placed.status).toBe(200);
    expect(placed.body.lines.map((l: Record<string, unknown>) => l.unitPrice)).toEqual([8000, 1700]);
    expect(placed.body.subtotal).toBe(8000 + 3400);
    expect(placed.body.accessToken).toEqual(expect.any(String));
    const asGuest = await api.request('GET', `/api/store/orders/${created.body.id}`, { headers: { 'x-order-token': placed.body.accessToken } });
    expect([asGuest.status, asGuest.body.number]).toEqual([200, placed.body.number]);
    await expectIntegrity(api);
  });

  it('edits and deletes a draft; a placed order is not deleted, a draft is not paid', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Draft Vase', price: 4000, stock: 3 });
    await api.request('POST', '/api/admin/coupons', { token, body: { code: 'PHONE10', discountType: 'percentage', discountValue: 1000 } });
    const { body } = await draft({ email: 'vase@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }] });
    const edited = await edit(body.id, { lines: [{ variantId: variantIds[0], quantity: 5 }], couponCode: 'phone10', paymentMethod: 'bank_transfer' });
    expect(edited.status).toBe(200);
    // a draft takes no stock, so it may ask for more than there is; placing it would be refused
    expect(edited.body).toMatchObject({
      status: 'draft',
      subtotal: 20000,
      discountTotal: 2000,
      couponCode: 'PHONE10',
      paymentMethod: 'bank_transfer',
      taxTotal: 2700,
    });
    const short = await place(body.id);
    expect([short.status, short.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect((await api.request('GET', `/api/admin/orders/${body.id}`, { token })).body).toMatchObject({ status: 'draft', number: null });
    expect(await stockOf(variantIds[0])).toBe(3);

    const paid = await api.request('POST', `/api/admin/orders/${body.id}/payments`, { token, body: { amount: 100, method: 'cash' } });
    expect([paid.status, paid.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    // nothing was paid or sold: no refund, no return, and no record of either written
    const refund = await api.request('POST', `/api/admin/orders/${body.id}/refunds`, { token, body: { amount: 100, reason: 'Goodwill' } });
    expect([refund.status, refund.body.code]).toEqual([409, 'REFUND_EXCEEDS_PAID']);
    const back = await api.request('POST', '/api/admin/returns', {
      token,
      body: { orderId: body.id, lines: [{ lineId: edited.body.lines[0].id, quantity: 1 }] },
    });
    expect([back.status, back.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
    const written = await api.db.pool.query(
      'SELECT (SELECT count(*) FROM refunds WHERE order_id = $1)::int AS refunds, (SELECT count(*) FROM returns WHERE order_id = $1)::int AS returns',
      [body.id],
    );
    expect(written.rows[0]).toEqual({ refunds: 0, returns: 0 });

    const deleted = await api.request('DELETE', `/api/admin/orders/${body.id}`, { token });
    expect([deleted.status, deleted.body.id, deleted.body.status]).toEqual([200, body.id, 'draft']);
    expect((await api.request('GET', `/api/admin/orders/${body.id}`, { token })).status).toBe(404);

    const order = await placedOrder([{ variantId: variantIds[0], quantity: 1 }]);
    const refused = await api.request('DELETE', `/api/admin/orders/${order.id}`, { token });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    await expectIntegrity(api);
  });

  it('refuses bad drafts with field messages and writes nothing', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Strict Pen', price: 300, stock: 3 });
    const count = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM orders')).rows[0].n;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [{ variantId: variantIds[0], quantity: 1 }] }, 'customerId'],
      [{ email: 'a@example.com', customerId: 1, lines: [{ variantId: variantIds[0], quantity: 1 }] }, 'email'],
      [{ customerId: 999999, lines: [{ variantId: variantIds[0], quantity: 1 }] }, 'customerId'],
      [{ email: 'a@example.com', lines: [{ variantId: 999999, quantity: 1 }] }, 'lines.0.variantId'],
      [{ email: 'a@example.com', lines: [] }, 'lines'],
      [{ email: 'a@example.com', lines: [{ variantId: variantIds[0], quantity: 0 }] }, 'lines.0.quantity'],
      [{ email: 'a@example.com', lines: [{ variantId: variantIds[0], quantity: 1, unitPrice: -5 }] }, 'lines.0.unitPrice'],
      [
        {
          email: 'a@example.com',
          lines: [
            { variantId: variantIds[0], quantity: 1 },
            { variantId: variantIds[0], quantity: 2 },
          ],
        },
        'lines.1.variantId',
      ],
      [{ email: 'a@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }], total: 1 }, 'total'],
      [{ email: 'a@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }], paymentMethod: 'cash' }, 'paymentMethod'],
    ];
    for (const [body, field] of cases) {
      const reply = await draft(body);
      expect([field, reply.status, reply.body.code]).toEqual([field, 400, 'VALIDATION_FAILED']);
      expect(Object.keys(reply.body.errors ?? {}).some((key) => key === field || key.startsWith(`${field}.`))).toBe(true);
    }
    const unknownCoupon = await draft({ email: 'a@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }], couponCode: 'NOPE' });
    expect([unknownCoupon.status, unknownCoupon.body.code, Object.keys(unknownCoupon.body.errors)]).toEqual([400, 'COUPON_NOT_FOUND', ['couponCode']]);
    const noKey = await api.request('POST', `/api/admin/orders/1/place`, { token });
    expect(noKey.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('editing a placed order', () => {
  it('Editing a processing order from 2 to 3 units of a variant with 1 left in stock succeeds and leaves stock 0; from 3 to 5 is 409 OUT_OF_STOCK and changes nothing; the invoice’s totals always equal the order’s', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Last Lamp', price: 2000, shippingCost: 100, stock: 3 });
    const order = await placedOrder([{ variantId: variantIds[0], quantity: 2 }], { status: 'processing' });
    expect(order.status).toBe('processing');
    expect(await stockOf(variantIds[0])).toBe(1);
    const invoiceBefore = await invoiceOf(order.id);

    const grown = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 3 }] });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ status: 'processing', number: order.number, subtotal: 6000, shippingTotal: 300, taxTotal: 900, total: 7200 });
    expect(grown.body.lines).toEqual([expect.objectContaining({ id: order.lines[0].id, quantity: 3, lineTotal: 6000 })]);
    expect(await stockOf(variantIds[0])).toBe(0);
    expect(await movementsOf(variantIds[0])).toEqual([
      { delta: -2, reason: 'order_placed', reference: order.number },
      { delta: -1, reason: 'order_edited', reference: order.number },
    ]);
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ id: invoiceBefore.id, number: invoiceBefore.number, revision: 2 });
    expect(totalsOf(invoice)).toEqual(totalsOf(grown.body));
    expect(invoice.lines).toEqual([expect.objectContaining({ variantId: variantIds[0], quantity: 3, lineTotal: 6000 })]);

    const tooMany = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 5 }] });
    expect([tooMany.status, tooMany.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect((await api.request('GET', `/api/admin/orders/${order.id}`, { token })).body).toEqual(grown.body);
    expect(await stockOf(variantIds[0])).toBe(0);
    const unchanged = await invoiceOf(order.id);
    expect([unchanged.revision, totalsOf(unchanged)]).toEqual([2, totalsOf(grown.body)]);
    await expectIntegrity(api);
  });

  it('adds a line and removes another, keeping the kept line’s snapshot, moving only the difference, telling the customer and auditing before and after', async () => {
    const kept = await productWithStock(api, token, { name: 'Kept Teapot', price: 3000, stock: 10 });
    const removed = await productWithStock(api, token, { name: 'Removed Cup', price: 800, stock: 10 });
    const added = await productWithStock(api, token, { name: 'Added Saucer', price: 500, shippingCost: 50, stock: 10 });
    const customer = await api.registerCustomer('editing.customer@example.com');
    const { body: draftOrder } = await draft({
      customerId: customer.id,
      lines: [
        { variantId: kept.variantIds[0], quantity: 1 },
        { variantId: removed.variantIds[0], quantity: 4 },
      ],
    });
    const order = (await place(draftOrder.id)).body;
    // the catalog's price changes after the sale: the kept line keeps what it was sold at
    await api.request('PUT', `/api/admin/products/${kept.productId}`, { token, body: { price: 3500 } });
    const teapot = order.lines.find((l: { variantId: number }) => l.variantId === kept.variantIds[0]);

    const reply = await edit(order.id, {
      lines: [
        { lineId: teapot.id, variantId: kept.variantIds[0], quantity: 1 },
        { variantId: added.variantIds[0], quantity: 2 },
      ],
      shippingAddress: { ...ADDRESS, line1: '1 New Street' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.lines.map((l: Record<string, unknown>) => [l.productName, l.unitPrice, l.quantity])).toEqual([
      ['Kept Teapot', 3000, 1],
      ['Added Saucer', 500, 2],
    ]);
    expect(reply.body).toMatchObject({ subtotal: 4000, shippingTotal: 100, taxTotal: 600, total: 4700, shippingAddress: { line1: '1 New Street' } });
    expect([await stockOf(kept.variantIds[0]), await stockOf(removed.variantIds[0]), await stockOf(added.variantIds[0])]).toEqual([9, 10, 8]);
    expect((await movementsOf(kept.variantIds[0])).map((m: { reason: string }) => m.reason)).toEqual(['order_placed']);
    expect(await movementsOf(removed.variantIds[0])).toEqual([
      { delta: -4, reason: 'order_placed', reference: order.number },
      { delta: 4, reason: 'order_edited', reference: order.number },
    ]);
    expect((await invoiceOf(order.id)).billTo.line1).toBe('1 New Street');

    const events = await api.db.pool.query(`SELECT payload FROM outbox_events WHERE type = 'order.updated' AND (payload ->> 'orderId')::int = $1`, [order.id]);
    expect(events.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ change: 'edited', from: order.total, to: 4700, customerId: customer.id })]);
    const audit = await api.request('GET', `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ resource: 'orders', resourceId: order.id }))}`, {
      token,
    });
    const update = audit.body.find((entry: { action: string; changes: Record<string, unknown> }) => entry.action === 'update' && entry.changes.total);
    expect(update).toMatchObject({ actorId: adminId, changes: { total: [order.total, 4700], subtotal: [order.subtotal, 4000] } });
    await expectIntegrity(api);
  });

  it('re-checks the coupon: a kept one that no longer applies refuses the edit, null gives its use back', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Coupon Rug', price: 5000, stock: 10 });
    await api.request('POST', '/api/admin/coupons', {
      token,
      body: { code: 'BIG50', discountType: 'fixed', discountValue: 1000, minPurchase: 10000, usageLimit: 1 },
    });
    const order = await placedOrder([{ variantId: variantIds[0], quantity: 2 }], { coupon: 'BIG50' });
    expect(order).toMatchObject({ couponCode: 'BIG50', discountTotal: 1000 });
    const timesUsed = async () => (await api.db.pool.query(`SELECT times_used FROM coupons WHERE code = 'BIG50'`)).rows[0].times_used;
    expect(await timesUsed()).toBe(1);

    // the coupon is used up (its limit is 1), but this order holds the use: adding a line keeps it
    const more = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 3 }] });
    expect([more.status, more.body.discountTotal]).toEqual([200, 1000]);

    const below = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 1 }] });
    expect([below.status, below.body.code, Object.keys(below.body.errors)]).toEqual([400, 'COUPON_MIN_PURCHASE', ['couponCode']]);
    expect(await stockOf(variantIds[0])).toBe(7);

    const removed = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 1 }], couponCode: null });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ couponCode: null, discountTotal: 0, subtotal: 5000, total: 5750 });
    expect(await timesUsed()).toBe(0);
    expect(await stockOf(variantIds[0])).toBe(9);
    await expectIntegrity(api);
  });

  it('is 409 REFUND_REQUIRED below what was paid, INVALID_TRANSITION once shipped, and 400 for what only a draft may change', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Paid Clock', price: 10000, stock: 10 });
    const order = await placedOrder([{ variantId: variantIds[0], quantity: 2 }]);
    await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 15000, method: 'cash' } });

    const refund = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 1 }] });
    expect([refund.status, refund.body.code]).toEqual([409, 'REFUND_REQUIRED']);
    expect(await stockOf(variantIds[0])).toBe(8);
    expect((await invoiceOf(order.id)).revision).toBe(1);

    const email = await edit(order.id, { email: 'other@example.com' });
    expect([email.status, email.body.code, Object.keys(email.body.errors)]).toEqual([400, 'VALIDATION_FAILED', ['email']]);

    await api.request('POST', `/api/admin/orders/${order.id}/status`, { token, body: { status: 'processing' } });
    await api.request('POST', `/api/admin/orders/${order.id}/status`, { token, body: { status: 'shipped' } });
    const shipped = await edit(order.id, { shippingAddress: ADDRESS });
    expect([shipped.status, shipped.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    await expectIntegrity(api);
  });

  it('concurrent edits and checkouts never oversell', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Contended Bulb', price: 700, stock: 12 });
    const variantId = variantIds[0];
    const orders: { id: number; lines: { id: number }[] }[] = [];
    for (let i = 0; i < 6; i++) orders.push(await placedOrder([{ variantId, quantity: 1 }]));
    expect(await stockOf(variantId)).toBe(6);
    const carts = await Promise.all(Array.from({ length: 6 }, () => guestCartWith(api, [{ variantId, quantity: 1 }])));

    // 6 left; asked for: six edits of +2 (two of them racing on the same order) and six checkouts of 1
    const requests = [
      ...orders.map((o) => () => edit(o.id, { lines: [{ lineId: o.lines[0].id, variantId, quantity: 3 }] })),
      () => edit(orders[0].id, { lines: [{ lineId: orders[0].lines[0].id, variantId, quantity: 3 }] }),
      ...carts.map((cart) => () => guestCheckout(api, cart)),
    ];
    const replies = await Promise.all(requests.map((send) => send()));
    expect(replies.every((r) => [200, 201].includes(r.status) || (r.status === 409 && r.body.code === 'OUT_OF_STOCK'))).toBe(true);

    const stock = await stockOf(variantId);
    const { rows } = await api.db.pool.query(
      `SELECT COALESCE(sum(l.quantity), 0)::int AS sold, (SELECT sum(delta)::int FROM stock_movements WHERE variant_id = $1) AS ledger
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.variant_id = $1 AND o.status <> 'cancelled'`,
      [variantId],
    );
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(rows[0]).toEqual({ sold: 12 - stock, ledger: stock });
    const checkouts = replies.slice(7).filter((r) => r.status === 201).length;
    const grownOrders = (await Promise.all(orders.map((o) => api.request('GET', `/api/admin/orders/${o.id}`, { token })))).filter(
      (r) => r.body.lines[0].quantity === 3,
    ).length;
    expect(grownOrders * 2 + checkouts).toBe(6 - stock);
    await expectIntegrity(api);
  });
  it('snapshots each line’s thumbnail: a draft’s lines when it is placed, an edit’s new line when added, while a kept line keeps its own', async () => {
    const lamp = await productWithStock(api, token, { name: 'Pictured Lamp', price: 1200, stock: 10 });
    const vase = await productWithStock(api, token, { name: 'Pictured Vase', price: 900, stock: 10 });
    const lampFirst = await imageOf(lamp.productId, 40);
    const vasePicture = await imageOf(vase.productId, 41);
    const thumbs = (order: { lines: { variantId: number; thumbnailUrl: string | null }[] }) => order.lines.map((l) => [l.variantId, l.thumbnailUrl]);

    const { body: drafted } = await draft({ email: 'pictures@example.com', lines: [{ variantId: lamp.variantIds[0], quantity: 1 }] });
    expect(thumbs(drafted)).toEqual([[lamp.variantIds[0], lampFirst.thumbnailUrl]]);
    const placed = await place(drafted.id);
    expect(placed.status).toBe(200);
    expect(thumbs(placed.body)).toEqual([[lamp.variantIds[0], lampFirst.thumbnailUrl]]);

    // the lamp's gallery changes after the sale: its kept line keeps the picture it was sold with
    const lampNow = await imageOf(lamp.productId, 42);
    expect((await api.request('PUT', `/api/admin/products/${lamp.productId}/images/${lampNow.id}`, { token, body: { position: 0 } })).status).toBe(200);
    const edited = await edit(placed.body.id, {
      lines: [
        { lineId: placed.body.lines[0].id, variantId: lamp.variantIds[0], quantity: 2 },
        { variantId: vase.variantIds[0], quantity: 1 },
      ],
    });
    expect(edited.status).toBe(200);
    expect(thumbs(edited.body)).toEqual([
      [lamp.variantIds[0], lampFirst.thumbnailUrl],
      [vase.variantIds[0], vasePicture.thumbnailUrl],
    ]);
    const store = await api.request('GET', `/api/store/orders/${placed.body.id}`, { headers: { 'x-order-token': placed.body.accessToken } });
    expect(thumbs(store.body)).toEqual(thumbs(edited.body));
    await expectIntegrity(api);
  });

  it('after a refund: an edit keeps what was refunded and the credit note, revises the invoice to the order’s figures, and never goes below what was paid', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Refunded Stool', price: 4000, stock: 10 });
    // 2 × 40.00 = 80.00, tax 15 % = 12.00
    const order = await placedOrder([{ variantId: variantIds[0], quantity: 2 }]);
    expect(order.total).toBe(9200);
    expect((await api.request('POST', `/api/admin/orders/${order.id}/payments`, { token, body: { amount: 5000, method: 'cash' } })).status).toBe(201);
    const refund = await api.request('POST', `/api/admin/orders/${order.id}/refunds`, { token, body: { amount: 1000, reason: 'Scratched' } });
    expect(refund.status).toBe(201);

    const grown = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 3 }] });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ total: 13800, paidAmount: 5000, refundedAmount: 1000, paymentStatus: 'partially_refunded', balanceDue: 8800 });
    const invoice = await invoiceOf(order.id);
    expect(invoice).toMatchObject({ revision: 2, paidAmount: 5000, paymentStatus: 'partially_refunded' });
    expect(totalsOf(invoice)).toEqual(totalsOf(grown.body));
    const notes = (await api.request('GET', `/api/admin/credit-notes?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id }))}`, { token })).body;
    expect(notes.map((n: Record<string, unknown>) => [n.invoiceId, n.total])).toEqual([[invoice.id, 1000]]);

    // what was paid stays paid (refunds are counted apart): the total may not go below it
    const below = await edit(order.id, { lines: [{ lineId: order.lines[0].id, variantId: variantIds[0], quantity: 1 }] });
    expect([below.status, below.body.code]).toEqual([409, 'REFUND_REQUIRED']);
    expect((await invoiceOf(order.id)).revision).toBe(2);
    await expectIntegrity(api);
  });
});
