import { createHmac } from 'node:crypto';
import { operations, type OpenApiDocument } from './support/openapi.js';
import { ADDRESS, guestCartWith, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

// OWASP API Security Top 10 (2023), driven by the API's own OpenAPI document where it can be.
let api: TestApi;
let doc: OpenApiDocument;
let admin: string;
let alice: Awaited<ReturnType<TestApi['registerCustomer']>>;
let mallory: Awaited<ReturnType<TestApi['registerCustomer']>>;
let variantId: number;

const concrete = (path: string, id: number | string = 1) => path.replace(/\{[^}]+\}/g, String(id));

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100', RATE_LIMIT_LOGIN_FAILURES: '3', RATE_LIMIT_REGISTER_PER_MINUTE: '1000' });
  doc = (await api.request('GET', '/api/openapi.json')).body;
  admin = await api.login(ADMIN.email, ADMIN.password);
  alice = await api.registerCustomer('alice@shop.test');
  mallory = await api.registerCustomer('mallory@shop.test');
  variantId = (await productWithStock(api, admin, { name: 'Target', price: 1000, costPrice: 300, stock: 100 })).variantIds[0];
});
afterAll(() => api.close());

describe('API5 broken function level authorization', () => {
  it('every /api/admin route refuses an anonymous caller (401) and a customer (403)', async () => {
    const adminOps = operations(doc).filter((op) => op.path.startsWith('/api/admin'));
    expect(adminOps.length).toBeGreaterThan(50);
    for (const op of adminOps) {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      const anonymous = await api.request(op.method, concrete(op.path), { body });
      expect([op.method, op.path, anonymous.status]).toEqual([op.method, op.path, 401]);
      const customer = await api.request(op.method, concrete(op.path), { body, token: alice.token });
      expect([op.method, op.path, customer.status]).toEqual([op.method, op.path, 403]);
    }
  });

  it('staff are kept out of users, settings and the audit log', async () => {
    await api.request('POST', '/api/admin/users', {
      token: admin,
      body: { email: 'staffer@shop.test', password: 'password-123', fullName: 'Staffer', role: 'staff' },
    });
    const staff = await api.login('staffer@shop.test', 'password-123');
    for (const path of ['/api/admin/users', '/api/admin/settings', '/api/admin/audit-logs'])
      expect((await api.request('GET', path, { token: staff })).status).toBe(403);
    expect((await api.request('GET', '/api/admin/orders', { token: staff })).status).toBe(200);
  });
});

describe('API1 broken object level authorization', () => {
  it('another customer’s cart, order, invoice, booking and notification do not exist for Mallory', async () => {
    const cart = await api.request('GET', '/api/store/carts/mine', { token: alice.token });
    await api.request('POST', `/api/store/carts/${cart.body.id}/items`, { token: alice.token, body: { variantId, quantity: 1 } });
    const order = (
      await api.request('POST', '/api/store/checkout', {
        token: alice.token,
        headers: { 'idempotency-key': 'a1' },
        body: { cartId: cart.body.id, shippingAddress: ADDRESS, paymentMethod: 'card' },
      })
    ).body;
    const type = (await api.request('POST', '/api/admin/service-types', { token: admin, body: { name: 'Plumber', price: 100, durationMinutes: 30 } })).body;
    const booking = (
      await api.request('POST', '/api/store/bookings', {
        token: alice.token,
        body: { serviceTypeId: type.id, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), address: 'x' },
      })
    ).body;
    await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: alice.id, title: 'Private', body: 'for Alice' } });
    const notificationId = await (async () => {
      for (let i = 0; i < 50; i++) {
        const list = (await api.request('GET', '/api/me/notifications', { token: alice.token })).body;
        const found = list.find((n: any) => n.title === 'Private');
        if (found) return found.id;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('notification not delivered');
    })();
    const attempts: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', `/api/store/carts/${cart.body.id}`],
      ['POST', `/api/store/carts/${cart.body.id}/items`, { variantId, quantity: 1 }],
      ['GET', `/api/store/orders/${order.id}`],
      ['GET', `/api/store/orders/${order.id}/invoice`],
      ['GET', `/api/store/orders/${order.id}/invoice.pdf`],
      ['POST', `/api/store/orders/${order.id}/cancel`],
      ['POST', `/api/store/orders/${order.id}/payments`, { paymentToken: 'tok_visa' }, { 'idempotency-key': 'm1' }],
      ['GET', `/api/store/bookings/${booking.id}`],
      ['POST', `/api/store/bookings/${booking.id}/cancel`],
      ['GET', `/api/me/notifications/${notificationId}`],
      ['POST', `/api/me/notifications/${notificationId}/read`],
    ];
    for (const [method, path, body, headers] of attempts) {
      const reply = await api.request(method, path, { token: mallory.token, body, headers });
      expect([method, path, reply.status, reply.body?.code]).toEqual([method, path, 404, 'NOT_FOUND']);
    }
    expect((await api.request('GET', '/api/store/orders', { token: mallory.token })).body).toEqual([]);
    expect((await api.request('GET', '/api/me', { token: mallory.token })).body.email).toBe('mallory@shop.test');
    expect((await api.request('GET', `/api/store/orders/${order.id}`, { token: alice.token })).body.status).toBe('pending');
  });
});

