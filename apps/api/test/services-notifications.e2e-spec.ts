import { OutboxRelay, publish } from '@chance/core';
import { DataSource } from 'typeorm';
import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let admin: string;
let staff: { token: string; id: number };
let serviceTypeId: number;
const future = (hours = 48) => new Date(Date.now() + hours * 3600_000).toISOString();

async function notificationsOf(token: string): Promise<any[]> {
  return (await api.request('GET', '/api/me/notifications?range=[0,99]', { token })).body;
}

/** Waits until the outbox has delivered everything committed so far. */
async function delivered(): Promise<void> {
  await eventually(async () => {
    const { rows } = await api.db.pool.query('SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL');
    expect(rows[0].n).toBe(0);
  });
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  admin = await api.login(ADMIN.email, ADMIN.password);
  const created = await api.request('POST', '/api/admin/users', {
    token: admin,
    body: { email: 'stella@shop.test', password: 'staff-password', fullName: 'Stella Staff', role: 'staff' },
  });
  staff = { id: created.body.id, token: await api.login('stella@shop.test', 'staff-password') };
  const type = await api.request('POST', '/api/admin/service-types', { token: admin, body: { name: 'Electrician', price: 8000, durationMinutes: 90 } });
  expect(type.status).toBe(201);
  serviceTypeId = type.body.id;
});
afterAll(() => api.close());

describe('bookings', () => {
  it('lets a customer book a future visit, see and cancel their own, with the service snapshot', async () => {
    const customer = await api.registerCustomer();
    const past = await api.request('POST', '/api/store/bookings', {
      token: customer.token,
      body: { serviceTypeId, scheduledAt: '2020-01-01T10:00:00Z', address: '1 Road' },
    });
    expect([past.status, past.body.errors]).toEqual([400, { scheduledAt: 'must be in the future' }]);
    const booked = await api.request('POST', '/api/store/bookings', {
      token: customer.token,
      body: { serviceTypeId, scheduledAt: future(), address: '1 Road', notes: 'Ring twice' },
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ customerId: customer.id, serviceName: 'Electrician', price: 8000, status: 'pending' });
    await api.request('PUT', `/api/admin/service-types/${serviceTypeId}`, { token: admin, body: { price: 9000 } });
    expect((await api.request('GET', `/api/store/bookings/${booked.body.id}`, { token: customer.token })).body.price).toBe(8000);
    const other = await api.registerCustomer();
    expect((await api.request('GET', `/api/store/bookings/${booked.body.id}`, { token: other.token })).status).toBe(404);
    expect((await api.request('POST', `/api/store/bookings/${booked.body.id}/cancel`, { token: other.token })).status).toBe(404);
    expect((await api.request('GET', '/api/store/bookings', { token: other.token })).body).toEqual([]);
    const cancelled = await api.request('POST', `/api/store/bookings/${booked.body.id}/cancel`, { token: customer.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await api.request('POST', `/api/store/bookings/${booked.body.id}/cancel`, { token: customer.token })).body.code).toBe('INVALID_TRANSITION');
  });

  it('lets admins book for a customer and complete it once; lists upcoming by time', async () => {
    const customer = await api.registerCustomer();
    const later = await api.request('POST', '/api/admin/bookings', {
      token: admin,
      body: { customerId: customer.id, serviceTypeId, scheduledAt: future(72), address: '2 Street' },
    });
    const sooner = await api.request('POST', '/api/admin/bookings', {
      token: staff.token,
      body: { customerId: customer.id, serviceTypeId, scheduledAt: future(24), address: '2 Street' },
    });
    expect(later.status).toBe(201);
    const list = await api.request('GET', `/api/admin/bookings?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id, status: 'pending' }))}`, {
      token: admin,
    });
    expect(list.body.map((b: any) => b.id)).toEqual([sooner.body.id, later.body.id]);
    const done = await api.request('POST', `/api/admin/bookings/${sooner.body.id}/status`, { token: admin, body: { status: 'completed' } });
    expect(done.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await api.request('POST', `/api/admin/bookings/${sooner.body.id}/status`, { token: admin, body: { status: 'cancelled' } })).status).toBe(409);
    expect((await api.request('POST', `/api/admin/bookings/${sooner.body.id}/status`, { token: admin, body: { status: 'pending' } })).status).toBe(400);
    expect(
      (await api.request('POST', '/api/admin/bookings', { token: admin, body: { customerId: 99999, serviceTypeId, scheduledAt: future(), address: 'x' } })).body
        .errors,
    ).toEqual({ customerId: 'does not exist' });
  });

  it('shows only active service types in the store', async () => {
    const off = await api.request('POST', '/api/admin/service-types', {
      token: admin,
      body: { name: 'Chimney sweep', price: 5000, durationMinutes: 60, isActive: false },
    });
    const store = await api.request('GET', '/api/store/service-types');
    expect(store.body.map((t: any) => t.name)).toContain('Electrician');
    expect(store.body.map((t: any) => t.id)).not.toContain(off.body.id);
    const customer = await api.registerCustomer();
    expect(
      (await api.request('POST', '/api/store/bookings', { token: customer.token, body: { serviceTypeId: off.body.id, scheduledAt: future(), address: 'x' } }))
        .body.errors,
    ).toEqual({ serviceTypeId: 'is not offered' });
  });
});

