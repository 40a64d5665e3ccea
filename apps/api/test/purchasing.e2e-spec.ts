import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { productWithStock } from './support/shop.js';

let api: TestApi;
let token: string;
let supplierId: number;
let tee: { productId: number; variantIds: number[] };

const stockOf = async (variantId: number) => (await api.db.pool.query('SELECT stock, cost_price FROM variants WHERE id = $1', [variantId])).rows[0];

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  const supplier = await api.request('POST', '/api/admin/suppliers', {
    token,
    body: { name: 'Northwind Textiles', contactName: 'Nina', email: 'orders@northwind.test', phone: '+1 555 0101' },
  });
  expect(supplier.status).toBe(201);
  supplierId = supplier.body.id;
  tee = await productWithStock(api, token, {
    name: 'Basic Tee',
    price: 1500,
    costPrice: 500,
    variants: [
      { sku: 'BT-S', attributes: { size: 'S' }, stock: 2 },
      { sku: 'BT-M', attributes: { size: 'M' } },
    ],
  });
});
afterAll(() => api.close());

async function purchase(body: Record<string, unknown> = {}) {
  const reply = await api.request('POST', '/api/admin/purchases', {
    token,
    body: {
      supplierId,
      lines: [
        { variantId: tee.variantIds[0], quantity: 10, unitCost: 420 },
        { variantId: tee.variantIds[1], quantity: 5, unitCost: 450 },
      ],
      shippingCost: 1200,
      taxTotal: 650,
      ...body,
    },
  });
  if (reply.status !== 201) throw new Error(`${reply.status} ${reply.text}`);
  return reply.body;
}

