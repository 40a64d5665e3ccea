import { parse } from 'csv-parse/sync';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';

// CSV exports of the admin lists (docs/api.md#exports): complete beyond the admin range cap of
// 1,000 rows, in the list's filter and sort, with the list's access rules.
let api: TestApi;
let admin: string;
let staff: string;
let customer: string;
// 10,001 copies (issue 21: 10,000 orders export whole), three a minute a microsecond apart (n % 3):
// the first 1,000-row page of the newest-first export then ends on the second of three instants in
// one millisecond, the oldest-first one on the first of them, so a sort key cut to milliseconds
// would drop or repeat rows.
const BULK = 10_001;

async function exportCsv(path: string, token: string | undefined, params: Record<string, unknown> = {}) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
  const reply = await fetch(`${api.url}${path}${query.size ? `?${query}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await reply.text();
  const ok = reply.status === 200;
  const rows: string[][] = ok ? parse(text) : [];
  return { status: reply.status, headers: reply.headers, text, header: rows[0] ?? [], rows: rows.slice(1), json: ok ? undefined : JSON.parse(text) };
}

/** Copies of a real order (and its lines), inserted by SQL: checking out 10,000 times would take many minutes. */
async function cloneOrders(templateId: number, count: number): Promise<void> {
  const columnsOf = async (table: string, skip: string[]) =>
    (
      await api.db.pool.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND identity_generation IS NULL AND NOT column_name = ANY($2)`,
        [table, skip],
      )
    ).rows.map((r: { column_name: string }) => `"${r.column_name}"`);
  const orderColumns = (await columnsOf('orders', ['number', 'placed_at', 'payment_method', 'email'])).join(', ');
  // three orders a minute, one microsecond apart: pages break inside runs of nearly equal instants
  await api.db.pool.query(
    `INSERT INTO orders (number, placed_at, payment_method, email, ${orderColumns})
     SELECT 'ORD-T' || lpad(n::text, 6, '0'),
            timestamptz '2026-01-01T00:00:00Z' + (n / 3) * interval '1 minute' + (n % 3) * interval '1 microsecond',
            CASE WHEN n % 2 = 0 THEN 'bank_transfer' ELSE 'cash_on_delivery' END,
            'bulk' || n || '@example.com', ${orderColumns}
       FROM orders, generate_series(1, $2) n WHERE orders.id = $1`,
    [templateId, count],
  );
  const lineColumns = (await columnsOf('order_lines', ['order_id'])).join(', ');
  await api.db.pool.query(
    `INSERT INTO order_lines (order_id, ${lineColumns})
     SELECT o.id, ${lineColumns.replace(/"([^"]+)"/g, 'l."$1"')} FROM orders o JOIN order_lines l ON l.order_id = $1 WHERE o.number LIKE 'ORD-T%'`,
    [templateId],
  );
}

const ids = (rows: string[][]) => rows.map((row) => Number(row[0]));

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  admin = await api.login(ADMIN.email, ADMIN.password);
  const created = await api.request('POST', '/api/admin/users', {
    token: admin,
    body: { email: 'staff@shop.test', password: 'staff-password-1', fullName: 'Staff Member', role: 'staff' },
  });
  expect(created.status).toBe(201);
  staff = await api.login('staff@shop.test', 'staff-password-1');
  customer = (await api.registerCustomer('=customer@example.com')).token;
  const variantId = (await productWithStock(api, admin, { name: 'Widget', price: 1000, costPrice: 400, stock: 100 })).variantIds[0];
  const order = (await guestCheckout(api, await guestCartWith(api, [{ variantId, quantity: 3 }]))).body;
  await cloneOrders(order.id, BULK);
}, 120_000);
afterAll(() => api.close());

