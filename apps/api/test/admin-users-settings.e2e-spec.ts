import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;
beforeAll(async () => {
  // no outbox relay here: its polling would add queries to the per-request counts
  api = await startTestApi({ RATE_LIMIT_REGISTER_PER_MINUTE: '3', OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  for (let i = 1; i <= 12; i++) {
    const reply = await api.request('POST', '/api/admin/users', {
      token,
      body: {
        email: `user${String(i).padStart(2, '0')}@shop.test`,
        password: 'password-123',
        fullName: `Person ${i % 2 ? 'Odd' : 'Even'} ${i}`,
        role: i <= 3 ? 'staff' : 'customer',
      },
    });
    expect(reply.status).toBe(201);
  }
});
afterAll(() => api.close());

describe('admin users', () => {
  it('creates a user with a profile and never returns a hash', async () => {
    const reply = await api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'New@Shop.test', password: 'password-123', fullName: 'New Person', phone: '+44 20 7946 0000', role: 'staff' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: expect.any(Number),
      email: 'new@shop.test',
      role: 'staff',
      isActive: true,
      fullName: 'New Person',
      phone: '+44 20 7946 0000',
      address: null,
    });
    expect(Object.keys(reply.body)).not.toContain('passwordHash');
    expect(reply.text).not.toContain('argon2');
  });

  it('updates role, profile fields and password partially', async () => {
    const created = await api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'edit@shop.test', password: 'password-123', fullName: 'Edit Me', role: 'customer' },
    });
    const id = created.body.id;
    const reply = await api.request('PUT', `/api/admin/users/${id}`, { token, body: { role: 'staff', address: '2 Side St', password: 'another-password' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, role: 'staff', address: '2 Side St', fullName: 'Edit Me' });
    expect((await api.request('POST', '/api/auth/login', { body: { email: 'edit@shop.test', password: 'another-password' } })).status).toBe(200);
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const created = await api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'stay@shop.test', password: 'password-123', fullName: 'Stay', role: 'customer' },
    });
    const reply = await api.request('PUT', `/api/admin/users/${created.body.id}`, {
      token,
      body: { role: 'superuser', fullName: 'Changed', passwordHash: 'x' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({ role: 'must be one of admin, staff, customer', passwordHash: 'is not allowed' });
    const after = await api.request('GET', `/api/admin/users/${created.body.id}`, { token });
    expect(after.body).toMatchObject({ role: 'customer', fullName: 'Stay' });
    const missing = await api.request('POST', '/api/admin/users', { token, body: { email: 'not-an-email', role: 'customer' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['email', 'fullName', 'password']);
  });

  it('answers an unknown user with 404', async () => {
    expect((await api.request('GET', '/api/admin/users/999999', { token })).body.code).toBe('NOT_FOUND');
    expect((await api.request('PUT', '/api/admin/users/999999', { token, body: { isActive: false } })).status).toBe(404);
  });
});

describe('the list protocol on users', () => {
  it('pages with Content-Range and sorts', async () => {
    const reply = await api.request('GET', `/api/admin/users?sort=${encodeURIComponent('["email","DESC"]')}&range=${encodeURIComponent('[0,4]')}`, { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(5);
    const total = Number(reply.headers.get('content-range')!.split('/')[1]);
    expect(reply.headers.get('content-range')).toBe(`users 0-4/${total}`);
    const emails = reply.body.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const page2 = await api.request('GET', `/api/admin/users?sort=${encodeURIComponent('["email","DESC"]')}&range=${encodeURIComponent('[5,9]')}`, { token });
    expect(page2.headers.get('content-range')).toBe(`users 5-9/${total}`);
    expect(page2.body[0].email < emails[4]).toBe(true);
  });

  it('searches with q over e-mail and name, case-insensitively, and filters', async () => {
    const q = await api.request('GET', `/api/admin/users?filter=${encodeURIComponent('{"q":"person even"}')}&range=[0,99]`, { token });
    expect(q.body.map((u: { fullName: string }) => u.fullName).every((n: string) => n.startsWith('Person Even'))).toBe(true);
    expect(q.body).toHaveLength(6);
    const staff = await api.request('GET', `/api/admin/users?filter=${encodeURIComponent('{"role":"staff","q":"shop.test"}')}&range=[0,99]`, { token });
    expect(staff.body.every((u: { role: string }) => u.role === 'staff')).toBe(true);
    const none = await api.request('GET', `/api/admin/users?filter=${encodeURIComponent('{"q":"zzz-nothing"}')}`, { token });
    expect(none.body).toEqual([]);
    expect(none.headers.get('content-range')).toBe('users */0');
  });

  it('fetches several by id', async () => {
    const reply = await api.request('GET', `/api/admin/users?filter=${encodeURIComponent('{"id":[2,4,3]}')}`, { token });
    expect(reply.body.map((u: { id: number }) => u.id).sort()).toEqual([2, 3, 4]);
  });

  it('refuses ranges over 1000 rows and malformed queries with 400', async () => {
    for (const query of [
      'range=[0,1000]',
      'range=[5,2]',
      'range=oops',
      'sort=["passwordHash","ASC"]',
      'filter={"nope":1}',
      'filter={"role":"king"}',
      'filter=[',
    ]) {
      const reply = await api.request('GET', `/api/admin/users?${query.replace(/[[\]{}":,]/g, encodeURIComponent)}`, { token });
      expect([query, reply.status, reply.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    expect((await api.request('GET', `/api/admin/users?range=${encodeURIComponent('[0,999]')}`, { token })).status).toBe(200);
  });

  it('runs the same number of SQL queries whatever the page size', async () => {
    const count = async (range: string) => {
      const before = api.queries.length;
      const reply = await api.request('GET', `/api/admin/users?range=${encodeURIComponent(range)}`, { token });
      expect(reply.status).toBe(200);
      return { queries: api.queries.slice(before).filter((q) => !q.includes('outbox_events')).length, rows: reply.body.length };
    };
    const small = await count('[0,0]');
    const large = await count('[0,14]');
    expect(small.rows).toBe(1);
    expect(large.rows).toBe(15);
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBeGreaterThan(0); // counted at all: the request context reaches the query logger
    expect(small.queries).toBeLessThanOrEqual(3);
  });
});

describe('settings', () => {
  it('reads and updates the store settings partially', async () => {
    const before = await api.request('GET', '/api/admin/settings', { token });
    const seller = { legalName: '', address: '', taxId: '', email: '', phone: '', invoiceFooter: '' };
    expect(before.body).toEqual({ storeName: 'Chance Store', currency: 'USD', taxRateBps: 0, lowStockThreshold: 5, returnWindowDays: 30, ...seller });
    const reply = await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1500, currency: 'EUR' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ storeName: 'Chance Store', currency: 'EUR', taxRateBps: 1500, lowStockThreshold: 5, returnWindowDays: 30, ...seller });
  });

  it.each([
    [{ taxRateBps: 15.5 }, 'taxRateBps'],
    [{ taxRateBps: 10001 }, 'taxRateBps'],
    [{ taxRateBps: '1500' }, 'taxRateBps'],
    [{ currency: 'euro' }, 'currency'],
    [{ lowStockThreshold: -1 }, 'lowStockThreshold'],
    [{ returnWindowDays: 3651 }, 'returnWindowDays'],
    [{ returnWindowDays: 1.5 }, 'returnWindowDays'],
    [{ legalName: 'x'.repeat(201) }, 'legalName'],
    [{ storeName: '' }, 'storeName'],
    [{ id: 2 }, 'id'],
  ])('refuses %j and changes nothing', async (body, field) => {
    const before = await api.request('GET', '/api/admin/settings', { token });
    const reply = await api.request('PUT', '/api/admin/settings', { token, body });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.errors)).toEqual([field]);
    expect((await api.request('GET', '/api/admin/settings', { token })).body).toEqual(before.body);
  });
});

describe('register rate limit', () => {
  it('refuses the (limit+1)-th registration per IP within a minute (RATE_LIMIT_REGISTER_PER_MINUTE=3 here)', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await api.request('POST', '/api/auth/register', { body: { email: `burst${i}@shop.test`, password: 'password-123', fullName: 'Burst' } })).status,
      ).toBe(201);
    }
    const limited = await api.request('POST', '/api/auth/register', { body: { email: 'burst9@shop.test', password: 'password-123', fullName: 'Burst' } });
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rowCount } = await api.db.pool.query(`SELECT 1 FROM users WHERE email = 'burst9@shop.test'`);
    expect(rowCount).toBe(0);
  });
});

describe('store settings', () => {
  it('tells anyone the store name, currency and tax rate, nothing more', async () => {
    const reply = await api.request('GET', '/api/store/settings');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ storeName: 'Chance Store', currency: expect.stringMatching(/^[A-Z]{3}$/), taxRateBps: expect.any(Number) });
  });
});
