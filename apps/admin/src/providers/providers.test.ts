// The providers against a scripted API, in Node: API errors mapped for react-admin, the
// single-flight token refresh (refresh tokens are single use), sign-in and role-aware access, and
// the data provider's partial PUTs and list protocol.
import assert from 'node:assert/strict';
import { beforeEach, describe, test, vi } from 'vitest';
import type { SessionUser } from '../types';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { apiError, httpClient } from './httpClient';
import { readSession, refreshSession, saveSession as storeSession, type Session } from './session';

describe('API errors', () => {
  test('field errors go under the inputs, the message to the notification', () => {
    const error = apiError(400, 'Bad Request', {
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
    const error = apiError(409, 'Conflict', { statusCode: 409, code: 'OUT_OF_STOCK', message: 'Out of stock' });
    assert.equal(error.message, 'Out of stock');
    assert.equal(error.body.errors, undefined);
    assert.equal(apiError(502, 'Bad Gateway', undefined).message, 'Bad Gateway');
  });
});

// A browser-like world for the session code: localStorage and fetch, scripted per test.
interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: BodyInit | null | undefined;
}
const storage = new Map<string, string>();
vi.stubGlobal('window', {
  localStorage: {
    getItem: (key: string) => (storage.has(key) ? storage.get(key) : null),
    setItem: (key: string, value: string) => storage.set(key, String(value)),
    removeItem: (key: string) => storage.delete(key),
  },
});
let handler: (call: Call) => Promise<Response> = async () => new Response(null, { status: 500 });
const calls: Call[] = [];
vi.stubGlobal('fetch', async (url: string | URL, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  const call = { url: String(url), method: init.method ?? 'GET', auth: headers.get('Authorization'), body: init.body };
  calls.push(call);
  return handler(call);
});
const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
/** A session user as the API returns it (the fields the SPA reads). */
const adminUser = { id: 1, email: 'admin@example.com', role: 'admin', profile: { fullName: 'Ada Admin' } } as SessionUser;
/** Stores a session as the API's login answer would (its `expiresIn` is not read). */
const saveSession = (session: Omit<Session, 'expiresIn'>) => storeSession(session as Session);
const requestBody = (call: Call) => JSON.parse(String(call.body));
/** An HttpError-like rejection. */
const failure = (error: unknown) => error as { status: number; message: string };

describe('session refresh', () => {
  let server: { generation: number; refreshCalls: number; role: string; expiredGeneration?: number };
  beforeEach(() => {
    storage.clear();
    calls.length = 0;
    // A tiny API: valid access token `a<n>`, refresh token `r<n>`; refresh rotates to n+1.
    server = { generation: 1, refreshCalls: 0, role: 'admin' };
    saveSession({ user: adminUser, accessToken: 'a1', refreshToken: 'r1' });
    handler = async (call) => {
      if (call.url === '/api/auth/refresh') {
        server.refreshCalls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { refreshToken } = requestBody(call);
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
    const results = await Promise.all([httpClient('/api/admin/users'), httpClient('/api/admin/orders'), httpClient('/api/admin/products')]);
    assert.equal(server.refreshCalls, 1, 'one refresh for three 401s');
    assert.deepEqual(
      results.map((result) => result.status),
      [200, 200, 200],
    );
    const retried = calls.filter((call) => call.url !== '/api/auth/refresh' && call.auth === 'Bearer a2');
    assert.equal(retried.length, 3);
    assert.equal(readSession()?.refreshToken, 'r2');
  });

  test('a 401 for a token that was already replaced retries without another refresh', async () => {
    const first = refreshSession();
    const second = refreshSession();
    assert.equal(first, second, 'the same in-flight promise');
    await first;
    assert.equal(server.refreshCalls, 1);
    const response = await httpClient('/api/admin/users');
    assert.equal(response.status, 200);
    assert.equal(server.refreshCalls, 1);
  });

  test('a refused refresh ends the session with a 401', async () => {
    saveSession({ user: adminUser, accessToken: 'stale', refreshToken: 'revoked' });
    await assert.rejects(httpClient('/api/admin/users'), (error) => failure(error).status === 401);
    assert.equal(readSession(), null);
  });

  test('a refresh that returns a non back-office user ends the session', async () => {
    server.role = 'customer';
    saveSession({ user: adminUser, accessToken: 'stale', refreshToken: 'r1' });
    await assert.rejects(httpClient('/api/admin/users'), (error) => failure(error).status === 401);
    assert.equal(readSession(), null);
  });

  test('requests carry the bearer token; a 403 is not retried', async () => {
    handler = async () => jsonResponse(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Admins only' });
    await assert.rejects(httpClient('/api/admin/users'), (error) => failure(error).status === 403 && failure(error).message === 'Admins only');
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
    await assert.rejects(authProvider.login({ email: 'c@example.com', password: 'pw' }), /customer account/);
    assert.equal(readSession(), null);
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
    await assert.rejects(authProvider.login({ email: 'a@example.com', password: 'x' }), {
      message: 'Invalid e-mail or password',
    });
  });

  test('admin login, identity, role-aware access, logout', async () => {
    handler = async (call) =>
      call.url === '/api/auth/login'
        ? jsonResponse(200, { user: { ...adminUser, role: 'staff' }, accessToken: 'a', refreshToken: 'r' })
        : new Response(null, { status: 204 });
    await authProvider.login({ email: 'staff@example.com', password: 'pw' });
    assert.deepEqual(await authProvider.getIdentity!(), {
      id: 1,
      fullName: 'Ada Admin',
      email: 'admin@example.com',
      role: 'staff',
    });
    assert.equal(await authProvider.canAccess!({ resource: 'products', action: 'list' }), true);
    assert.equal(await authProvider.canAccess!({ resource: 'users', action: 'list' }), false);
    assert.equal(await authProvider.canAccess!({ resource: 'settings', action: 'edit' }), false);
    assert.equal(await authProvider.canAccess!({ resource: 'audit-logs', action: 'list' }), false);
    await authProvider.logout({});
    assert.equal(readSession(), null);
    assert.deepEqual(calls.at(-1), { url: '/api/auth/logout', method: 'POST', auth: null, body: '{"refreshToken":"r"}' });
    await assert.rejects(authProvider.checkAuth({}));
  });
});

describe('data provider', () => {
  beforeEach(() => {
    storage.clear();
    calls.length = 0;
    saveSession({ user: adminUser, accessToken: 'a1', refreshToken: 'r1' });
    handler = async (call) => jsonResponse(200, { id: 2, ...(call.body ? requestBody(call) : {}) });
  });

  test('update sends only the changed fields as a partial PUT', async () => {
    const previousData = { id: 2, email: 's@example.com', fullName: 'Sam', phone: null, isActive: true };
    await dataProvider.update('users', {
      id: 2,
      data: { ...previousData, phone: '+1 555', isActive: false },
      previousData,
    });
    assert.equal(calls.length, 1);
    assert.equal(calls[0].method, 'PUT');
    assert.equal(calls[0].url, '/api/admin/users/2');
    assert.deepEqual(requestBody(calls[0]), { phone: '+1 555', isActive: false });
  });

  test('an update without changes sends nothing', async () => {
    const previousData = { id: 2, fullName: 'Sam' };
    const { data } = await dataProvider.update('users', { id: 2, data: { ...previousData }, previousData });
    assert.equal(calls.length, 0);
    assert.deepEqual(data, previousData);
  });

  test('lists use the simple REST protocol under /api/admin', async () => {
    handler = async () => jsonResponse(200, [{ id: 1 }], { 'Content-Range': 'users 0-0/1' });
    const { data, total } = await dataProvider.getList('users', {
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
    assert.deepEqual(JSON.parse(url.searchParams.get('filter')!), { q: 'ada', role: 'admin' });
  });

  test('settings: GET and a partial PUT', async () => {
    handler = async () => jsonResponse(200, { storeName: 'Chance', currency: 'USD', taxRateBps: 725, lowStockThreshold: 5 });
    await dataProvider.getSettings();
    await dataProvider.updateSettings({ taxRateBps: 725 });
    assert.deepEqual(
      calls.map((call) => [call.method, call.url, call.body ?? null]),
      [
        ['GET', '/api/admin/settings', null],
        ['PUT', '/api/admin/settings', '{"taxRateBps":725}'],
      ],
    );
  });
});