describe('purchases', () => {
  it('computes totals and snapshots the lines, with an open purchase invoice', async () => {
    const p = await purchase();
    expect(p).toMatchObject({
      number: expect.stringMatching(/^PO-\d{6}$/),
      status: 'draft',
      subtotal: 4200 + 2250,
      shippingCost: 1200,
      taxTotal: 650,
      total: 6450 + 1200 + 650,
    });
    expect(p.lines[0]).toMatchObject({
      variantId: tee.variantIds[0],
      productName: 'Basic Tee',
      sku: 'BT-S',
      attributes: { size: 'S' },
      quantity: 10,
      unitCost: 420,
      lineTotal: 4200,
    });
    const invoice = await api.request('GET', `/api/admin/purchase-invoices/${p.purchaseInvoiceId}`, { token });
    expect(invoice.body).toMatchObject({
      number: expect.stringMatching(/^PINV-\d{4}-\d{6}$/),
      purchaseId: p.id,
      status: 'open',
      total: p.total,
      supplier: { name: 'Northwind Textiles', email: 'orders@northwind.test' },
    });
  });

  it('keeps the invoice in step until receipt, then frozen; receiving adds stock, movements and cost prices', async () => {
    const p = await purchase();
    const edited = await api.request('PUT', `/api/admin/purchases/${p.id}`, {
      token,
      body: { lines: [{ variantId: tee.variantIds[0], quantity: 12, unitCost: 400 }], status: 'ordered' },
    });
    expect(edited.body).toMatchObject({ status: 'ordered', subtotal: 4800, total: 4800 + 1200 + 650, orderedAt: expect.any(String) });
    expect((await api.request('GET', `/api/admin/purchase-invoices/${p.purchaseInvoiceId}`, { token })).body).toMatchObject({
      subtotal: 4800,
      lines: [expect.objectContaining({ quantity: 12 })],
    });
    const before = await stockOf(tee.variantIds[0]);
    const received = await api.request('POST', `/api/admin/purchases/${p.id}/receive`, { token });
    expect(received.body).toMatchObject({ status: 'received', receivedAt: expect.any(String) });
    expect(await stockOf(tee.variantIds[0])).toEqual({ stock: before.stock + 12, cost_price: 400 });
    const movements = await api.request(
      'GET',
      `/api/admin/stock-movements?filter=${encodeURIComponent(JSON.stringify({ variantId: tee.variantIds[0], reason: 'purchase_received' }))}`,
      { token },
    );
    expect(movements.body[0]).toMatchObject({ delta: 12, reference: p.number });
    const product = await api.request('GET', `/api/admin/products/${tee.productId}`, { token });
    expect(product.body.variants[0]).toMatchObject({ costPrice: 400, ownCostPrice: 400 });
    expect((await api.request('GET', `/api/admin/purchase-invoices/${p.purchaseInvoiceId}`, { token })).body.status).toBe('final');
    const late = await api.request('PUT', `/api/admin/purchases/${p.id}`, { token, body: { shippingCost: 1 } });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const again = await api.request('POST', `/api/admin/purchases/${p.id}/receive`, { token });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await stockOf(tee.variantIds[0])).stock).toBe(before.stock + 12);
  });

  it('adds stock once when received twice at the same moment', async () => {
    const p = await purchase();
    const before = (await stockOf(tee.variantIds[1])).stock;
    const replies = await Promise.all(Array.from({ length: 5 }, () => api.request('POST', `/api/admin/purchases/${p.id}/receive`, { token })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'INVALID_TRANSITION')).toBe(true);
    expect((await stockOf(tee.variantIds[1])).stock).toBe(before + 5);
  });

  it('keeps its snapshots when the product is renamed', async () => {
    const p = await purchase();
    await api.request('PUT', `/api/admin/products/${tee.productId}`, { token, body: { name: 'Premium Tee' } });
    const after = await api.request('GET', `/api/admin/purchases/${p.id}`, { token });
    expect(after.body.lines[0].productName).toBe('Basic Tee');
    await api.request('POST', `/api/admin/purchases/${p.id}/receive`, { token });
    const invoice = await api.request('GET', `/api/admin/purchase-invoices/${p.purchaseInvoiceId}`, { token });
    expect(invoice.body.lines[0].productName).toBe('Basic Tee');
    await api.request('PUT', `/api/admin/products/${tee.productId}`, { token, body: { name: 'Basic Tee' } });
  });

  it('cancels before receipt (invoice void) and refuses receiving a cancelled purchase', async () => {
    const p = await purchase();
    const cancelled = await api.request('POST', `/api/admin/purchases/${p.id}/cancel`, { token });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api.request('GET', `/api/admin/purchase-invoices/${p.purchaseInvoiceId}`, { token })).body.status).toBe('void');
    expect((await api.request('POST', `/api/admin/purchases/${p.id}/receive`, { token })).status).toBe(409);
  });

  it('refuses bad lines, unknown suppliers and server-computed fields', async () => {
    const bad = await api.request('POST', '/api/admin/purchases', {
      token,
      body: { supplierId: 99999, lines: [{ variantId: 99999, quantity: 0, unitCost: -1 }], total: 5 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['lines.0.quantity', 'lines.0.unitCost', 'total']);
    expect(
      (
        await api.request('POST', '/api/admin/purchases', {
          token,
          body: { supplierId: 99999, lines: [{ variantId: tee.variantIds[0], quantity: 1, unitCost: 1 }] },
        })
      ).body.errors,
    ).toEqual({ supplierId: 'does not exist' });
    expect(
      (await api.request('POST', '/api/admin/purchases', { token, body: { supplierId, lines: [{ variantId: 99999, quantity: 1, unitCost: 1 }] } })).body.errors,
    ).toEqual({ 'lines.0.variantId': 'does not exist' });
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM purchases WHERE supplier_id = 99999')).rows[0].n).toBe(0);
  });

  it('numbers purchase invoices without gaps and serves them as PDF', async () => {
    const { rows } = await api.db.pool.query('SELECT number FROM purchase_invoices ORDER BY number');
    const numbers = rows.map((r) => Number(r.number.slice(-6)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const first = (await api.request('GET', '/api/admin/purchase-invoices?range=[0,0]', { token })).body[0];
    const pdf = await fetch(`${api.url}/api/admin/purchase-invoices/${first.id}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('lists and searches suppliers and purchases; a supplier with purchases cannot be deleted', async () => {
    const found = await api.request('GET', `/api/admin/suppliers?filter=${encodeURIComponent('{"q":"northwind"}')}`, { token });
    expect(found.body.map((s: any) => s.name)).toEqual(['Northwind Textiles']);
    const bySupplier = await api.request('GET', `/api/admin/purchases?filter=${encodeURIComponent(JSON.stringify({ supplierId, status: 'received' }))}`, {
      token,
    });
    expect(bySupplier.body.length).toBeGreaterThan(0);
    expect(bySupplier.body.every((p: any) => p.status === 'received')).toBe(true);
    expect((await api.request('DELETE', `/api/admin/suppliers/${supplierId}`, { token })).body.code).toBe('CONFLICT');
  });
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
