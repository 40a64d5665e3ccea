import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';

let api: TestApi;
let token: string;
let adminId: number;
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  adminId = (await api.request('GET', '/api/me', { token })).body.id;
});
afterAll(() => api.close());

const history = async (record: string) => (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ record })}&range=[0,99]`, { token })).body as any[];

describe('audit log', () => {
  it('records an admin update with the changed fields before and after, in the same transaction', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Audited Lamp', price: 2000, stock: 1 });
    const update = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { price: 1800, name: 'Audited Lamp II' } });
    expect(update.status).toBe(200);
    const entries = await history(`products:${productId}`);
    const change = entries.find((e) => e.action === 'update' && e.resource === 'products');
    expect(change).toMatchObject({ actorId: adminId, resourceId: productId, operation: 'PUT /api/admin/products/:id', at: expect.any(String) });
    expect(change.changes).toEqual({ price: [2000, 1800], name: ['Audited Lamp', 'Audited Lamp II'] });
    const created = entries.filter((e) => e.action === 'create');
    expect([...new Set(created.map((e) => e.resource))].sort()).toEqual(['products', 'variants']);
  });

  it('records nothing for an update that fails', async () => {
    const { productId } = await productWithStock(api, token, { name: 'Stable', price: 500, stock: 0 });
    const before = (await history(`products:${productId}`)).length;
    const failed = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { price: 400, slug: 'Not A Slug' } });
    expect(failed.status).toBe(400);
    const conflict = await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { price: 400, categoryId: 999999 } });
    expect(conflict.status).toBe(400);
    expect(await history(`products:${productId}`)).toHaveLength(before);
    expect((await api.db.pool.query('SELECT price FROM products WHERE id = $1', [productId])).rows[0].price).toBe(500);
  });

  it('names actions, hides secrets and ignores customers’ own changes', async () => {
    const cart = await guestCartWith(api, [
      { variantId: (await productWithStock(api, token, { name: 'Thing', price: 100, stock: 3 })).variantIds[0], quantity: 1 },
    ]);
    const order = (await guestCheckout(api, cart)).body;
    expect(await history(`orders:${order.id}`)).toEqual([]); // a guest's checkout is no back-office write
    await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token, body: {} });
    const entries = await history(`orders:${order.id}`);
    expect(entries.map((e) => [e.action, e.resource]).sort()).toEqual([
      ['mark-paid', 'orders'],
      ['mark-paid', 'payments'],
    ]);
    expect(entries.find((e) => e.resource === 'orders').changes).toMatchObject({ status: ['pending', 'delivered'], paymentStatus: ['unpaid', 'paid'] });

    const user = await api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'hist@shop.test', password: 'password-123', fullName: 'Hist', role: 'staff' },
    });
    await api.request('PUT', `/api/admin/users/${user.body.id}`, { token, body: { password: 'another-password', fullName: 'Hist Ory' } });
    const userHistory = await api.request('GET', `/api/admin/audit-logs?filter=${enc({ resource: 'users', resourceId: user.body.id })}&range=[0,99]`, {
      token,
    });
    const text = JSON.stringify(userHistory.body);
    expect(text).not.toContain('argon2');
    expect(text).toContain('[hidden]');
    expect(userHistory.body.some((e: any) => e.changes.fullName?.[1] === 'Hist Ory')).toBe(true);
  });

  it('is for admins only', async () => {
    await api.request('POST', '/api/admin/users', { token, body: { email: 'staff.audit@shop.test', password: 'password-123', fullName: 'S', role: 'staff' } });
    const staff = await api.login('staff.audit@shop.test', 'password-123');
    expect((await api.request('GET', '/api/admin/audit-logs', { token: staff })).status).toBe(403);
  });
});
