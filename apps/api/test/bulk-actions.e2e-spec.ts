import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

// Bulk actions of the back office (docs/api.md#bulk-actions): POST …/bulk-<verb> {ids, …} applies the
// single-record route to each record in its own transaction, and answers {succeeded, failed}.
// And the list sorts added with them: products by stock, in-store customers by what they owe.
let api: TestApi;
let admin: string;
let staff: string;
let customer: Awaited<ReturnType<TestApi['registerCustomer']>>;
let variantId: number;
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login(ADMIN.email, ADMIN.password);
  const created = await api.request('POST', '/api/admin/users', {
    token: admin,
    body: { email: 'bulk.staff@shop.test', password: 'password-123', fullName: 'Bulk Staff', role: 'staff' },
  });
  expect(created.status).toBe(201);
  staff = await api.login('bulk.staff@shop.test', 'password-123');
  customer = await api.registerCustomer('bulk.customer@example.com');
  variantId = (await productWithStock(api, admin, { name: 'Bulk Bowl', price: 1000, costPrice: 400, stock: 500 })).variantIds[0];
});
afterAll(() => api.close());

async function guestOrder(): Promise<{ id: number; number: string }> {
  const reply = await guestCheckout(api, await guestCartWith(api, [{ variantId, quantity: 1 }]));
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${reply.text}`);
  return reply.body;
}

async function customerOrder(): Promise<{ id: number; number: string }> {
  const cart = await api.request('GET', '/api/store/carts/mine', { token: customer.token });
  await api.request('POST', `/api/store/carts/${cart.body.id}/items`, { token: customer.token, body: { variantId, quantity: 1 } });
  const reply = await api.request('POST', '/api/store/checkout', {
    token: customer.token,
    headers: { 'idempotency-key': `bulk-${cart.body.id}` },
    body: { cartId: cart.body.id, shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
  });
  if (reply.status !== 201) throw new Error(`checkout: ${reply.status} ${reply.text}`);
  return reply.body;
}

const orderRow = async (id: number) =>
  (await api.db.pool.query('SELECT status, payment_status, updated_at FROM orders WHERE id = $1', [id])).rows[0] as {
    status: string;
    payment_status: string;
    updated_at: Date;
  };

describe('POST /api/admin/orders/bulk-status', () => {
  it('moves the orders that may move, each in its own transaction, and names the others with their error, unchanged', async () => {
    const [first, refused, second] = [await customerOrder(), await guestOrder(), await guestOrder()];
    expect((await api.request('POST', `/api/admin/orders/${refused.id}/cancel`, { token: admin })).status).toBe(200);
    const refusedBefore = await orderRow(refused.id);

    const before = api.queries.length;
    const reply = await api.request('POST', '/api/admin/orders/bulk-status', {
      token: admin,
      body: { ids: [first.id, refused.id, 999999, second.id], status: 'processing' },
    });
    const ran = api.queries.slice(before);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      succeeded: [first.id, second.id],
      failed: [
        { id: refused.id, code: 'INVALID_TRANSITION', message: 'An order cannot go from cancelled to processing' },
        { id: 999999, code: 'NOT_FOUND', message: 'Order not found' },
      ],
    });
    expect((await orderRow(first.id)).status).toBe('processing');
    expect((await orderRow(second.id)).status).toBe('processing');
    expect(await orderRow(refused.id)).toEqual(refusedBefore);
    // one transaction per record (four), each committed or rolled back on its own: no single one around them all
    expect(ran.filter((q) => /^START TRANSACTION/i.test(q))).toHaveLength(4);
    expect(ran.filter((q) => /^COMMIT/i.test(q))).toHaveLength(2);
    expect(ran.filter((q) => /^ROLLBACK/i.test(q))).toHaveLength(2);

    // the same audit entries as the single route, naming the bulk operation
    const history = (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ record: `orders:${first.id}` })}&range=[0,99]`, { token: admin })).body;
    expect(history.find((e: { resource: string; action: string }) => e.resource === 'orders' && e.action === 'status')).toMatchObject({
      operation: 'POST /api/admin/orders/bulk-status',
      changes: { status: ['pending', 'processing'] },
    });
    expect(
      (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ record: `orders:${refused.id}` })}&range=[0,99]`, { token: admin })).body.some(
        (e: { operation: string }) => e.operation === 'POST /api/admin/orders/bulk-status',
      ),
    ).toBe(false);
    // and the same notification to the customer
    await eventually(async () => {
      const mine = (await api.request('GET', '/api/me/notifications', { token: customer.token })).body as { title: string }[];
      expect(mine.map((n) => n.title)).toContain(`Order ${first.number} is being prepared`);
    });
  });

  it('cancels through the same rules as the single route: the stock comes back', async () => {
    const stock = async () => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantId])).rows[0].stock as number;
    const orders = [await guestOrder(), await guestOrder()];
    const before = await stock();
    const reply = await api.request('POST', '/api/admin/orders/bulk-status', { token: admin, body: { ids: orders.map((o) => o.id), status: 'cancelled' } });
    expect(reply.body).toEqual({ succeeded: orders.map((o) => o.id), failed: [] });
    expect(await stock()).toBe(before + 2);
    await expectIntegrity(api);
  });

  it('is open to staff as the single route is, not to customers or strangers', async () => {
    const order = await guestOrder();
    const asStaff = await api.request('POST', '/api/admin/orders/bulk-status', { token: staff, body: { ids: [order.id], status: 'processing' } });
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.succeeded).toEqual([order.id]);
    const asCustomer = await api.request('POST', '/api/admin/orders/bulk-status', { token: customer.token, body: { ids: [order.id], status: 'shipped' } });
    expect(asCustomer.status).toBe(403);
    expect((await api.request('POST', '/api/admin/orders/bulk-status', { body: { ids: [order.id], status: 'shipped' } })).status).toBe(401);
    expect((await orderRow(order.id)).status).toBe('processing');
  });

  it.each([
    ['no ids', { ids: [], status: 'processing' }, 'ids'],
    ['101 ids', { ids: Array.from({ length: 101 }, (_, i) => i + 1), status: 'processing' }, 'ids'],
    ['an id twice', { ids: [1, 1], status: 'processing' }, 'ids'],
    ['an id that is not a whole number', { ids: [1.5], status: 'processing' }, 'ids'],
    ['ids that are not a list', { ids: '1,2', status: 'processing' }, 'ids'],
    ['an unknown status', { ids: [1], status: 'teleported' }, 'status'],
    ['an unknown field', { ids: [1], status: 'processing', paymentStatus: 'paid' }, 'paymentStatus'],
  ])('refuses %s with 400 and changes nothing', async (_, body, field) => {
    const order = await guestOrder();
    const sent = { ...body, ids: Array.isArray(body.ids) && body.ids.length === 1 && body.ids[0] === 1 ? [order.id] : body.ids };
    const reply = await api.request('POST', '/api/admin/orders/bulk-status', { token: admin, body: sent });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('VALIDATION_FAILED');
    expect(reply.body.errors).toHaveProperty(field);
    expect((await orderRow(order.id)).status).toBe('pending');
  });
});

describe('POST /api/admin/products/bulk-update', () => {
  it('deactivates and moves products one transaction each, listing the missing one', async () => {
    const a = await productWithStock(api, admin, { name: 'Bulk A', price: 100, stock: 1 });
    const b = await productWithStock(api, admin, { name: 'Bulk B', price: 100, stock: 1 });
    const shelf = (await api.request('POST', '/api/admin/categories', { token: staff, body: { name: 'Bulk shelf' } })).body;
    const reply = await api.request('POST', '/api/admin/products/bulk-update', {
      token: staff,
      body: { ids: [a.productId, 999999, b.productId], isActive: false, categoryId: shelf.id },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ succeeded: [a.productId, b.productId], failed: [{ id: 999999, code: 'NOT_FOUND', message: 'Product not found' }] });
    for (const id of [a.productId, b.productId]) {
      expect((await api.request('GET', `/api/admin/products/${id}`, { token: admin })).body).toMatchObject({ isActive: false, categoryId: shelf.id });
      expect((await api.request('GET', `/api/store/products/${id}`)).status).toBe(404);
    }
    const history = (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ record: `products:${a.productId}` })}&range=[0,99]`, { token: admin }))
      .body;
    expect(history.find((e: { action: string }) => e.action === 'update')).toMatchObject({
      operation: 'POST /api/admin/products/bulk-update',
      changes: { isActive: [true, false], categoryId: [expect.any(Number), shelf.id] },
    });
  });

  it('names each product a missing category refuses, with the field message, and changes none', async () => {
    const a = await productWithStock(api, admin, { name: 'Bulk C', price: 100, stock: 1 });
    const reply = await api.request('POST', '/api/admin/products/bulk-update', {
      token: admin,
      body: { ids: [a.productId], categoryId: 999999, isActive: false },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.succeeded).toEqual([]);
    expect(reply.body.failed).toEqual([
      { id: a.productId, code: 'VALIDATION_FAILED', message: expect.any(String), errors: { categoryId: expect.any(String) } },
    ]);
    expect((await api.request('GET', `/api/admin/products/${a.productId}`, { token: admin })).body.isActive).toBe(true);
  });

  it('refuses a request that changes nothing', async () => {
    const reply = await api.request('POST', '/api/admin/products/bulk-update', { token: admin, body: { ids: [1] } });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.errors).sort()).toEqual(['categoryId', 'isActive']);
    expect((await api.request('POST', '/api/admin/products/bulk-update', { token: customer.token, body: { ids: [1], isActive: false } })).status).toBe(403);
  });
});