describe('API3 broken object property level authorization', () => {
  it('every write refuses server-computed fields with 400 and changes nothing', async () => {
    const cart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
    const product = (await api.request('GET', '/api/admin/products?range=[0,0]', { token: admin })).body[0];
    const customerId = (await api.request('POST', '/api/admin/offline-customers', { token: admin, body: { name: 'Counter', phone: '12345' } })).body.id;
    const coupon = (await api.request('POST', '/api/admin/coupons', { token: admin, body: { code: 'PROP', discountType: 'fixed', discountValue: 1 } })).body;
    const attempts: [string, string, Record<string, unknown>, string, Record<string, string>?, string?][] = [
      ['POST', `/api/store/carts/${cart.id}/items`, { variantId, quantity: 1, unitPrice: 1 }, 'unitPrice', cart.headers],
      [
        'POST',
        '/api/store/checkout',
        { cartId: cart.id, email: 'g@x.co', shippingAddress: ADDRESS, paymentMethod: 'card', total: 1 },
        'total',
        { ...cart.headers, 'idempotency-key': 'p1' },
      ],
      [
        'POST',
        '/api/store/checkout',
        { cartId: cart.id, email: 'g@x.co', shippingAddress: ADDRESS, paymentMethod: 'card', paymentStatus: 'paid' },
        'paymentStatus',
        { ...cart.headers, 'idempotency-key': 'p2' },
      ],
      ['POST', '/api/auth/register', { email: 'evil@shop.test', password: 'password-123', fullName: 'Evil', role: 'admin' }, 'role'],
      ['PUT', '/api/me/profile', { role: 'admin' }, 'role', undefined, alice.token],
      ['PUT', '/api/me/profile', { isActive: true, emailVerifiedAt: '2026-01-01' }, 'isActive', undefined, alice.token],
      ['PUT', `/api/admin/products/${product.id}`, { stock: 9999 }, 'stock'],
      ['POST', '/api/admin/offline-sales', { customerId, lines: [{ variantId, quantity: 1 }], total: 1 }, 'total'],
      ['PUT', `/api/admin/coupons/${coupon.id}`, { timesUsed: 0 }, 'timesUsed'],
      [
        'POST',
        '/api/store/bookings',
        { serviceTypeId: 1, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), address: 'x', price: 0 },
        'price',
        undefined,
        alice.token,
      ],
      ['POST', `/api/admin/orders/1/payments`, { amount: 1, method: 'cash', status: 'refunded' }, 'status'],
    ];
    const snapshot = async () =>
      (
        await api.db.pool.query(
          `SELECT (SELECT count(*) FROM orders) o, (SELECT count(*) FROM users) u, (SELECT sum(stock) FROM variants) s, (SELECT count(*) FROM offline_sales) os, (SELECT count(*) FROM cart_items) ci, (SELECT count(*) FROM bookings) b`,
        )
      ).rows[0];
    const before = await snapshot();
    for (const [method, path, body, field, headers, token] of attempts) {
      const reply = await api.request(method, path, { body, headers, token: token ?? admin });
      expect([path, field, reply.status, reply.body.errors?.[field]]).toEqual([path, field, 400, 'is not allowed']);
    }
    expect(await snapshot()).toEqual(before);
    expect((await api.request('GET', '/api/me', { token: alice.token })).body.role).toBe('customer');
  });

  it('never shows cost prices or secrets in store responses', async () => {
    const products = await api.request('GET', '/api/store/products?range=[0,99]');
    expect(products.text).not.toMatch(/costPrice|ownCostPrice|cost_price/i);
    const order = (await api.request('GET', '/api/store/orders', { token: alice.token })).text;
    expect(order).not.toMatch(/costPrice|access_token|token_hash/);
  });
});

