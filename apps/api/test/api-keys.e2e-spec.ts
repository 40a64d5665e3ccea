import { createHash } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

// API keys (docs/api.md#api-keys): hashed, shown once, roles, expiry, revocation at once, lastUsedAt
// without a write per request, the key named as the actor in the audit log, refused outside the
// admin API.

let api: TestApi;
let adminToken: string;
let adminId: number;
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  adminToken = await api.login(ADMIN.email, ADMIN.password);
  adminId = (await api.request('GET', '/api/me', { token: adminToken })).body.id;
});
afterAll(() => api.close());

async function createKey(role: 'admin' | 'staff' | 'read_only', extra: Record<string, unknown> = {}): Promise<{ id: number; secret: string; body: any }> {
  const reply = await api.request('POST', '/api/admin/api-keys', { token: adminToken, body: { name: `${role} key`, role, ...extra } });
  expect(reply.status).toBe(201);
  return { id: reply.body.id, secret: reply.body.secret, body: reply.body };
}

describe('creating and listing keys', () => {
  it('shows the secret once (ck_ + 256 bits) and keeps only its hash', async () => {
    const { id, secret, body } = await createKey('read_only');
    expect(secret).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({
      id,
      name: 'read_only key',
      role: 'read_only',
      prefix: secret.slice(0, 10),
      createdById: adminId,
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
    });
    const listed = await api.request('GET', '/api/admin/api-keys', { token: adminToken });
    expect(listed.headers.get('content-range')).toMatch(/^api-keys 0-\d+\/\d+$/);
    const shown = [listed.text, (await api.request('GET', `/api/admin/api-keys/${id}`, { token: adminToken })).text].join();
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(secret.slice(10));
    const { rows } = await api.db.pool.query('SELECT row_to_json(k)::text AS row, secret_hash FROM api_keys k WHERE id = $1', [id]);
    expect(rows[0].row).not.toContain(secret.slice(10));
    expect(rows[0].secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const before = (await api.db.pool.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n;
    for (const body of [
      { name: 'x', role: 'customer' },
      { name: '', role: 'staff' },
      { name: 'x', role: 'staff', expiresAt: '2001-01-01' },
      { name: 'x', role: 'staff', expiresAt: 'tomorrow' },
      { name: 'x', role: 'staff', secret: 'ck_mine' },
    ]) {
      const reply = await api.request('POST', '/api/admin/api-keys', { token: adminToken, body });
      expect([reply.status, reply.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n).toBe(before);
  });

  it('is for admins only', async () => {
    await api.request('POST', '/api/admin/users', {
      token: adminToken,
      body: { email: 'keys-staff@shop.test', password: 'staff-password', fullName: 'S', role: 'staff' },
    });
    const staff = await api.login('keys-staff@shop.test', 'staff-password');
    expect((await api.request('GET', '/api/admin/api-keys', { token: staff })).status).toBe(403);
    expect((await api.request('POST', '/api/admin/api-keys', { token: staff, body: { name: 'mine', role: 'admin' } })).status).toBe(403);
  });
});

describe('a read_only key', () => {
  it('lists orders and reads whatever staff may read', async () => {
    const { productId, variantIds } = await productWithStock(api, adminToken, { name: 'Key Mug', price: 1200, stock: 5 });
    await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]));
    const { secret } = await createKey('read_only');
    const orders = await api.request('GET', '/api/admin/orders', { token: secret });
    expect(orders.status).toBe(200);
    expect(orders.body.length).toBeGreaterThan(0);
    expect(orders.headers.get('content-range')).toMatch(/^orders /);
    for (const path of [
      `/api/admin/products/${productId}`,
      '/api/admin/payments',
      '/api/admin/invoices',
      '/api/admin/reports/dashboard',
      '/api/admin/bookings',
    ]) {
      expect([path, (await api.request('GET', path, { token: secret })).status]).toEqual([path, 200]);
    }
  });

  it('is refused the admin-only reads (users, settings, audit log, keys, webhooks, e-mails)', async () => {
    const { secret } = await createKey('read_only');
    for (const path of [
      '/api/admin/users',
      '/api/admin/settings',
      '/api/admin/audit-logs',
      '/api/admin/api-keys',
      '/api/admin/webhooks',
      '/api/admin/emails',
    ]) {
      const reply = await api.request('GET', path, { token: secret });
      expect([path, reply.status, reply.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
  });

  it('is refused every write of the admin API (each one the OpenAPI document lists) with 403, and nothing changes', async () => {
    const { secret } = await createKey('read_only');
    const document = (await api.request('GET', '/api/openapi.json')).body;
    const writes = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method) && path.startsWith('/api/admin/'))
        .map((method) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, '1')] as const),
    );
    expect(writes.length).toBeGreaterThan(40);
    const before = (await api.db.pool.query('SELECT (SELECT count(*) FROM audit_logs) + (SELECT count(*) FROM outbox_events) AS n')).rows[0].n;
    for (const [method, path] of writes) {
      const reply = await api.request(method, path, { token: secret, body: {} });
      expect([method, path, reply.status, reply.body?.code]).toEqual([method, path, 403, 'FORBIDDEN']);
    }
    expect((await api.db.pool.query('SELECT (SELECT count(*) FROM audit_logs) + (SELECT count(*) FROM outbox_events) AS n')).rows[0].n).toBe(before);
  });
});