describe('POST /api/admin/coupons/bulk-update', () => {
  it('deactivates the coupons named, each on its own', async () => {
    const codes = ['BULKA', 'BULKB'];
    const ids: number[] = [];
    for (const code of codes) {
      const created = await api.request('POST', '/api/admin/coupons', { token: admin, body: { code, discountType: 'fixed', discountValue: 100 } });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const reply = await api.request('POST', '/api/admin/coupons/bulk-update', { token: staff, body: { ids: [...ids, 999999], isActive: false } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ succeeded: ids, failed: [{ id: 999999, code: 'NOT_FOUND', message: expect.stringMatching(/not found/) }] });
    for (const id of ids) expect((await api.request('GET', `/api/admin/coupons/${id}`, { token: admin })).body.isActive).toBe(false);
    const cart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
    expect((await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { headers: cart.headers, body: { code: 'BULKA' } })).body.code).toBe(
      'COUPON_INACTIVE',
    );
    expect((await api.request('POST', '/api/admin/coupons/bulk-update', { token: admin, body: { ids } })).status).toBe(400);
  });
});

describe('POST /api/me/notifications/bulk-read', () => {
  const unread = async (token: string) =>
    (await api.request('GET', `/api/me/notifications?filter=${enc({ unread: true })}`, { token })).body as { id: number }[];

  it('marks the caller’s own notifications read; another user’s is not found and stays unread', async () => {
    await customerOrder();
    await guestOrder();
    const mine = await eventually(async () => {
      const list = await unread(customer.token);
      expect(list.length).toBeGreaterThan(0);
      return list;
    });
    const staffs = await eventually(async () => {
      const list = await unread(staff);
      expect(list.length).toBeGreaterThan(0);
      return list;
    });
    const reply = await api.request('POST', '/api/me/notifications/bulk-read', { token: customer.token, body: { ids: [mine[0].id, staffs[0].id] } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ succeeded: [mine[0].id], failed: [{ id: staffs[0].id, code: 'NOT_FOUND', message: 'Notification not found' }] });
    expect((await unread(customer.token)).map((n) => n.id)).not.toContain(mine[0].id);
    expect((await unread(staff)).map((n) => n.id)).toContain(staffs[0].id);
  });

  it('marks them all in one statement; one already read keeps its readAt and counts as done', async () => {
    await customerOrder();
    await customerOrder();
    const [first, second] = await eventually(async () => {
      const list = await unread(customer.token);
      expect(list.length).toBeGreaterThan(1);
      return list;
    });
    const readFirst = await api.request('POST', `/api/me/notifications/${first.id}/read`, { token: customer.token });
    expect(readFirst.status).toBe(200);

    const before = api.queries.length;
    const reply = await api.request('POST', '/api/me/notifications/bulk-read', { token: customer.token, body: { ids: [first.id, 999999, second.id] } });
    const ran = api.queries.slice(before);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ succeeded: [first.id, second.id], failed: [{ id: 999999, code: 'NOT_FOUND', message: 'Notification not found' }] });
    expect((await api.request('GET', `/api/me/notifications/${first.id}`, { token: customer.token })).body.readAt).toBe(readFirst.body.readAt);
    expect((await api.request('GET', `/api/me/notifications/${second.id}`, { token: customer.token })).body.readAt).not.toBeNull();
    expect(ran.filter((q) => /\bnotifications\b/.test(q))).toHaveLength(1);
  });
});

