// Logic of the admin SPA that needs no browser: exact money and rate conversions, partial
// updates, API error mapping, and the single-flight token refresh (refresh tokens are single use).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loadSpaModules } from '../support/spa-modules.js';

let spa;
before(async () => {
  spa = await loadSpaModules();
});
after(() => spa?.cleanup());

describe('money and rates', () => {
  test('minor units format as the currency, through exact decimal strings', () => {
    const { formatMoney, minorUnitsToDecimal } = spa.money;
    assert.equal(formatMoney(1999, 'USD', 'en-US'), '$19.99');
    assert.equal(formatMoney(-5, 'USD', 'en-US'), '-$0.05');
    assert.equal(formatMoney(0, 'EUR', 'en-US'), '€0.00');
    assert.equal(formatMoney(1500, 'JPY', 'en-US'), '¥1,500');
    assert.equal(formatMoney(123456789, 'USD', 'en-US'), '$1,234,567.89');
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US'), '$90,071,992,547,409.91');
    assert.equal(formatMoney(null, 'USD'), '');
    assert.equal(formatMoney(19.99, 'USD'), '', 'a non-integer is not an amount in minor units');
    assert.equal(minorUnitsToDecimal(1999, 'USD'), '19.99');
    assert.equal(minorUnitsToDecimal(7, 'KWD'), '0.007');
  });

  test('typed amounts parse to minor units without floating point', () => {
    const { decimalToMinorUnits } = spa.money;
    assert.equal(decimalToMinorUnits('19.99', 'USD'), 1999);
    assert.equal(decimalToMinorUnits('0.29', 'USD'), 29); // 0.29 * 100 is 28.999999999999996 in floats
    assert.equal(decimalToMinorUnits('1.1', 'USD'), 110);
    assert.equal(decimalToMinorUnits('4.35', 'USD'), 435); // 4.35 * 100 = 434.99999999999994
    assert.equal(decimalToMinorUnits('19,9', 'USD'), 1990);
    assert.equal(decimalToMinorUnits(' 20 ', 'USD'), 2000);
    assert.equal(decimalToMinorUnits('.5', 'USD'), 50);
    assert.equal(decimalToMinorUnits('1.005', 'USD'), null, 'no silent rounding');
    assert.equal(decimalToMinorUnits('-1', 'USD'), null);
    assert.equal(decimalToMinorUnits('-1.50', 'USD', { allowNegative: true }), -150);
    assert.equal(decimalToMinorUnits('1e3', 'USD'), null);
    assert.equal(decimalToMinorUnits('1,000.00', 'USD'), null);
    assert.equal(decimalToMinorUnits('', 'USD'), null);
    assert.equal(decimalToMinorUnits('.', 'USD'), null);
    assert.equal(decimalToMinorUnits('99999999999999999', 'USD'), null, 'beyond the safe integer range');
    assert.equal(decimalToMinorUnits('1500', 'JPY'), 1500);
    assert.equal(decimalToMinorUnits('1500.5', 'JPY'), null);
  });

  test('every amount round-trips between minor units and text', () => {
    const { decimalToMinorUnits, minorUnitsToDecimal } = spa.money;
    for (let amount = 0; amount <= 100_000; amount += 7) {
      assert.equal(decimalToMinorUnits(minorUnitsToDecimal(amount, 'USD'), 'USD'), amount);
    }
  });

  test('tax rates: basis points shown as percent and back', () => {
    const { basisPointsToPercent, percentToBasisPoints } = spa.rates;
    assert.equal(basisPointsToPercent(1500), '15.00');
    assert.equal(basisPointsToPercent(725), '7.25');
    assert.equal(basisPointsToPercent(0), '0.00');
    assert.equal(percentToBasisPoints('15'), 1500);
    assert.equal(percentToBasisPoints('7.25'), 725);
    assert.equal(percentToBasisPoints('8.7'), 870);
    assert.equal(percentToBasisPoints('0.01'), 1);
    assert.equal(percentToBasisPoints('7.255'), null);
    assert.equal(percentToBasisPoints('-1'), null);
    assert.equal(percentToBasisPoints('abc'), null);
  });
});