describe('staff and admin keys', () => {
  it('a staff key writes what staff may, and not what only admins may', async () => {
    const { secret } = await createKey('staff');
    const created = await api.request('POST', '/api/admin/categories', { token: secret, body: { name: 'Made by a key' } });
    expect(created.status).toBe(201);
    expect((await api.request('PUT', '/api/admin/settings', { token: secret, body: { storeName: 'Nope' } })).status).toBe(403);
    expect((await api.request('POST', '/api/admin/api-keys', { token: secret, body: { name: 'child', role: 'admin' } })).status).toBe(403);
  });

  it('the audit log names the key, not a user, as the actor of what it changes', async () => {
    const { id, secret } = await createKey('admin');
    const product = await productWithStock(api, secret, { name: 'Keyed Lamp', price: 900, stock: 2 });
    const changed = await api.request('PUT', `/api/admin/products/${product.productId}`, { token: secret, body: { price: 800 } });
    expect(changed.status).toBe(200);
    const entries = (
      await api.request('GET', `/api/admin/audit-logs?filter=${enc({ record: `products:${product.productId}` })}&range=[0,99]`, { token: adminToken })
    ).body;
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect([entry.actorId, entry.apiKeyId]).toEqual([null, id]);
    expect(entries.find((e: any) => e.action === 'update' && e.resource === 'products').changes).toEqual({ price: [900, 800] });
    const byKey = await api.request('GET', `/api/admin/audit-logs?filter=${enc({ apiKeyId: id })}&range=[0,99]`, { token: adminToken });
    expect(byKey.body.length).toBeGreaterThanOrEqual(entries.length);
    expect(byKey.body.every((e: any) => e.apiKeyId === id && e.actorId === null)).toBe(true);
  });

  it('creating and revoking keys are audited too, with the secret hidden', async () => {
    const { id, secret } = await createKey('staff');
    await api.request('DELETE', `/api/admin/api-keys/${id}`, { token: adminToken });
    const entries = (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ resource: 'api-keys', resourceId: id })}`, { token: adminToken })).body;
    expect(entries.map((e: any) => [e.action, e.actorId]).sort()).toEqual([
      ['create', adminId],
      ['delete', adminId],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret.slice(10));
    expect(entries.find((e: any) => e.action === 'create').changes.secretHash).toEqual(['[hidden]', '[changed]']);
  });
});

describe('refusals', () => {
  it('a revoked key is refused at once', async () => {
    const { id, secret } = await createKey('admin');
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(200);
    const revoked = await api.request('DELETE', `/api/admin/api-keys/${id}`, { token: adminToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await api.request('GET', '/api/admin/orders', { token: secret });
    expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('an expired key is refused', async () => {
    const { id, secret } = await createKey('staff', { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(200);
    await api.db.pool.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(401);
  });

  it('the key of an admin who was deactivated (or is no longer an admin) stops working', async () => {
    const admin = await api.request('POST', '/api/admin/users', {
      token: adminToken,
      body: { email: 'key-owner@shop.test', password: 'owner-password', fullName: 'O', role: 'admin' },
    });
    const ownerToken = await api.login('key-owner@shop.test', 'owner-password');
    const secret = (await api.request('POST', '/api/admin/api-keys', { token: ownerToken, body: { name: 'owned', role: 'staff' } })).body.secret;
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(200);
    await api.request('PUT', `/api/admin/users/${admin.body.id}`, { token: adminToken, body: { role: 'staff' } });
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(401);
    await api.request('PUT', `/api/admin/users/${admin.body.id}`, { token: adminToken, body: { role: 'admin', isActive: false } });
    expect((await api.request('GET', '/api/admin/orders', { token: secret })).status).toBe(401);
  });

  it('is a 401 on /api/me, the store API and the auth routes, also where no sign-in is needed', async () => {
    const { secret } = await createKey('admin');
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/me/notifications'],
      ['GET', '/api/store/products'],
      ['POST', '/api/store/carts'],
      ['POST', '/api/auth/otp/request'],
      ['POST', '/api/auth/password/forgot'],
    ] as const) {
      const reply = await api.request(method, path, { token: secret, body: method === 'POST' ? {} : undefined });
      expect([method, path, reply.status, reply.body.code]).toEqual([method, path, 401, 'UNAUTHENTICATED']);
    }
  });

  it('answers 401, never 500, to made-up or malformed keys', async () => {
    for (const token of ['ck_', 'ck_short', `ck_${'A'.repeat(43)}`, `ck_${'x'.repeat(1990)}`, 'ck_.-_.-_.-_.-']) {
      const reply = await api.request('GET', '/api/admin/orders', { token });
      expect([token.slice(0, 12), reply.status]).toEqual([token.slice(0, 12), 401]);
    }
  });
});

describe('lastUsedAt', () => {
  it('is set on use and then moves at most once a minute, not on every request', async () => {
    const { id, secret } = await createKey('read_only');
    const lastUsed = async () => (await api.db.pool.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id])).rows[0].last_used_at as Date | null;
    expect(await lastUsed()).toBeNull();
    await api.request('GET', '/api/admin/products', { token: secret });
    const first = await eventually(async () => {
      const value = await lastUsed();
      expect(value).not.toBeNull();
      return value!;
    });
    await Promise.all(Array.from({ length: 20 }, () => api.request('GET', '/api/admin/products', { token: secret })));
    expect(await lastUsed()).toEqual(first);
    // a minute later (moved back here), the next request moves it again
    await api.db.pool.query(`UPDATE api_keys SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1`, [id]);
    await api.request('GET', '/api/admin/products', { token: secret });
    await eventually(async () => expect((await lastUsed())!.getTime()).toBeGreaterThan(first.getTime() - 60_000));
    const shown = (await api.request('GET', `/api/admin/api-keys/${id}`, { token: adminToken })).body.lastUsedAt;
    expect(new Date(shown).getTime()).toBeGreaterThan(first.getTime() - 60_000);
  });
});