describe('notifications from events', () => {
  it('tells the customer and the staff about an order, and the customer alone about its changes', async () => {
    const { variantIds } = await productWithStock(api, admin, { name: 'Bell Jar', price: 1000, stock: 50 });
    const customer = await api.registerCustomer();
    const bystander = await api.registerCustomer();
    const mine = await api.request('GET', '/api/store/carts/mine', { token: customer.token });
    await api.request('POST', `/api/store/carts/${mine.body.id}/items`, { token: customer.token, body: { variantId: variantIds[0], quantity: 1 } });
    const order = (
      await api.request('POST', '/api/store/checkout', {
        token: customer.token,
        headers: { 'idempotency-key': 'n1' },
        body: { cartId: mine.body.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
      })
    ).body;
    await api.request('POST', `/api/admin/orders/${order.id}/status`, { token: admin, body: { status: 'processing' } });
    await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token: admin, body: {} });
    await delivered();
    const mineNow = await notificationsOf(customer.token);
    expect(mineNow.map((n) => n.title).reverse()).toEqual([
      `Order ${order.number} received`,
      `Order ${order.number} is being prepared`,
      `Order ${order.number} is delivered`,
      `Order ${order.number} is now paid`,
    ]);
    expect(mineNow[0]).toMatchObject({ type: 'order_update', link: { resource: 'orders', id: order.id }, readAt: null });
    for (const token of [admin, staff.token]) {
      expect((await notificationsOf(token)).filter((n) => n.title === `New order ${order.number}`)).toHaveLength(1);
      expect((await notificationsOf(token)).some((n) => n.title.includes('being prepared'))).toBe(false);
    }
    expect(await notificationsOf(bystander.token)).toEqual([]);
  });

  it('tells customers whose cart holds a product about its price drop and return to stock, and staff about low stock', async () => {
    const { productId, variantIds } = await productWithStock(api, admin, { name: 'Kettle', price: 4000, stock: 6, lowStockThreshold: 2 });
    const holder = await api.registerCustomer();
    const other = await api.registerCustomer();
    const cart = await api.request('GET', '/api/store/carts/mine', { token: holder.token });
    await api.request('POST', `/api/store/carts/${cart.body.id}/items`, { token: holder.token, body: { variantId: variantIds[0], quantity: 1 } });
    await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]); // guests get no notifications
    await api.request('PUT', `/api/admin/products/${productId}`, { token: admin, body: { price: 3500 } });
    await api.request('POST', '/api/admin/stock-adjustments', { token: admin, body: { variantId: variantIds[0], delta: -6, note: 'sold out' } });
    await api.request('POST', '/api/admin/stock-adjustments', { token: admin, body: { variantId: variantIds[0], delta: 3, note: 'restock' } });
    await delivered();
    expect((await notificationsOf(holder.token)).map((n) => [n.type, n.title]).reverse()).toEqual([
      ['product_update', 'A product in your cart is cheaper now'],
      ['product_update', 'Back in stock'],
    ]);
    expect(await notificationsOf(other.token)).toEqual([]);
    const lows = (await notificationsOf(staff.token)).filter((n) => n.type === 'low_stock' && n.link?.id === productId);
    expect(lows).toHaveLength(1);
    const sku = (await api.request('GET', `/api/admin/products/${productId}`, { token: admin })).body.variants[0].sku;
    expect([lows[0].title, lows[0].body]).toEqual(['Low stock: Kettle', `Kettle (SKU ${sku}) is down to 0 (threshold 2).`]);
    expect((await notificationsOf(holder.token)).some((n) => n.type === 'low_stock')).toBe(false);
  });

  it('tells the customer about their booking', async () => {
    const customer = await api.registerCustomer();
    const booking = await api.request('POST', '/api/admin/bookings', {
      token: admin,
      body: { customerId: customer.id, serviceTypeId, scheduledAt: future(), address: '3 Lane' },
    });
    await api.request('POST', `/api/admin/bookings/${booking.body.id}/status`, { token: admin, body: { status: 'completed' } });
    await delivered();
    expect((await notificationsOf(customer.token)).map((n) => [n.type, n.title]).reverse()).toEqual([
      ['booking_update', 'Electrician booked'],
      ['booking_update', 'Electrician visit completed'],
    ]);
  });

  it('delivers a message to one user only, to every customer, or from a customer to the staff', async () => {
    const a = await api.registerCustomer();
    const b = await api.registerCustomer();
    expect((await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: a.id, title: 'Just you', body: 'Hello A' } })).status).toBe(202);
    await delivered();
    expect((await notificationsOf(a.token)).map((n) => n.title)).toEqual(['Just you']);
    expect(await notificationsOf(b.token)).toEqual([]);
    await api.request('POST', '/api/admin/messages', { token: admin, body: { title: 'Everyone', body: 'Sale on Friday' } });
    await api.request('POST', '/api/me/messages', { token: b.token, body: { title: 'Question', body: 'Do you deliver on Sunday?' } });
    await delivered();
    expect((await notificationsOf(b.token)).map((n) => n.title)).toEqual(['Everyone']);
    expect((await notificationsOf(staff.token)).some((n) => n.title === 'Everyone')).toBe(false);
    // the title names the sender (registered as Casey Customer) and the notification links to them (docs/api.md#messages)
    for (const token of [admin, staff.token])
      expect((await notificationsOf(token)).filter((n) => n.body === 'Do you deliver on Sunday?')).toEqual([
        expect.objectContaining({ title: 'Message from Casey Customer: Question', link: { resource: 'customers', id: b.id } }),
      ]);
    expect((await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: 99999, title: 'x', body: 'y' } })).body.errors).toEqual({
      userId: 'does not exist',
    });
    expect((await api.request('POST', '/api/me/messages', { token: admin, body: { title: 'x', body: 'y' } })).status).toBe(403);
  });

  it('creates no second notification when an event is delivered twice, and none from a rolled-back change', async () => {
    const customer = await api.registerCustomer();
    const dataSource = api.app.get(DataSource);
    await dataSource
      .transaction((m) => publish(m, 'message.sent', { fromUserId: customer.id, toUserId: customer.id, title: 'Once', body: 'only once' }))
      .then(() => api.app.get(OutboxRelay).kick());
    await expect(
      dataSource.transaction(async (m) => {
        await publish(m, 'message.sent', { fromUserId: customer.id, toUserId: customer.id, title: 'Never', body: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await delivered();
    // redeliver: forget the relay's bookkeeping, as after a crash between handling and recording
    await api.db.pool.query(`DELETE FROM outbox_deliveries WHERE event_id IN (SELECT id FROM outbox_events WHERE payload->>'title' = 'Once')`);
    await api.db.pool.query(`UPDATE outbox_events SET processed_at = NULL WHERE payload->>'title' = 'Once'`);
    await delivered();
    expect((await notificationsOf(customer.token)).map((n) => n.title)).toEqual(['Once']);
  });
});

describe('the inbox', () => {
  it('counts unread, marks one and all read, and hides others’ notifications', async () => {
    const customer = await api.registerCustomer();
    for (const title of ['One', 'Two', 'Three'])
      await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: customer.id, title, body: '.' } });
    await delivered();
    const count = async () => (await api.request('GET', '/api/me/notifications/unread-count', { token: customer.token })).body.count;
    expect(await count()).toBe(3);
    const [latest] = await notificationsOf(customer.token);
    const read = await api.request('POST', `/api/me/notifications/${latest.id}/read`, { token: customer.token });
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(await count()).toBe(2);
    const unread = await api.request('GET', `/api/me/notifications?filter=${encodeURIComponent('{"unread":true}')}`, { token: customer.token });
    expect(unread.body.map((n: any) => n.title)).toEqual(['Two', 'One']);
    const other = await api.registerCustomer();
    expect((await api.request('POST', `/api/me/notifications/${latest.id}/read`, { token: other.token })).status).toBe(404);
    expect((await api.request('GET', `/api/me/notifications/${latest.id}`, { token: other.token })).status).toBe(404);
    expect((await api.request('POST', '/api/me/notifications/read-all', { token: customer.token })).body.count).toBe(2);
    expect(await count()).toBe(0);
  });

  it('streams a new notification as a server-sent event within seconds', async () => {
    const customer = await api.registerCustomer();
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/me/notifications/stream?accessToken=${customer.token}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: customer.id, title: 'Live', body: 'Straight to you' } });
    let text = '';
    while (!text.includes('event: notification')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const data = JSON.parse(
      text
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toMatchObject({ type: 'message', title: 'Live', body: 'Straight to you', readAt: null });
    expect((await fetch(`${api.url}/api/me/notifications/stream`)).status).toBe(401);
  });
});

