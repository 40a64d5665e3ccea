import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { Retention, Scheduler } from '@chance/core';
import { createTestDatabase } from '@chance/core/testing';
import { loadConfig } from '../src/config.js';
import { ROOT, spawnApi } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

// The attack suite, identity part: sign-in, sessions, streams, secrets and the limits of
// docs/api.md#limits, tried from outside over real HTTP. `api` keeps the shipped per-e-mail login limit (10)
// with the per-IP limits out of the way; `limited` has small per-IP and per-user limits, a narrow
// password-hashing gate and no outbox relay (so that no background transaction runs there).
const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
let api: TestApi;
let limited: TestApi;
let admin: string;
let limitedAdmin: string;
let variantId: number;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100', RATE_LIMIT_REGISTER_PER_MINUTE: '1000' });
  limited = await startTestApi({
    OUTBOX_RELAY: 'off',
    RATE_LIMIT_REGISTER_PER_MINUTE: '1000',
    RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '5',
    RATE_LIMIT_COUPON_TRIES_PER_MINUTE: '3',
    RATE_LIMIT_GUEST_CARTS_PER_MINUTE: '3',
    RATE_LIMIT_MESSAGES_PER_HOUR: '2',
    PASSWORD_HASH_CONCURRENCY: '2',
    PASSWORD_HASH_QUEUE: '3',
  });
  admin = await api.login(ADMIN.email, ADMIN.password);
  limitedAdmin = await limited.login(ADMIN.email, ADMIN.password);
  variantId = (await productWithStock(api, admin, { name: 'Lamp', price: 2000, costPrice: 800, stock: 500 })).variantIds[0];
});
afterAll(async () => {
  await api?.close();
  await limited?.close();
});

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
/** A token signed with the test key: a valid signature on whatever claims the test chooses. */
const signed = (claims: object, alg = 'HS256', key = SECRET) => {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg]!;
  return `${head}.${createHmac(hash, key).update(head).digest('base64url')}`;
};

/** Counts argon2 password checks made by the app (it shares this module instance) while `work` runs. */
async function countingPasswordChecks<T>(work: () => Promise<T>): Promise<{ result: T; checks: number }> {
  const real = argon2.verify;
  let checks = 0;
  argon2.verify = ((...args: Parameters<typeof real>) => {
    checks++;
    return real.apply(argon2, args);
  }) as typeof real;
  try {
    return { result: await work(), checks };
  } finally {
    argon2.verify = real;
  }
}

/** Holds every argon2 hash the app starts until `release()`; `started` counts those waiting. */
function holdHashing() {
  const real = argon2.hash;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = {
    started: 0,
    release: () => {
      argon2.hash = real;
      release();
    },
  };
  argon2.hash = (async (...args: Parameters<typeof real>) => {
    held.started++;
    await gate;
    return real.apply(argon2, args);
  }) as typeof real;
  return held;
}

const statuses = (replies: { status: number }[]) => replies.reduce<Record<number, number>>((all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }), {});

interface Stream {
  ended: Promise<void>;
  text(): string;
  isOpen(): boolean;
  abort(): void;
}

/** Opens the notification stream and waits for its first comment. */
async function openStream(on: { url: string }, token: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${on.url}/api/me/notifications/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let open = true;
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      /* aborted */
    }
    open = false;
  })();
  await eventually(async () => expect(text).toContain(': connected'));
  return { ended, text: () => text, isOpen: () => open, abort: () => controller.abort() };
}

