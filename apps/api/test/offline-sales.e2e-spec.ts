import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';

let api: TestApi;
let token: string;
let customerId: number;
let lamp: number;
let bulb: number;

const stockOf = async (variantId: number) => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantId])).rows[0].stock as number;

async function sale(body: Record<string, unknown> = {}) {
  const reply = await api.request('POST', '/api/admin/offline-sales', {
    token,
    body: {
      customerId,
      lines: [
        { variantId: lamp, quantity: 2 },
        { variantId: bulb, quantity: 3, unitPrice: 250 },
      ],
      ...body,
    },
  });
  if (reply.status !== 201) throw new Error(`${reply.status} ${reply.text}`);
  return reply.body;
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
  lamp = (await productWithStock(api, token, { name: 'Desk Lamp', price: 4599, costPrice: 2000, stock: 20 })).variantIds[0];
  bulb = (await productWithStock(api, token, { name: 'LED Bulb', price: 300, costPrice: 90, stock: 100 })).variantIds[0];
  const customer = await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Maria Gonzalez', phone: '+1 555 0199' } });
  expect(customer.status).toBe(201);
  customerId = customer.body.id;
});
afterAll(() => api.close());

describe('in-store sales', () => {
  it('computes totals with the discount and the store tax, snapshots lines and takes the stock', async () => {
    const before = await stockOf(lamp);
    const s = await sale({ discount: 198 });
    // 2 × 45.99 + 3 × 2.50 (overridden) = 99.48; − 1.98 = 97.50; tax 10 % = 9.75
    expect(s).toMatchObject({
      number: expect.stringMatching(/^SALE-\d{6}$/),
      status: 'completed',
      subtotal: 9948,
      discount: 198,
      taxRateBps: 1000,
      taxTotal: 975,
      total: 10725,
      paidAmount: 0,
      balance: 10725,
      paymentStatus: 'unpaid',
    });
    expect(s.lines.map((l: any) => [l.productName, l.unitPrice, l.quantity, l.lineTotal, l.costPrice])).toEqual([
      ['Desk Lamp', 4599, 2, 9198, 2000],
      ['LED Bulb', 250, 3, 750, 90],
    ]);
    expect(await stockOf(lamp)).toBe(before - 2);
    const movement = await api.request(
      'GET',
      `/api/admin/stock-movements?filter=${encodeURIComponent(JSON.stringify({ variantId: lamp, reason: 'offline_sale' }))}`,
      { token },
    );
    expect(movement.body[0]).toMatchObject({ delta: -2, reference: s.number });
  });

  it('goes from unpaid to partially paid to paid, and refuses overpayment', async () => {
    const s = await sale({ paidAmount: 5000, paymentMethod: 'card' });
    expect(s).toMatchObject({ paidAmount: 5000, paymentStatus: 'partially_paid', balance: s.total - 5000 });
    expect(s.payments).toEqual([expect.objectContaining({ amount: 5000, method: 'card' })]);
    const over = await api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, { token, body: { amount: s.total, method: 'cash' } });
    expect([over.status, over.body.code]).toEqual([409, 'OVERPAYMENT']);
    const paid = await api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, {
      token,
      body: { amount: s.total - 5000, method: 'cash', note: 'rest in cash' },
    });
    expect(paid.body).toMatchObject({ paymentStatus: 'paid', balance: 0, paidAmount: s.total });
    expect((await api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, { token, body: { amount: 1, method: 'cash' } })).body.code).toBe(
      'OVERPAYMENT',
    );
    const atCreation = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, lines: [{ variantId: bulb, quantity: 1 }], paidAmount: 1_000_000 },
    });
    expect([atCreation.status, atCreation.body.code]).toEqual([409, 'OVERPAYMENT']);
  });

  it('never lets concurrent payments exceed the total', async () => {
    const s = await sale();
    const share = Math.ceil(s.total / 3);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, { token, body: { amount: share, method: 'cash' } })),
    );
    const accepted = replies.filter((r) => r.status === 201).length;
    expect(accepted).toBe(2); // a third share would exceed the total
    const { rows } = await api.db.pool.query(
      'SELECT paid_amount, total, (SELECT sum(amount)::int FROM offline_sale_payments WHERE sale_id = s.id) AS payments FROM offline_sales s WHERE id = $1',
      [s.id],
    );
    expect(rows[0].paid_amount).toBe(2 * share);
    expect(rows[0].payments).toBe(2 * share);
    expect(rows[0].paid_amount).toBeLessThanOrEqual(rows[0].total);
  });

  it('sums the outstanding balance of a customer over their sales, ignoring cancelled ones', async () => {
    const other = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Owen Owes', phone: '555-0123' } })).body;
    const a = (
      await api.request('POST', '/api/admin/offline-sales', {
        token,
        body: { customerId: other.id, lines: [{ variantId: bulb, quantity: 10 }], paidAmount: 1000 },
      })
    ).body;
    const b = (await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId: other.id, lines: [{ variantId: bulb, quantity: 5 }] } }))
      .body;
    const c = (await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId: other.id, lines: [{ variantId: bulb, quantity: 1 }] } }))
      .body;
    await api.request('POST', `/api/admin/offline-sales/${c.id}/cancel`, { token });
    const view = await api.request('GET', `/api/admin/offline-customers/${other.id}`, { token });
    expect(view.body.outstandingBalance).toBe(a.total - 1000 + b.total);
    const owing = await api.request('GET', `/api/admin/offline-customers?filter=${encodeURIComponent('{"owing":true}')}&range=[0,99]`, { token });
    expect(owing.body.map((x: any) => x.name)).toContain('Owen Owes');
  });

  it('cancelling returns the stock, zeroes the balance, refunds what was paid (with its credit note) and refuses more payments', async () => {
    const before = await stockOf(lamp);
    const s = await sale({ paidAmount: 100 });
    const cancelled = await api.request('POST', `/api/admin/offline-sales/${s.id}/cancel`, { token });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      balance: 0,
      cancelledAt: expect.any(String),
      paidAmount: 0,
      refundedAmount: 100,
      paymentStatus: 'refunded',
    });
    expect(cancelled.body.payments).toEqual([expect.objectContaining({ amount: 100, refundedAmount: 100 })]);
    const refunds = (await api.request('GET', `/api/admin/refunds?filter=${encodeURIComponent(JSON.stringify({ offlineSaleId: s.id }))}`, { token })).body;
    expect(refunds).toEqual([
      expect.objectContaining({ kind: 'cancellation', amount: 100, method: 'cash', status: 'succeeded', creditNoteId: expect.any(Number) }),
    ]);
    const note = (await api.request('GET', `/api/admin/credit-notes/${refunds[0].creditNoteId}`, { token })).body;
    expect(note).toMatchObject({ offlineSaleId: s.id, invoiceId: null, total: 100, number: expect.stringMatching(/^CN-\d{4}-\d{6}$/) });
    expect(await stockOf(lamp)).toBe(before);
    expect((await api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, { token, body: { amount: 1, method: 'cash' } })).body.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await api.request('POST', `/api/admin/offline-sales/${s.id}/cancel`, { token })).status).toBe(409);
  });

  it('saves nothing when a line is short of stock or input is bad', async () => {
    const count = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM offline_sales')).rows[0].n;
    const before = { sales: await count(), bulb: await stockOf(bulb) };
    const short = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: {
        customerId,
        lines: [
          { variantId: bulb, quantity: 1 },
          { variantId: lamp, quantity: 9999 },
        ],
      },
    });
    expect([short.status, short.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(short.body.errors).toEqual({ 'lines.1.quantity': expect.stringMatching(/^only \d+ in stock$/) });
    expect(short.body.message).toContain('Desk Lamp');
    const badDiscount = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, lines: [{ variantId: bulb, quantity: 1 }], discount: 100000 },
    });
    expect(badDiscount.body.errors).toEqual({ discount: 'must not exceed the subtotal' });
    const computed = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, lines: [{ variantId: bulb, quantity: 1 }], total: 1, paymentStatus: 'paid' },
    });
    expect(computed.body.errors).toEqual({ total: 'is not allowed', paymentStatus: 'is not allowed' });
    expect(
      (await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId: 99999, lines: [{ variantId: bulb, quantity: 1 }] } })).body.errors,
    ).toEqual({ customerId: 'does not exist' });
    expect({ sales: await count(), bulb: await stockOf(bulb) }).toEqual(before);
  });

  it('records a sale once when retried with the same Idempotency-Key', async () => {
    const body = { customerId, lines: [{ variantId: bulb, quantity: 1 }], paidAmount: 100 };
    const stock = await stockOf(bulb);
    const first = await api.request('POST', '/api/admin/offline-sales', { token, body, headers: { 'idempotency-key': 'counter-1' } });
    const again = await api.request('POST', '/api/admin/offline-sales', { token, body, headers: { 'idempotency-key': 'counter-1' } });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await stockOf(bulb)).toBe(stock - 1);
    const other = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { ...body, paidAmount: 1 },
      headers: { 'idempotency-key': 'counter-1' },
    });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('lists by payment status and serves a PDF receipt', async () => {
    const paid = await api.request('GET', `/api/admin/offline-sales?filter=${encodeURIComponent('{"paymentStatus":"paid"}')}`, { token });
    expect(paid.body.length).toBeGreaterThan(0);
    expect(paid.body.every((s: any) => s.paymentStatus === 'paid')).toBe(true);
    const byName = await api.request('GET', `/api/admin/offline-sales?filter=${encodeURIComponent('{"q":"maria"}')}`, { token });
    expect(byName.body.every((s: any) => s.customerId === customerId)).toBe(true);
    const pdf = await fetch(`${api.url}/api/admin/offline-sales/${paid.body[0].id}/receipt.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

let mug: number;
beforeAll(async () => {
  mug = (await productWithStock(api, token, { name: 'Counter Mug', price: 300, costPrice: 90, stock: 1000 })).variantIds[0];
});

describe('walk-in sales (docs/api.md#in-store-sales)', () => {
  const count = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM offline_sales')).rows[0].n;

  it('are recorded without a customer when paid in full at once, with a receipt for the walk-in customer', async () => {
    // 2 × 3.00 = 6.00 + 10 % = 6.60
    const reply = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { lines: [{ variantId: mug, quantity: 2 }], paidAmount: 660, paymentMethod: 'card' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ customerId: null, total: 660, paidAmount: 660, balance: 0, paymentStatus: 'paid' });
    const walkIns = await api.request('GET', `/api/admin/offline-sales?filter=${encodeURIComponent('{"walkIn":true}')}`, { token });
    expect(walkIns.body.map((s: any) => s.id)).toContain(reply.body.id);
    expect(walkIns.body.every((s: any) => s.customerId === null)).toBe(true);
    const pdf = await fetch(`${api.url}/api/admin/offline-sales/${reply.body.id}/receipt.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
    // money can still go back on it
    const refund = await api.request('POST', `/api/admin/offline-sales/${reply.body.id}/refunds`, { token, body: { amount: 100, reason: 'Cracked' } });
    expect(refund.status).toBe(201);
  });

  it('are refused when not paid in full, with the field message, and nothing is saved', async () => {
    const before = { sales: await count(), mug: await stockOf(mug) };
    for (const paidAmount of [undefined, 0, 659]) {
      const reply = await api.request('POST', '/api/admin/offline-sales', { token, body: { lines: [{ variantId: mug, quantity: 2 }], paidAmount } });
      expect([reply.status, reply.body.code, reply.body.errors]).toEqual([400, 'VALIDATION_FAILED', { customerId: 'a sale on credit needs a customer' }]);
    }
    const over = await api.request('POST', '/api/admin/offline-sales', { token, body: { lines: [{ variantId: mug, quantity: 2 }], paidAmount: 661 } });
    expect([over.status, over.body.code]).toEqual([409, 'OVERPAYMENT']);
    expect({ sales: await count(), mug: await stockOf(mug) }).toEqual(before);
  });
});