describe('partial updates', () => {
  test('changedFields keeps only what differs', () => {
    const { changedFields } = spa.changes;
    const previous = { id: 2, email: 'a@b.c', fullName: 'Sam', phone: null, address: null, tags: ['x'], meta: { a: 1 } };
    assert.deepEqual(changedFields({ ...previous }, previous), {});
    assert.deepEqual(changedFields({ ...previous, phone: '+1 555' }, previous), { phone: '+1 555' });
    assert.deepEqual(changedFields({ ...previous, phone: undefined }, previous), {}, 'null and undefined are both empty');
    assert.deepEqual(changedFields({ ...previous, tags: ['x', 'y'] }, previous), { tags: ['x', 'y'] });
    assert.deepEqual(changedFields({ ...previous, meta: { a: 1 } }, previous), {});
    assert.deepEqual(changedFields({ ...previous, meta: { a: 2 } }, previous), { meta: { a: 2 } });
    assert.deepEqual(changedFields({ isActive: false }, { isActive: true }), { isActive: false });
    assert.deepEqual(changedFields({ password: 'secret' }, {}), { password: 'secret' });
  });
});

describe('API errors', () => {
  test('field errors go under the inputs, the message to the notification', () => {
    const error = spa.http.apiError(400, 'Bad Request', {
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      errors: { email: 'email is already taken', password: ['too short', 'too common'] },
    });
    assert.equal(error.status, 400);
    assert.equal(error.message, 'Validation failed');
    assert.equal(error.body.code, 'VALIDATION_FAILED');
    assert.deepEqual(error.body.errors, {
      email: 'email is already taken',
      password: 'too short too common',
      root: { serverError: 'Validation failed' },
    });
  });

  test('errors without fields keep a message and no field errors', () => {
    const error = spa.http.apiError(409, 'Conflict', { statusCode: 409, code: 'OUT_OF_STOCK', message: 'Out of stock' });
    assert.equal(error.message, 'Out of stock');
    assert.equal(error.body.errors, undefined);
    assert.equal(spa.http.apiError(502, 'Bad Gateway', undefined).message, 'Bad Gateway');
  });
});

