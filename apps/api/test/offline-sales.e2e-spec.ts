import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { productWithStock } from './support/shop.js';

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

it('leaves every invariant of the data holding', () => expectIntegrity(api));