describe('guest orders', () => {
  it('notify only the staff', async () => {
    const { variantIds } = await productWithStock(api, admin, { name: 'Guest Thing', price: 100, stock: 5 });
    const order = (await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]))).body;
    await delivered();
    const { rows } = await api.db.pool.query(`SELECT u.role FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.title = $1`, [
      `New order ${order.number}`,
    ]);
    expect(rows.map((r) => r.role).sort()).toEqual(['admin', 'staff']);
  });
});

describe('big lists', () => {
  it('counts exactly up to 10,000 matches and estimates above, while deep pages stay right', async () => {
    const customer = await api.registerCustomer();
    await api.db.pool.query(`INSERT INTO notifications (user_id, type, title, body) SELECT $1, 'message', 'Bulk ' || n, '' FROM generate_series(1, 10100) n`, [
      customer.id,
    ]);
    await api.db.pool.query('ANALYZE notifications');
    const first = await api.request('GET', '/api/me/notifications?range=[0,24]', { token: customer.token });
    const total = Number(first.headers.get('content-range')!.split('/')[1]);
    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThan(20_000);
    const deep = await api.request('GET', '/api/me/notifications?range=[10000,10099]', { token: customer.token });
    expect(deep.body.map((n: any) => n.title)).toEqual(Array.from({ length: 100 }, (_, i) => `Bulk ${100 - i}`));
  });
});