// A browser-like world for the session code: localStorage and fetch, scripted per test.
const storage = new Map();
globalThis.window = {
  localStorage: {
    getItem: (key) => (storage.has(key) ? storage.get(key) : null),
    setItem: (key, value) => storage.set(key, String(value)),
    removeItem: (key) => storage.delete(key),
  },
};
let handler = async () => new Response(null, { status: 500 });
const calls = [];
globalThis.fetch = async (url, init = {}) => {
  const headers = new Headers(init.headers);
  const call = { url: String(url), method: init.method ?? 'GET', auth: headers.get('Authorization'), body: init.body };
  calls.push(call);
  return handler(call);
};
const jsonResponse = (status, body, headers = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
const adminUser = { id: 1, email: 'admin@example.com', role: 'admin', profile: { fullName: 'Ada Admin' } };

describe('session refresh', () => {
  let server;
  beforeEach(() => {
    storage.clear();
    calls.length = 0;
    // A tiny API: valid access token `a<n>`, refresh token `r<n>`; refresh rotates to n+1.
    server = { generation: 1, refreshCalls: 0, role: 'admin' };
    spa.session.saveSession({ user: adminUser, accessToken: 'a1', refreshToken: 'r1' });
    handler = async (call) => {
      if (call.url === '/api/auth/refresh') {
        server.refreshCalls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { refreshToken } = JSON.parse(call.body);
        if (refreshToken !== `r${server.generation}`) {
          return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Refresh token reused' });
        }
        server.generation += 1;
        const user = { ...adminUser, role: server.role };
        return jsonResponse(200, { user, accessToken: `a${server.generation}`, refreshToken: `r${server.generation}` });
      }
      if (call.auth !== `Bearer a${server.generation}` || server.expiredGeneration === server.generation) {
        return jsonResponse(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Token expired' });
      }
      return jsonResponse(200, [{ id: 1 }], { 'Content-Range': 'users 0-0/1' });
    };
  });

  test('parallel 401s share one refresh, then every request is retried once', async () => {
    server.expiredGeneration = 1; // a1 has expired; r1 is still good for one use
    const results = await Promise.all([
      spa.http.httpClient('/api/admin/users'),
      spa.http.httpClient('/api/admin/orders'),
      spa.http.httpClient('/api/admin/products'),
    ]);
    assert.equal(server.refreshCalls, 1, 'one refresh for three 401s');
    assert.deepEqual(
      results.map((result) => result.status),
      [200, 200, 200],
    );
    const retried = calls.filter((call) => call.url !== '/api/auth/refresh' && call.auth === 'Bearer a2');
    assert.equal(retried.length, 3);
    assert.equal(spa.session.readSession().refreshToken, 'r2');
  });

  test('a 401 for a token that was already replaced retries without another refresh', async () => {
    const first = spa.session.refreshSession();
    const second = spa.session.refreshSession();
    assert.equal(first, second, 'the same in-flight promise');
    await first;
    assert.equal(server.refreshCalls, 1);
    const response = await spa.http.httpClient('/api/admin/users');
    assert.equal(response.status, 200);
    assert.equal(server.refreshCalls, 1);
  });

  test('a refused refresh ends the session with a 401', async () => {
    spa.session.saveSession({ user: adminUser, accessToken: 'stale', refreshToken: 'revoked' });
    await assert.rejects(spa.http.httpClient('/api/admin/users'), (error) => error.status === 401);
    assert.equal(spa.session.readSession(), null);
  });

  test('a refresh that returns a non back-office user ends the session', async () => {
    server.role = 'customer';
    spa.session.saveSession({ user: adminUser, accessToken: 'stale', refreshToken: 'r1' });
    await assert.rejects(spa.http.httpClient('/api/admin/users'), (error) => error.status === 401);
    assert.equal(spa.session.readSession(), null);
  });

  test('requests carry the bearer token; a 403 is not retried', async () => {
    handler = async () => jsonResponse(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Admins only' });
    await assert.rejects(spa.http.httpClient('/api/admin/users'), (error) => error.status === 403 && error.message === 'Admins only');
    assert.equal(calls.length, 1);
    assert.equal(calls[0].auth, 'Bearer a1');
  });
});

describe('auth provider', () => {
  beforeEach(() => {
    storage.clear();
    calls.length = 0;
  });

  test('a customer is refused and their fresh refresh token revoked', async () => {
    handler = async (call) =>
      call.url === '/api/auth/login'
        ? jsonResponse(200, { user: { ...adminUser, role: 'customer' }, accessToken: 'a', refreshToken: 'r' })
        : new Response(null, { status: 204 });
    await assert.rejects(spa.auth.authProvider.login({ email: 'c@example.com', password: 'pw' }), /customer account/);
    assert.equal(spa.session.readSession(), null);
    assert.deepEqual(
      calls.map((call) => [call.url, call.body]),
      [
        ['/api/auth/login', JSON.stringify({ email: 'c@example.com', password: 'pw' })],
        ['/api/auth/logout', JSON.stringify({ refreshToken: 'r' })],
      ],
    );
  });

  test('wrong credentials show the API message', async () => {
    handler = async () => jsonResponse(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid e-mail or password' });
    await assert.rejects(spa.auth.authProvider.login({ email: 'a@example.com', password: 'x' }), {
      message: 'Invalid e-mail or password',
    });
  });

  test('admin login, identity, role-aware access, logout', async () => {
    handler = async (call) =>
      call.url === '/api/auth/login'
        ? jsonResponse(200, { user: { ...adminUser, role: 'staff' }, accessToken: 'a', refreshToken: 'r' })
        : new Response(null, { status: 204 });
    const { authProvider } = spa.auth;
    await authProvider.login({ email: 'staff@example.com', password: 'pw' });
    assert.deepEqual(await authProvider.getIdentity(), {
      id: 1,
      fullName: 'Ada Admin',
      email: 'admin@example.com',
      role: 'staff',
    });
    assert.equal(await authProvider.canAccess({ resource: 'products', action: 'list' }), true);
    assert.equal(await authProvider.canAccess({ resource: 'users', action: 'list' }), false);
    assert.equal(await authProvider.canAccess({ resource: 'settings', action: 'edit' }), false);
    assert.equal(await authProvider.canAccess({ resource: 'audit-logs', action: 'list' }), false);
    await authProvider.logout({});
    assert.equal(spa.session.readSession(), null);
    assert.deepEqual(calls.at(-1), { url: '/api/auth/logout', method: 'POST', auth: null, body: '{"refreshToken":"r"}' });
    await assert.rejects(authProvider.checkAuth({}));
  });
});

describe('data provider', () => {
  beforeEach(() => {
    storage.clear();
    calls.length = 0;
    spa.session.saveSession({ user: adminUser, accessToken: 'a1', refreshToken: 'r1' });
    handler = async (call) => jsonResponse(200, { id: 2, ...(call.body ? JSON.parse(call.body) : {}) });
  });

  test('update sends only the changed fields as a partial PUT', async () => {
    const previousData = { id: 2, email: 's@example.com', fullName: 'Sam', phone: null, isActive: true };
    await spa.data.dataProvider.update('users', {
      id: 2,
      data: { ...previousData, phone: '+1 555', isActive: false },
      previousData,
    });
    assert.equal(calls.length, 1);
    assert.equal(calls[0].method, 'PUT');
    assert.equal(calls[0].url, '/api/admin/users/2');
    assert.deepEqual(JSON.parse(calls[0].body), { phone: '+1 555', isActive: false });
  });

  test('an update without changes sends nothing', async () => {
    const previousData = { id: 2, fullName: 'Sam' };
    const { data } = await spa.data.dataProvider.update('users', { id: 2, data: { ...previousData }, previousData });
    assert.equal(calls.length, 0);
    assert.deepEqual(data, previousData);
  });

  test('lists use the simple REST protocol under /api/admin', async () => {
    handler = async () => jsonResponse(200, [{ id: 1 }], { 'Content-Range': 'users 0-0/1' });
    const { data, total } = await spa.data.dataProvider.getList('users', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { q: 'ada', role: 'admin' },
    });
    assert.deepEqual(data, [{ id: 1 }]);
    assert.equal(total, 1);
    const url = new URL(calls[0].url, 'http://x');
    assert.equal(url.pathname, '/api/admin/users');
    assert.equal(url.searchParams.get('range'), '[0,24]');
    assert.equal(url.searchParams.get('sort'), '["createdAt","DESC"]');
    assert.deepEqual(JSON.parse(url.searchParams.get('filter')), { q: 'ada', role: 'admin' });
  });

  test('settings: GET and a partial PUT', async () => {
    handler = async () => jsonResponse(200, { storeName: 'Chance', currency: 'USD', taxRateBps: 725, lowStockThreshold: 5 });
    await spa.data.dataProvider.getSettings();
    await spa.data.dataProvider.updateSettings({ taxRateBps: 725 });
    assert.deepEqual(
      calls.map((call) => [call.method, call.url, call.body ?? null]),
      [
        ['GET', '/api/admin/settings', null],
        ['PUT', '/api/admin/settings', '{"taxRateBps":725}'],
      ],
    );
  });
});