/** Fails (instead of hanging the file) when the stream is still open after a generous while. */
const endsSoon = (stream: Stream, what: string) =>
  Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: the stream is still open`)), 20_000).unref())]);

describe('login lockout holds under concurrency (docs/api.md#authentication, #limits)', () => {
  it('checks at most RATE_LIMIT_LOGIN_FAILURES (10) passwords for one e-mail in a burst of 200, then refuses even the right one', async () => {
    const victim = await api.registerCustomer();
    const { result: replies, checks } = await countingPasswordChecks(() =>
      Promise.all(Array.from({ length: 200 }, (_, i) => api.request('POST', '/api/auth/login', { body: { email: victim.email, password: `guess-${i}` } }))),
    );
    expect(checks).toBeLessThanOrEqual(10);
    expect(statuses(replies)).toEqual({ 401: 10, 429: 190 });
    for (const reply of replies.filter((r) => r.status === 429)) {
      expect(reply.body.code).toBe('RATE_LIMITED');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const right = await api.request('POST', '/api/auth/login', { body: { email: victim.email, password: victim.password } });
    expect([right.status, right.body.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('an unknown e-mail is limited the same way (its dummy checks count too)', async () => {
    const { result: replies, checks } = await countingPasswordChecks(() =>
      Promise.all(Array.from({ length: 60 }, () => api.request('POST', '/api/auth/login', { body: { email: 'nobody-at-all@shop.test', password: 'guess' } }))),
    );
    expect(checks).toBeLessThanOrEqual(10);
    expect(statuses(replies)).toEqual({ 401: 10, 429: 50 });
  });

  it('limits login attempts per IP (RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE=5 here), the right password included', async () => {
    await limited.db.pool.query(`DELETE FROM rate_limit_hits`);
    for (let i = 0; i < 5; i++) {
      const reply = await limited.request('POST', '/api/auth/login', { body: { email: `someone-${i}@shop.test`, password: 'guess-guess' } });
      expect(reply.status).toBe(401);
    }
    const { result: refused, checks } = await countingPasswordChecks(() => limited.request('POST', '/api/auth/login', { body: ADMIN }));
    expect([refused.status, refused.body.code, checks]).toEqual([429, 'RATE_LIMITED', 0]);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await limited.db.pool.query(`DELETE FROM rate_limit_hits`);
  });
});

describe('password hashing cannot starve everyone', () => {
  it('registration hashes the password before it opens a transaction (no connection is held while hashing)', async () => {
    const held = holdHashing();
    try {
      const reply = limited.request('POST', '/api/auth/register', { body: { email: 'slow-hash@shop.test', password: 'a fine password', fullName: 'Slow' } });
      await eventually(async () => expect(held.started).toBe(1));
      const { rows } = await limited.db.pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'chance-store-api' AND xact_start IS NOT NULL`,
      );
      expect(rows[0].n).toBe(0);
      held.release();
      expect((await reply).status).toBe(201);
    } finally {
      held.release();
    }
  });

  it('beyond PASSWORD_HASH_CONCURRENCY (2) + PASSWORD_HASH_QUEUE (3) waiting, refuses at once with 503 and Retry-After, and saves nothing', async () => {
    const before = (await limited.db.pool.query('SELECT count(*)::int AS n FROM users')).rows[0].n;
    const held = holdHashing();
    const settled: { status: number; body: any; headers: Headers }[] = [];
    try {
      const replies = Array.from({ length: 8 }, (_, i) =>
        limited
          .request('POST', '/api/auth/register', { body: { email: `queued-${i}@shop.test`, password: 'a fine password', fullName: 'Queued' } })
          .then((reply) => (settled.push(reply), reply)),
      );
      await eventually(async () => expect(settled.length).toBe(3));
      for (const reply of settled) {
        expect([reply.status, reply.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
        expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(held.started).toBe(2);
      held.release();
      expect(statuses(await Promise.all(replies))).toEqual({ 201: 5, 503: 3 });
    } finally {
      held.release();
    }
    expect((await limited.db.pool.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(before + 5);
  });
});

describe('tokens', () => {
  it('refuses a validly signed token without exp (401)', async () => {
    const customer = await api.registerCustomer();
    const { exp, ...claims } = claimsOf(customer.token);
    expect(exp).toEqual(expect.any(Number));
    const reply = await api.request('GET', '/api/me', { token: signed(claims) });
    expect([reply.status, reply.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await api.request('GET', '/api/me', { token: signed({ ...claims, exp }) })).status).toBe(200);
  });

  it('pins the algorithm to HS256: the right key with HS384 or HS512 is refused', async () => {
    const customer = await api.registerCustomer();
    const claims = claimsOf(customer.token);
    for (const alg of ['HS384', 'HS512']) {
      const reply = await api.request('GET', '/api/me', { token: signed(claims, alg) });
      expect([alg, reply.status, reply.body.code]).toEqual([alg, 401, 'UNAUTHENTICATED']);
    }
  });

  it('reads the database once to authenticate a request', async () => {
    const customer = await api.registerCustomer();
    const before = api.queries.length;
    expect((await api.request('GET', '/api/me/notifications/unread-count', { token: customer.token })).status).toBe(200);
    const ran = api.queries.slice(before).filter((q) => !/outbox_events|outbox_deliveries/.test(q));
    expect(ran).toHaveLength(2); // the sign-in check and the count
  });
});

describe('sessions end at once (docs/api.md#tokens-and-sessions)', () => {
  const me = (token: string) => api.request('GET', '/api/me', { token });
  const refresh = (refreshToken: string) => api.request('POST', '/api/auth/refresh', { body: { refreshToken } });
  const login = (email: string, password: string) => api.request('POST', '/api/auth/login', { body: { email, password } });

  it('logout ends that session, its access token included; the user’s other sessions go on', async () => {
    const customer = await api.registerCustomer();
    const other = (await login(customer.email, customer.password)).body;
    expect((await api.request('POST', '/api/auth/logout', { body: { refreshToken: customer.refreshToken } })).status).toBe(204);
    const refused = await me(customer.token);
    expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await refresh(customer.refreshToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('POST /api/me/logout-all ends every session of the user, the caller’s too', async () => {
    const customer = await api.registerCustomer();
    const other = (await login(customer.email, customer.password)).body;
    const rotated = (await refresh(other.refreshToken)).body;
    const out = await api.request('POST', '/api/me/logout-all', { token: customer.token });
    expect(out.status).toBe(204);
    for (const token of [customer.token, other.accessToken, rotated.accessToken]) expect((await me(token)).status).toBe(401);
    for (const token of [customer.refreshToken, rotated.refreshToken]) expect((await refresh(token)).status).toBe(401);
    const again = await login(customer.email, customer.password);
    expect(again.status).toBe(200);
    expect((await me(again.body.accessToken)).status).toBe(200);
  });

  it('an admin’s new password for a user ends the user’s sessions; the new password signs in', async () => {
    const customer = await api.registerCustomer();
    const reset = await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { password: 'reset-by-admin-1' } });
    expect(reset.status).toBe(200);
    expect((await me(customer.token)).status).toBe(401);
    expect((await refresh(customer.refreshToken)).status).toBe(401);
    expect((await login(customer.email, customer.password)).status).toBe(401);
    expect((await login(customer.email, 'reset-by-admin-1')).status).toBe(200);
  });

  it('a role change ends the user’s sessions (they sign in again with the new role)', async () => {
    const customer = await api.registerCustomer();
    const unchanged = await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { role: 'customer', fullName: 'Still Me' } });
    expect(unchanged.status).toBe(200);
    expect((await me(customer.token)).status).toBe(200);
    expect((await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { role: 'staff' } })).status).toBe(200);
    expect((await me(customer.token)).status).toBe(401);
    const fresh = await login(customer.email, customer.password);
    expect(fresh.body.user.role).toBe('staff');
    expect((await api.request('GET', '/api/admin/orders', { token: fresh.body.accessToken })).status).toBe(200);
  });

  it('deactivation ends the sessions for good: reactivating the user does not revive old tokens', async () => {
    const customer = await api.registerCustomer();
    await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { isActive: false } });
    expect((await me(customer.token)).status).toBe(401);
    await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { isActive: true } });
    expect((await me(customer.token)).status).toBe(401);
    expect((await refresh(customer.refreshToken)).status).toBe(401);
    expect((await login(customer.email, customer.password)).status).toBe(200);
  });

  it('POST /api/me/password checks the current password, then ends every session', async () => {
    const customer = await api.registerCustomer();
    const wrong = await api.request('POST', '/api/me/password', {
      token: customer.token,
      body: { currentPassword: 'not-my-password', newPassword: 'brand-new-pass' },
    });
    expect([wrong.status, wrong.body.code, Object.keys(wrong.body.errors)]).toEqual([400, 'VALIDATION_FAILED', ['currentPassword']]);
    const short = await api.request('POST', '/api/me/password', { token: customer.token, body: { currentPassword: customer.password, newPassword: 'short' } });
    expect([short.status, Object.keys(short.body.errors)]).toEqual([400, ['newPassword']]);
    expect((await me(customer.token)).status).toBe(200);
    const changed = await api.request('POST', '/api/me/password', {
      token: customer.token,
      body: { currentPassword: customer.password, newPassword: 'brand-new-pass' },
    });
    expect(changed.status).toBe(204);
    expect((await me(customer.token)).status).toBe(401);
    expect((await refresh(customer.refreshToken)).status).toBe(401);
    expect((await login(customer.email, customer.password)).status).toBe(401);
    expect((await login(customer.email, 'brand-new-pass')).status).toBe(200);
    expect((await api.request('POST', '/api/me/password', { body: { currentPassword: 'x', newPassword: 'yyyyyyyy' } })).status).toBe(401);
  });

  it('closes a notification stream when its session ends, and the user’s other sessions’ streams when all end', async () => {
    const customer = await api.registerCustomer();
    const other = (await login(customer.email, customer.password)).body;
    const mine = await openStream(api, customer.token);
    const theirs = await openStream(api, other.accessToken);
    await api.request('POST', '/api/auth/logout', { body: { refreshToken: customer.refreshToken } });
    await endsSoon(mine, 'after logout');
    expect(theirs.isOpen()).toBe(true);
    await api.request('PUT', `/api/admin/users/${customer.id}`, { token: admin, body: { password: 'reset-by-admin-2' } });
    await endsSoon(theirs, 'after a password reset');
  });

  it('removes sessions that can authenticate nothing any more, and keeps the open ones', async () => {
    const ended = await api.registerCustomer();
    await api.request('POST', '/api/auth/logout', { body: { refreshToken: ended.refreshToken } });
    const lapsed = await api.registerCustomer();
    const open = await api.registerCustomer();
    const sessionOf = (token: string) => claimsOf(token).sid as string;
    await api.db.pool.query(`UPDATE sessions SET ended_at = now() - interval '2 days' WHERE id = $1`, [sessionOf(ended.token)]);
    await api.db.pool.query(`UPDATE sessions SET created_at = now() - interval '40 days' WHERE id = $1`, [sessionOf(lapsed.token)]);
    await api.db.pool.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 day' WHERE family_id = $1`, [sessionOf(lapsed.token)]);
    expect(await api.app.get(Scheduler).runOnce(api.app.get(Retention))).toBe(true);
    const { rows } = await api.db.pool.query('SELECT id FROM sessions WHERE id = ANY($1)', [[ended, lapsed, open].map((c) => sessionOf(c.token))]);
    expect(rows.map((r) => r.id)).toEqual([sessionOf(open.token)]);
    expect((await me(lapsed.token)).status).toBe(401);
    expect((await me(open.token)).status).toBe(200);
  });

  it('closes a notification stream when its access token expires', async () => {
    const customer = await api.registerCustomer();
    const claims = claimsOf(customer.token);
    const stream = await openStream(api, signed({ ...claims, exp: Math.floor(Date.now() / 1000) + 2 }));
    await endsSoon(stream, 'after the token expired');
  });
});