describe('orders export', () => {
  it('writes every order, far beyond the 1,000-row range cap, in the sort asked for', async () => {
    const csv = await exportCsv('/api/admin/orders/export.csv', admin, { sort: ['placedAt', 'ASC'] });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="orders.csv"');
    expect(csv.header).toEqual([
      'id',
      'number',
      'placedAt',
      'email',
      'customerId',
      'status',
      'paymentStatus',
      'paymentMethod',
      'items',
      'couponCode',
      'subtotal',
      'discountTotal',
      'shippingTotal',
      'taxTotal',
      'total',
      'paidAmount',
      'balanceDue',
    ]);
    const expected = (await api.db.pool.query('SELECT id FROM orders ORDER BY placed_at, id')).rows.map((r: { id: number }) => r.id);
    expect(expected).toHaveLength(BULK + 1);
    expect(ids(csv.rows)).toEqual(expected);
    // the list itself stops at 1,000 rows a page
    expect((await api.request('GET', '/api/admin/orders?range=[0,1000]', { token: admin })).status).toBe(400);
  });

  it('writes the list view’s columns: money in minor units, instants in ISO 8601', async () => {
    const csv = await exportCsv('/api/admin/orders/export.csv', admin, { filter: { q: 'ORD-T000007' } });
    expect(csv.rows).toHaveLength(1);
    const [row] = csv.rows;
    const [order] = (await api.db.pool.query(`SELECT * FROM orders WHERE number = 'ORD-T000007'`)).rows;
    const cell = (name: string) => row[csv.header.indexOf(name)];
    expect(cell('number')).toBe('ORD-T000007');
    expect(cell('placedAt')).toBe('2026-01-01T00:02:00.000Z');
    expect(cell('email')).toBe('bulk7@example.com');
    expect(cell('customerId')).toBe('');
    expect(cell('paymentMethod')).toBe('cash_on_delivery');
    expect(cell('items')).toBe('3');
    expect(cell('subtotal')).toBe('3000');
    expect(Number(cell('total'))).toBe(order.total);
    expect(Number(cell('balanceDue'))).toBe(order.total - order.paid_amount);
  });

  it('applies the list’s filter and breaks sort ties by id across pages', async () => {
    const filter = { paymentMethod: 'bank_transfer', placedAt_lte: '2026-01-01T03:59:59Z' };
    const csv = await exportCsv('/api/admin/orders/export.csv', staff, { filter, sort: ['total', 'DESC'] });
    expect(csv.status).toBe(200);
    const expected = (
      await api.db.pool.query(
        `SELECT id FROM orders WHERE payment_method = 'bank_transfer' AND placed_at <= '2026-01-01T03:59:59Z' ORDER BY total DESC, id DESC`,
      )
    ).rows.map((r: { id: number }) => r.id);
    expect(expected.length).toBeGreaterThan(300);
    expect(ids(csv.rows)).toEqual(expected);
    expect(new Set(csv.rows.map((row) => row[csv.header.indexOf('paymentMethod')]))).toEqual(new Set(['bank_transfer']));

    // newest first over instants a microsecond apart, across page boundaries
    const newest = await exportCsv('/api/admin/orders/export.csv', admin, { filter: { q: 'bulk' } });
    const byDate = (await api.db.pool.query(`SELECT id FROM orders WHERE email ILIKE '%bulk%' ORDER BY placed_at DESC, id DESC`)).rows.map(
      (r: { id: number }) => r.id,
    );
    expect(byDate).toHaveLength(BULK);
    expect(ids(newest.rows)).toEqual(byDate);
  });

  it('answers an empty filter array with the header only', async () => {
    const csv = await exportCsv('/api/admin/orders/export.csv', admin, { filter: { id: [] } });
    expect(csv.status).toBe(200);
    expect(csv.header[0]).toBe('id');
    expect(csv.rows).toEqual([]);
  });

  it('refuses a bad filter, sort or a range with 400, as the list does', async () => {
    const badFilter = await exportCsv('/api/admin/orders/export.csv', admin, { filter: { status: 'lost' } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.json.code).toBe('VALIDATION_FAILED');
    expect(badFilter.json.errors['filter.status']).toMatch(/must be one of/);
    const unknown = await exportCsv('/api/admin/orders/export.csv', admin, { filter: { nonsense: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors['filter.nonsense']).toBeDefined();
    const badSort = await exportCsv('/api/admin/orders/export.csv', admin, { sort: ['password', 'ASC'] });
    expect(badSort.status).toBe(400);
    expect(badSort.json.errors.sort).toBeDefined();
    const range = await exportCsv('/api/admin/orders/export.csv', admin, { range: [0, 9] });
    expect(range.status).toBe(400);
    expect(range.json.errors.range).toMatch(/no range/);
  });

  it('is for the back office only, as the list', async () => {
    expect((await exportCsv('/api/admin/orders/export.csv', undefined)).status).toBe(401);
    expect((await exportCsv('/api/admin/orders/export.csv', customer)).status).toBe(403);
    expect((await api.request('GET', '/api/admin/orders', { token: customer })).status).toBe(403);
  });
});

describe('every listed export', () => {
  const exports: [string, string, string[]][] = [
    ['orders', '/api/admin/orders/export.csv', ['id', 'number', 'placedAt']],
    ['invoices', '/api/admin/invoices/export.csv', ['id', 'number', 'issuedAt']],
    ['payments', '/api/admin/payments/export.csv', ['id', 'paidAt', 'orderId', 'amount']],
    ['refunds', '/api/admin/refunds/export.csv', ['id', 'number', 'createdAt']],
    ['offline-sales', '/api/admin/offline-sales/export.csv', ['id', 'number', 'soldAt']],
    ['purchases', '/api/admin/purchases/export.csv', ['id', 'number', 'createdAt']],
    ['stock-movements', '/api/admin/stock-movements/export.csv', ['id', 'createdAt', 'productId']],
    ['coupons', '/api/admin/coupons/export.csv', ['id', 'code', 'description']],
    ['customers', '/api/admin/customers/export.csv', ['id', 'email', 'fullName']],
    ['offline-customers', '/api/admin/offline-customers/export.csv', ['id', 'name', 'phone']],
    ['products', '/api/admin/products/export.csv', ['id', 'name', 'slug']],
  ];

  it.each(exports)('%s answers CSV with a header row to staff and admins, never to customers', async (name, path, firstColumns) => {
    for (const token of [admin, staff]) {
      const csv = await exportCsv(path, token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${name}.csv"`);
      expect(csv.header.slice(0, firstColumns.length)).toEqual(firstColumns);
    }
    expect((await exportCsv(path, customer)).status).toBe(403);
    expect((await exportCsv(path, admin, { filter: { nonsense: true } })).status).toBe(400);
  });

  it('lists records with their values, formula-like text guarded', async () => {
    await api.request('POST', '/api/admin/coupons', {
      token: admin,
      body: { code: 'TENOFF', description: '=HYPERLINK("x")', discountType: 'fixed', discountValue: 1000 },
    });
    const coupons = await exportCsv('/api/admin/coupons/export.csv', admin, { filter: { q: 'TENOFF' } });
    expect(coupons.rows).toHaveLength(1);
    const cell = (name: string) => coupons.rows[0][coupons.header.indexOf(name)];
    expect(cell('code')).toBe('TENOFF');
    expect(cell('description')).toBe(`'=HYPERLINK("x")`);
    expect(cell('discountValue')).toBe('1000');

    const customers = await exportCsv('/api/admin/customers/export.csv', staff, { sort: ['email', 'ASC'] });
    expect(customers.rows.map((row) => row[1])).toEqual(["'=customer@example.com"]); // customer accounts only; the address guarded
    // with the list's maintained figures (docs/api.md#customers)
    const [listed] = (
      await api.request('GET', `/api/admin/customers?filter=${encodeURIComponent(JSON.stringify({ id: [Number(customers.rows[0][0])] }))}`, { token: staff })
    ).body;
    const figures = ['ordersCount', 'offlineSalesCount', 'bookingsCount', 'lifetimeValue', 'outstandingBalance'];
    expect(figures.map((f) => customers.rows[0][customers.header.indexOf(f)])).toEqual(figures.map((f) => String(listed[f])));

    const products = await exportCsv('/api/admin/products/export.csv', staff, { filter: { q: 'widget', lowStock: false } });
    expect(products.rows).toHaveLength(1);
    expect(products.rows[0][products.header.indexOf('name')]).toBe('Widget');
    expect(products.rows[0][products.header.indexOf('stock')]).toBe('97'); // 100 less the 3 of the one real checkout
    expect((await exportCsv('/api/admin/products/export.csv', staff, { filter: { q: 'widget', lowStock: true } })).rows).toEqual([]);

    const movements = await exportCsv('/api/admin/stock-movements/export.csv', admin, { sort: ['id', 'ASC'] });
    const counted = (await api.db.pool.query('SELECT count(*)::int AS n FROM stock_movements')).rows[0].n;
    expect(movements.rows).toHaveLength(counted);
    expect(movements.rows[0][movements.header.indexOf('productName')]).toBe('Widget');
  });
});