describe('API4 unrestricted resource consumption', () => {
  it('caps every list page: 1000 rows for admin lists, 100 for store lists', async () => {
    const lists = operations(doc).filter((op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'range'));
    expect(lists.length).toBeGreaterThan(20);
    for (const op of lists) {
      const isAdmin = op.path.startsWith('/api/admin');
      const cap = isAdmin ? 1000 : 100;
      const token = isAdmin ? admin : alice.token;
      // a list of one record's entries (a customer's timeline) is asked of a record that exists: Alice
      const path = concrete(op.path, alice.id);
      const over = await api.request('GET', `${path}?range=${encodeURIComponent(JSON.stringify([0, cap]))}`, { token });
      expect([op.path, over.status, over.body.code]).toEqual([op.path, 400, 'VALIDATION_FAILED']);
      const at = await api.request('GET', `${path}?range=${encodeURIComponent(JSON.stringify([0, cap - 1]))}`, { token });
      expect([op.path, at.status]).toEqual([op.path, 200]);
    }
  });

  it('rate-limits login failures (RATE_LIMIT_LOGIN_FAILURES=3 here) with Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      expect((await api.request('POST', '/api/auth/login', { body: { email: 'mallory@shop.test', password: 'guess' + i } })).status).toBe(401);
    const blocked = await api.request('POST', '/api/auth/login', { body: { email: 'mallory@shop.test', password: mallory.password } });
    expect([blocked.status, blocked.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses bodies over the limit', async () => {
    const reply = await api.request('POST', '/api/auth/login', {
      rawBody: JSON.stringify({ email: 'a'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(413);
  });
});

describe('API2 broken authentication', () => {
  it('refuses alg none, a wrong signature, an expired token and a refresh token as access token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const [, payload] = admin.split('.');
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const now = Math.floor(Date.now() / 1000);
    const sign = (h: string, p: string, key: string) => createHmac('sha256', key).update(`${h}.${p}`).digest('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const expiredPayload = b64({ ...claims, iat: now - 7200, exp: now - 3600 });
    const forged = b64({ ...claims, role: 'admin', sub: alice.id });
    const tokens = {
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      noneNoDot: `${b64({ alg: 'none' })}.${payload}`,
      wrongKey: `${header}.${forged}.${sign(header, forged, 'guessed-secret')}`,
      hs512: `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${createHmac('sha512', 'x').update('y').digest('base64url')}`,
      expired: `${header}.${expiredPayload}.${sign(header, expiredPayload, 'test-secret-that-is-long-enough-for-hs256-signing')}`,
      refresh: alice.refreshToken,
    };
    for (const [name, token] of Object.entries(tokens)) {
      const reply = await api.request('GET', '/api/admin/orders', { token });
      expect([name, reply.status]).toEqual([name, 401]);
    }
  });
});

describe('API8 security misconfiguration', () => {
  it('sets security headers on every kind of response and leaks no stack trace or hash', async () => {
    const responses = await Promise.all([
      api.request('GET', '/api/health'),
      api.request('GET', '/api/nope'),
      api.request('POST', '/api/auth/login', { rawBody: '{', headers: { 'content-type': 'application/json' } }),
      api.request('GET', '/api/admin/users', { token: admin }),
      api.request('GET', '/api/store/products'),
    ]);
    for (const reply of responses) {
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-powered-by')).toBeNull();
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.text).not.toMatch(/\$argon2|password_?hash|\bat \S+\.(js|ts):\d+/i);
    }
  });

  it('leaves the data consistent after the attacks', () => expectIntegrity(api));
});