describe('notification streams per user (docs/api.md#limits)', () => {
  it('keeps at most 5 open: each new one past five closes the oldest', async () => {
    const customer = await api.registerCustomer();
    const streams: Stream[] = [];
    for (let i = 0; i < 7; i++) streams.push(await openStream(api, customer.token));
    await endsSoon(streams[0], 'the oldest');
    await endsSoon(streams[1], 'the second oldest');
    await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: customer.id, title: 'Five of you', body: 'hello' } });
    for (const stream of streams.slice(2)) await eventually(async () => expect(stream.text()).toContain('Five of you'));
    expect(streams.slice(2).every((s) => s.isOpen())).toBe(true);
    for (const stream of streams) stream.abort();
  });
});

describe('notification streams across API processes (docs/api.md#limits, #tokens-and-sessions)', () => {
  it('holds the cap of five over two processes on one database, and ends streams on both when the sessions end', async () => {
    const other = await spawnApi({ DATABASE_URL: api.db.url, JWT_SECRET: SECRET, OUTBOX_RELAY: 'off', LOG_LEVEL: 'warn' });
    try {
      const customer = await api.registerCustomer();
      const here: Stream[] = [];
      const there: Stream[] = [];
      for (let i = 0; i < 3; i++) here.push(await openStream(api, customer.token));
      for (let i = 0; i < 3; i++) there.push(await openStream(other, customer.token));
      await endsSoon(here[0], 'the oldest, opened on the first process');
      expect([...here.slice(1), ...there].every((s) => s.isOpen())).toBe(true);
      expect((await api.request('POST', '/api/me/logout-all', { token: customer.token })).status).toBe(204);
      for (const stream of [...here.slice(1), ...there]) await endsSoon(stream, 'after logout-all');
    } finally {
      await other.stop();
    }
  });
});