describe('coupons at the counter (docs/api.md#in-store-sales)', () => {
  const coupon = async (body: Record<string, unknown>) => {
    const reply = await api.request('POST', '/api/admin/coupons', { token, body: { discountType: 'percentage', discountValue: 1000, ...body } });
    if (reply.status !== 201) throw new Error(`${reply.status} ${reply.text}`);
    return reply.body;
  };
  const timesUsed = async (code: string) => (await api.db.pool.query('SELECT times_used FROM coupons WHERE code = $1', [code])).rows[0].times_used;
  const salesToday = async () => {
    const today = new Date().toISOString().slice(0, 10);
    return (await api.request('GET', `/api/admin/reports/sales?from=${today}&to=${today}&groupBy=day`, { token })).body.totals;
  };

  it('discount the sale as online, snapshot the code, count one use, flow into revenue and give the use back on cancellation', async () => {
    await coupon({ code: 'COUNTER10' });
    const before = await salesToday();
    const reply = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, lines: [{ variantId: lamp, quantity: 2 }], couponCode: 'counter10', paidAmount: 1000 },
    });
    expect(reply.status).toBe(201);
    // 2 × 45.99 = 91.98; 10 % off = 9.20 (half-up); (91.98 − 9.20) × 10 % = 8.28; total 91.06
    expect(reply.body).toMatchObject({ subtotal: 9198, discount: 920, discountTotal: 920, couponCode: 'COUNTER10', taxTotal: 828, total: 9106 });
    expect(await timesUsed('COUNTER10')).toBe(1);
    const after = await salesToday();
    expect(after.offlineRevenue - before.offlineRevenue).toBe(9106);
    // gross profit: lines − cost − discount
    expect(after.grossProfit - before.grossProfit).toBe(9198 - 2 * 2000 - 920);

    const { rows } = await api.db.pool.query('SELECT offline_sale_id, order_id, cancelled_at FROM coupon_redemptions WHERE offline_sale_id = $1', [
      reply.body.id,
    ]);
    expect(rows).toEqual([{ offline_sale_id: reply.body.id, order_id: null, cancelled_at: null }]);
    await api.request('POST', `/api/admin/offline-sales/${reply.body.id}/cancel`, { token });
    expect(await timesUsed('COUNTER10')).toBe(0);
  });

  it('refuse a coupon past its limit exactly as online, with the same code and answer (under the sale’s own field)', async () => {
    await coupon({ code: 'ONCEONLY', usageLimit: 1 });
    const online = await guestCheckout(api, await guestCartWith(api, [{ variantId: mug, quantity: 1 }], 'ONCEONLY'));
    expect(online.status).toBe(201);
    // online, the next shopper is refused when applying it to a cart
    const cart = await guestCartWith(api, [{ variantId: mug, quantity: 1 }]);
    const applied = await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { headers: cart.headers, body: { code: 'ONCEONLY' } });
    expect([applied.status, applied.body.code]).toEqual([409, 'COUPON_USAGE_LIMIT']);
    const counter = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, lines: [{ variantId: mug, quantity: 1 }], couponCode: 'ONCEONLY' },
    });
    expect([counter.status, counter.body.code]).toEqual([409, 'COUPON_USAGE_LIMIT']);
    // the same answer, its field message under each body's own field (the cart's `code`, the sale's `couponCode`)
    const { errors: cartErrors, ...cartAnswer } = applied.body;
    const { errors: saleErrors, ...saleAnswer } = counter.body;
    expect(saleAnswer).toEqual(cartAnswer);
    expect(saleErrors).toEqual({ couponCode: cartErrors.code });
    expect(await timesUsed('ONCEONLY')).toBe(1);
  });

  it('apply every other rule of online coupons, and nothing is saved on a refusal', async () => {
    const sales = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM offline_sales')).rows[0].n;
    const before = await sales();
    await coupon({ code: 'BIGSPEND', minPurchase: 100_000 });
    await coupon({ code: 'SLEEPING', isActive: false });
    await coupon({ code: 'EXPIRED', validTo: '2020-01-01' });
    const attempt = (couponCode: string, extra: Record<string, unknown> = {}) =>
      api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId: mug, quantity: 1 }], couponCode, ...extra } });
    for (const [code, status, error] of [
      ['NOSUCHCODE', 400, 'COUPON_NOT_FOUND'],
      ['BIGSPEND', 400, 'COUPON_MIN_PURCHASE'],
      ['SLEEPING', 400, 'COUPON_INACTIVE'],
      ['EXPIRED', 400, 'COUPON_EXPIRED'],
    ] as const) {
      const reply = await attempt(code);
      expect([code, reply.status, reply.body.code, Object.keys(reply.body.errors)]).toEqual([code, status, error, ['couponCode']]);
    }
    await coupon({ code: 'BOTHWAYS' });
    const both = await attempt('BOTHWAYS', { discount: 10 });
    expect([both.status, both.body.errors]).toEqual([400, { discount: 'a sale takes a coupon or a manual discount, not both' }]);
    expect(await sales()).toBe(before);
  });

  it('count the per-customer limit across channels through the linked account, and need a customer for such a coupon', async () => {
    await coupon({ code: 'ONEPERHEAD', perCustomerLimit: 1 });
    const buyer = await api.registerCustomer('counter.buyer@example.com');
    // used online with the account's e-mail
    expect((await guestCheckout(api, await guestCartWith(api, [{ variantId: mug, quantity: 1 }], 'ONEPERHEAD'), { email: buyer.email })).status).toBe(201);
    const shopper = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Counter Buyer', phone: '555-0303' } })).body;
    const body = { customerId: shopper.id, lines: [{ variantId: mug, quantity: 1 }], couponCode: 'ONEPERHEAD' };
    // not linked: the in-store customer's own first use
    const first = await api.request('POST', '/api/admin/offline-sales', { token, body });
    expect(first.status).toBe(201);
    const second = await api.request('POST', '/api/admin/offline-sales', { token, body });
    expect([second.status, second.body.code]).toEqual([409, 'COUPON_CUSTOMER_LIMIT']);
    // linked to the account that used it online: refused as well
    await api.request('POST', `/api/admin/offline-sales/${first.body.id}/cancel`, { token });
    expect((await api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: buyer.id } })).status).toBe(200);
    const linked = await api.request('POST', '/api/admin/offline-sales', { token, body });
    expect([linked.status, linked.body.code]).toEqual([409, 'COUPON_CUSTOMER_LIMIT']);
    // a walk-in cannot be counted per customer
    const walkIn = await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { lines: [{ variantId: mug, quantity: 1 }], couponCode: 'ONEPERHEAD', paidAmount: 297 },
    });
    expect([walkIn.status, walkIn.body.code, walkIn.body.errors]).toEqual([
      400,
      'VALIDATION_FAILED',
      { customerId: 'this coupon is limited per customer: the sale needs its customer' },
    ]);
  });

  it('online checkouts and counter sales racing for the last uses: exactly the limit succeed', async () => {
    await coupon({ code: 'LASTFIVE', usageLimit: 5 });
    const carts = await Promise.all(Array.from({ length: 8 }, () => guestCartWith(api, [{ variantId: mug, quantity: 1 }], 'LASTFIVE')));
    const replies = await Promise.all([
      ...carts.map((cart, i) => guestCheckout(api, cart, { email: `racer${i}@example.com` })),
      ...Array.from({ length: 8 }, (_, i) =>
        api.request('POST', '/api/admin/offline-sales', {
          token,
          body: { lines: [{ variantId: mug, quantity: 1 + (i % 2) }], couponCode: 'LASTFIVE', paidAmount: i % 2 ? 594 : 297 },
        }),
      ),
    ]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(5);
    const losers = replies.filter((r) => r.status !== 201);
    expect(losers.map((r) => [r.status, r.body.code])).toEqual(losers.map(() => [409, 'COUPON_USAGE_LIMIT']));
    const { rows } = await api.db.pool.query(
      `SELECT c.times_used, count(r.id)::int AS redemptions, count(r.offline_sale_id)::int AS at_the_counter
         FROM coupons c LEFT JOIN coupon_redemptions r ON r.coupon_id = c.id AND r.cancelled_at IS NULL WHERE c.code = 'LASTFIVE' GROUP BY c.id`,
    );
    expect(rows[0]).toMatchObject({ times_used: 5, redemptions: 5 });
    const sold = await api.db.pool.query(`SELECT count(*)::int AS n FROM offline_sales WHERE coupon_code = 'LASTFIVE'`);
    const ordered = await api.db.pool.query(`SELECT count(*)::int AS n FROM orders WHERE coupon_code = 'LASTFIVE'`);
    expect(sold.rows[0].n + ordered.rows[0].n).toBe(5);
    expect(sold.rows[0].n).toBe(rows[0].at_the_counter);
  });
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
