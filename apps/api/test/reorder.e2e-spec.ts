import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;
let customerId: number;

const sell = async (variantId: number, quantity: number) => {
  const sale = await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId, quantity }] } });
  if (sale.status !== 201) throw new Error(`sale: ${sale.status} ${sale.text}`);
  return sale.body;
};
const supplier = async (name: string) => (await api.request('POST', '/api/admin/suppliers', { token, body: { name } })).body.id as number;
const purchase = async (supplierId: number, variantId: number, quantity: number, unitCost: number) => {
  const reply = await api.request('POST', '/api/admin/purchases', { token, body: { supplierId, lines: [{ variantId, quantity, unitCost }] } });
  if (reply.status !== 201) throw new Error(`purchase: ${reply.status} ${reply.text}`);
  return reply.body;
};

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  customerId = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Reorder Regular', phone: '555-0177' } })).body.id;
});
afterAll(() => api.close());

describe('the reorder report', () => {
  it('lists the variants at or below their threshold with their last supplier and cost and 30 days of recent sales to order', async () => {
    const acme = await supplier('Acme Wholesale');
    const bolt = await supplier('Bolt Supplies');
    const late = await supplier('Late Cancelled Ltd');
    // sells 30 units in the last 90 days (10 online, 20 in store), more long ago and in a cancelled order
    const busy = await productWithStock(api, token, { name: 'Reorder Busy Bulb', price: 300, costPrice: 100, stock: 100, lowStockThreshold: 5 });
    const [bulb] = busy.variantIds;
    const old = await sell(bulb, 50);
    await api.db.pool.query(`UPDATE offline_sales SET sold_at = now() - interval '120 days' WHERE id = $1`, [old.id]);
    const online = await guestCheckout(api, await guestCartWith(api, [{ variantId: bulb, quantity: 10 }]));
    expect(online.status).toBe(201);
    const cancelled = await guestCheckout(api, await guestCartWith(api, [{ variantId: bulb, quantity: 7 }]));
    expect((await api.request('POST', `/api/admin/orders/${cancelled.body.id}/cancel`, { token })).status).toBe(200);
    await sell(bulb, 12);
    await sell(bulb, 8);
    // stock 100 − 50 − 10 − 12 − 8 = 20: a count brings it down to 2
    expect((await api.request('POST', '/api/admin/stock-counts', { token, body: { lines: [{ variantId: bulb, counted: 2 }] } })).status).toBe(201);
    const received = await purchase(acme, bulb, 40, 90);
    expect((await api.request('POST', `/api/admin/purchases/${received.id}/receive`, { token })).status).toBe(200);
    await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: bulb, delta: -40, note: 'Sent back' } });
    const lastOne = await purchase(bolt, bulb, 6, 85); // a draft, later than the receipt: the last supplier, and on order
    const gone = await purchase(late, bulb, 9, 70);
    expect((await api.request('POST', `/api/admin/purchases/${gone.id}/cancel`, { token })).status).toBe(200);

    const slow = await productWithStock(api, token, { name: 'Reorder Slow Vase', price: 900, stock: 0 });
    const fine = await productWithStock(api, token, { name: 'Reorder Full Shelf', price: 900, stock: 50 });

    const report = await api.request('GET', '/api/admin/reports/reorder', { token });
    expect(report.status).toBe(200);
    const byVariant = new Map(report.body.map((line: any) => [line.variantId, line]));
    expect(byVariant.get(bulb)).toEqual({
      variantId: bulb,
      productId: busy.productId,
      sku: expect.any(String),
      productName: 'Reorder Busy Bulb',
      attributes: {},
      stock: 2,
      threshold: 5,
      lastSupplierId: bolt,
      lastSupplierName: 'Bolt Supplies',
      lastUnitCost: 85,
      soldLast90Days: 30,
      onOrder: 6,
      suggestedQuantity: 8, // max(⌈30 × 30 / 90⌉ = 10, 5 + 1) − 2
    });
    expect(byVariant.get(slow.variantIds[0])).toMatchObject({
      stock: 0,
      threshold: 5,
      lastSupplierId: null,
      lastUnitCost: null,
      soldLast90Days: 0,
      onOrder: 0,
      suggestedQuantity: 6,
    });
    expect(byVariant.has(fine.variantIds[0])).toBe(false);
    void lastOne;
  });

  it('is for the back office only', async () => {
    const customer = await api.registerCustomer();
    expect((await api.request('GET', '/api/admin/reports/reorder', { token: customer.token })).status).toBe(403);
    expect((await api.request('GET', '/api/admin/reports/reorder')).status).toBe(401);
  });
});