describe('limits of docs/api.md#limits per IP and per user', () => {
  it('guest carts per IP (RATE_LIMIT_GUEST_CARTS_PER_MINUTE=3 here); a signed-in customer’s cart is not a guest cart', async () => {
    for (let i = 0; i < 3; i++) expect((await limited.request('POST', '/api/store/carts')).status).toBe(201);
    const refused = await limited.request('POST', '/api/store/carts');
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const customer = await limited.registerCustomer();
    expect((await limited.request('POST', '/api/store/carts', { token: customer.token })).status).toBe(201);
  });

  it('coupon codes tried on carts per IP (RATE_LIMIT_COUPON_TRIES_PER_MINUTE=3 here), the right one included', async () => {
    const coupon = await limited.request('POST', '/api/admin/coupons', {
      token: limitedAdmin,
      body: { code: 'REALONE', discountType: 'fixed', discountValue: 100 },
    });
    expect(coupon.status).toBe(201);
    const guesser = await limited.registerCustomer();
    const cart = (await limited.request('GET', '/api/store/carts/mine', { token: guesser.token })).body;
    for (const code of ['GUESS1', 'GUESS2', 'GUESS3']) {
      const reply = await limited.request('POST', `/api/store/carts/${cart.id}/coupon`, { token: guesser.token, body: { code } });
      expect([reply.status, reply.body.code]).toEqual([400, 'COUPON_NOT_FOUND']);
    }
    const refused = await limited.request('POST', `/api/store/carts/${cart.id}/coupon`, { token: guesser.token, body: { code: 'REALONE' } });
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.request('GET', `/api/store/carts/${cart.id}`, { token: guesser.token })).body.couponCode).toBeNull();
  });

  it('customer messages per user (RATE_LIMIT_MESSAGES_PER_HOUR=2 here): the refused one notifies no one', async () => {
    const writer = await limited.registerCustomer();
    for (let i = 0; i < 2; i++) {
      expect((await limited.request('POST', '/api/me/messages', { token: writer.token, body: { title: `Hello ${i}`, body: 'hi' } })).status).toBe(202);
    }
    const refused = await limited.request('POST', '/api/me/messages', { token: writer.token, body: { title: 'Hello 2', body: 'hi' } });
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rows } = await limited.db.pool.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'message.sent' AND (payload->>'fromUserId')::int = $1`,
      [writer.id],
    );
    expect(rows[0].n).toBe(2);
    const other = await limited.registerCustomer();
    expect((await limited.request('POST', '/api/me/messages', { token: other.token, body: { title: 'Mine', body: 'hi' } })).status).toBe(202);
  });

  it('prunes rate-limit hits older than every window with the retention job', async () => {
    await api.db.pool.query(
      `INSERT INTO rate_limit_hits (key, at) VALUES ('old:1', now() - interval '2 hours'), ('old:2', now() - interval '3 days'), ('fresh:1', now())`,
    );
    expect(await api.app.get(Scheduler).runOnce(api.app.get(Retention))).toBe(true);
    const { rows } = await api.db.pool.query(`SELECT key FROM rate_limit_hits WHERE key IN ('old:1', 'old:2', 'fresh:1')`);
    expect(rows.map((r) => r.key)).toEqual(['fresh:1']);
  });
});

describe('coupon per-customer limit across guest and account (docs/api.md#coupons)', () => {
  const couponWith = async (code: string) =>
    (await api.request('POST', '/api/admin/coupons', { token: admin, body: { code, discountType: 'fixed', discountValue: 100, perCustomerLimit: 1 } })).body;

  it('counts guest orders with the account’s e-mail against the account', async () => {
    await couponWith('ONCEEACH');
    const bob = await api.registerCustomer('bob.coupon@shop.test');
    const guest = await guestCartWith(api, [{ variantId, quantity: 1 }], 'ONCEEACH');
    expect((await guestCheckout(api, guest, { email: 'Bob.Coupon@Shop.test' })).status).toBe(201);
    const cart = (await api.request('GET', '/api/store/carts/mine', { token: bob.token })).body;
    await api.request('POST', `/api/store/carts/${cart.id}/items`, { token: bob.token, body: { variantId, quantity: 1 } });
    const applied = await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { token: bob.token, body: { code: 'onceeach' } });
    expect([applied.status, applied.body.code]).toEqual([409, 'COUPON_CUSTOMER_LIMIT']);
  });

  it('holds under concurrent checkouts by the account and by guests with its e-mail', async () => {
    const coupon = await couponWith('RACEONCE');
    const carol = await api.registerCustomer('carol.coupon@shop.test');
    const cart = (await api.request('GET', '/api/store/carts/mine', { token: carol.token })).body;
    await api.request('POST', `/api/store/carts/${cart.id}/items`, { token: carol.token, body: { variantId, quantity: 1 } });
    expect((await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { token: carol.token, body: { code: 'RACEONCE' } })).status).toBe(200);
    const guests = await Promise.all(Array.from({ length: 6 }, () => guestCartWith(api, [{ variantId, quantity: 1 }], 'RACEONCE')));
    const replies = await Promise.all([
      api.request('POST', '/api/store/checkout', {
        token: carol.token,
        headers: { 'idempotency-key': randomUUID() },
        body: { cartId: cart.id, shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
      }),
      ...guests.map((guest, i) => guestCheckout(api, guest, { email: i % 2 ? 'CAROL.coupon@shop.test' : 'carol.coupon@shop.test' })),
    ]);
    expect(statuses(replies)).toEqual({ 201: 1, 409: 6 });
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.code).toBe('COUPON_CUSTOMER_LIMIT');
    const { rows } = await api.db.pool.query('SELECT count(*)::int AS n FROM coupon_redemptions WHERE coupon_id = $1', [coupon.id]);
    expect(rows[0].n).toBe(1);
  });
});

describe('nothing that proves access is stored readable (docs/api.md#limits)', () => {
  it('keeps a guest order’s token out of its idempotency record, and a replay still answers it', async () => {
    const cart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
    const key = randomUUID();
    const first = await guestCheckout(api, cart, { key });
    expect(first.status).toBe(201);
    const token: string = first.body.accessToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/); // at least 256 bits, base64url
    const stored = await api.db.pool.query('SELECT response_body::text AS body FROM idempotency_keys WHERE key = $1', [key]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].body).not.toContain(token);
    expect(stored.rows[0].body).not.toContain('accessToken');
    const orders = await api.db.pool.query(
      `SELECT count(*)::int AS n FROM orders WHERE access_token_hash = $1 OR shipping_address::text LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(orders.rows[0].n).toBe(0);

    const replay = await guestCheckout(api, cart, { key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await api.request('GET', `/api/store/orders/${first.body.id}`, { headers: { 'x-order-token': token } })).status).toBe(200);
    const otherCart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
    const otherOrder = (await guestCheckout(api, otherCart)).body;
    expect(otherOrder.accessToken).not.toBe(token);
    expect((await api.request('GET', `/api/store/orders/${otherOrder.id}`, { headers: { 'x-order-token': token } })).status).toBe(404);
  });
});