describe('sorting added for the lists', () => {
  it('sorts products by their stock (the sum of their variants), in the list and its export', async () => {
    const made: Record<string, number> = {};
    for (const [name, stocks] of [
      ['Sort low', [1, 1]],
      ['Sort high', [40, 2]],
      ['Sort mid', [7]],
    ] as const) {
      made[name] = (
        await productWithStock(api, admin, {
          name,
          price: 100,
          variants: stocks.map((stock, i) => ({ sku: `${name.replace(' ', '-')}-${i}`, attributes: { n: String(i) }, stock })),
        })
      ).productId;
    }
    const filter = enc({ q: 'Sort ' });
    const asc = await api.request('GET', `/api/admin/products?sort=${enc(['stock', 'ASC'])}&filter=${filter}`, { token: staff });
    expect(asc.status).toBe(200);
    expect(asc.body.map((p: { name: string; stock: number }) => [p.name, p.stock])).toEqual([
      ['Sort low', 2],
      ['Sort mid', 7],
      ['Sort high', 42],
    ]);
    const desc = await api.request('GET', `/api/admin/products?sort=${enc(['stock', 'DESC'])}&filter=${filter}&range=[0,1]`, { token: staff });
    expect(desc.body.map((p: { name: string }) => p.name)).toEqual(['Sort high', 'Sort mid']);
    expect(desc.headers.get('content-range')).toBe('products 0-1/3');
    const csv = await api.request('GET', `/api/admin/products/export.csv?sort=${enc(['stock', 'DESC'])}&filter=${filter}`, { token: staff });
    expect(csv.status).toBe(200);
    expect(
      csv.text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split(',')[0])),
    ).toEqual([made['Sort high'], made['Sort mid'], made['Sort low']]);
  });

  it('sorts in-store customers by what they owe (completed sales only)', async () => {
    const customers: Record<string, number> = {};
    for (const name of ['Owes none', 'Owes much', 'Owes little', 'Owed cancelled']) {
      customers[name] = (
        await api.request('POST', '/api/admin/offline-customers', { token: admin, body: { name: `Sorted ${name}`, phone: '+44 1234 5678' } })
      ).body.id;
    }
    const sale = async (name: string, quantity: number, paidAmount: number) => {
      const reply = await api.request('POST', '/api/admin/offline-sales', {
        token: admin,
        body: { customerId: customers[name], lines: [{ variantId, quantity }], paidAmount, paymentMethod: 'cash' },
      });
      expect(reply.status).toBe(201);
      return reply.body;
    };
    const none = await sale('Owes none', 1, 0);
    expect(
      (await api.request('POST', `/api/admin/offline-sales/${none.id}/payments`, { token: admin, body: { amount: none.total, method: 'cash' } })).status,
    ).toBe(201);
    const much = await sale('Owes much', 3, 0);
    const little = await sale('Owes little', 1, 400);
    await sale('Owes little', 1, 0).then((paid) =>
      api.request('POST', `/api/admin/offline-sales/${paid.id}/payments`, { token: admin, body: { amount: paid.total, method: 'cash' } }),
    );
    const cancelled = await sale('Owed cancelled', 5, 0);
    expect((await api.request('POST', `/api/admin/offline-sales/${cancelled.id}/cancel`, { token: admin })).status).toBe(200);

    expect(much.balance).toBeGreaterThan(little.balance);
    expect(little.balance).toBeGreaterThan(0);
    const list = await api.request('GET', `/api/admin/offline-customers?sort=${enc(['outstandingBalance', 'DESC'])}&filter=${enc({ q: 'Sorted' })}`, {
      token: staff,
    });
    expect(list.status).toBe(200);
    expect(list.body.map((c: { name: string; outstandingBalance: number }) => [c.name, c.outstandingBalance])).toEqual([
      ['Sorted Owes much', much.balance],
      ['Sorted Owes little', little.balance],
      ['Sorted Owed cancelled', 0],
      ['Sorted Owes none', 0],
    ]);
    const owing = await api.request(
      'GET',
      `/api/admin/offline-customers?sort=${enc(['outstandingBalance', 'ASC'])}&filter=${enc({ q: 'Sorted', owing: true })}`,
      {
        token: staff,
      },
    );
    expect(owing.body.map((c: { name: string }) => c.name)).toEqual(['Sorted Owes little', 'Sorted Owes much']);
  });
});