describe('secrets in production (docs/api.md#limits)', () => {
  const COMPOSE_JWT_SECRET = 'change-me-to-a-long-random-string-of-48-chars-or-more';
  const COMPOSE_ADMIN_PASSWORD = 'change-me-please';
  const strong = () => ({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    ADMIN_EMAIL: 'owner@shop.test',
    ADMIN_PASSWORD: 'a long owner passphrase',
    DATA_DIR: '/nonexistent-test-data-dir',
  });

  it('the config loader refuses known placeholders and weak values, naming the variable but never its value', () => {
    expect(() => loadConfig(strong())).not.toThrow();
    const weakSecrets = [
      COMPOSE_JWT_SECRET,
      'changeme-changeme-changeme-changeme',
      'secretsecretsecretsecretsecretsecret',
      'x'.repeat(48),
      '0123456789012345678901234567890123456789',
      'short-but-random-Zq8',
    ];
    for (const JWT_SECRET of weakSecrets) {
      const attempt = () => loadConfig({ ...strong(), JWT_SECRET });
      expect(attempt).toThrow(/JWT_SECRET/);
      expect(attempt).not.toThrow(JWT_SECRET);
    }
    for (const ADMIN_PASSWORD of [COMPOSE_ADMIN_PASSWORD, 'changeme', 'password1234', 'admin-admin-admin', 'Password123456', 'short-pw']) {
      const attempt = () => loadConfig({ ...strong(), ADMIN_PASSWORD });
      expect(attempt).toThrow(/ADMIN_PASSWORD/);
      expect(attempt).not.toThrow(ADMIN_PASSWORD);
    }
    // for local use (not production) they still work, as they always did
    expect(() => loadConfig({ ...strong(), NODE_ENV: 'development', JWT_SECRET: COMPOSE_JWT_SECRET, ADMIN_PASSWORD: COMPOSE_ADMIN_PASSWORD })).not.toThrow();
  });

  it('docker-compose.yml holds no secret: it requires them from the environment or .env', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).not.toContain(COMPOSE_JWT_SECRET);
    expect(compose).not.toContain(COMPOSE_ADMIN_PASSWORD);
    expect(compose).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?[^}]+\}/);
    expect(compose).toMatch(/ADMIN_PASSWORD: \$\{ADMIN_PASSWORD:\?[^}]+\}/);
  });

  it('the built API refuses to start in production with the compose placeholders, and starts with strong secrets', async () => {
    const db = await createTestDatabase();
    try {
      const refused = await new Promise<{ code: number | null; output: string }>((done) => {
        let output = '';
        const child = spawn(process.execPath, ['--import', './tools/register-aliases.js', 'dist/apps/api/src/main.js'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            ...strong(),
            JWT_SECRET: COMPOSE_JWT_SECRET,
            ADMIN_PASSWORD: COMPOSE_ADMIN_PASSWORD,
            DATABASE_URL: db.url,
            PORT: '0',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        // only a safety net for a start that hangs: on a busy machine loading the API alone took over 30 s
        const kill = setTimeout(() => child.kill('SIGKILL'), 240_000);
        child.on('exit', (code) => {
          clearTimeout(kill);
          done({ code, output });
        });
      });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/JWT_SECRET/);
      expect(refused.output).not.toContain(COMPOSE_JWT_SECRET);

      const env = strong();
      const started = await spawnApi({ ...env, DATABASE_URL: db.url });
      try {
        const login = await fetch(`${started.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
        });
        expect(login.status).toBe(200);
        const { accessToken } = (await login.json()) as { accessToken: string };
        const users = (token: string) => fetch(`${started.url}/api/admin/users`, { headers: { authorization: `Bearer ${token}` } });
        expect((await users(accessToken)).status).toBe(200);
        // the same claims signed with the placeholder key anyone could read
        expect((await users(signed(claimsOf(accessToken), 'HS256', COMPOSE_JWT_SECRET))).status).toBe(401);
      } finally {
        await started.stop();
      }
    } finally {
      await db.drop();
    }
  }, 600_000);
});
