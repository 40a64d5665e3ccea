import { createHash } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

// Account recovery (docs/api.md#account-recovery): forgot → 202 whether or not the account exists (same body;
// the reset e-mail goes through the outbox, so the answer does not wait on the lookup — timing is
// measured by `npm run bench -- --only integrations`, not asserted here); a single-use link
// valid 30 minutes, stored hashed; a reset ends every session at once.

const PUBLIC_URL = 'https://shop.example.com';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL, RATE_LIMIT_PASSWORD_RESETS: '3', LOG_LEVEL: 'info' }, {}, { captureHttpLog: true });
});
afterAll(() => api.close());

const forgot = (email: string) => api.request('POST', '/api/auth/password/forgot', { body: { email } });
const reset = (token: string, password: string) => api.request('POST', '/api/auth/password/reset', { body: { token, password } });

/** Asks for a link and reads it from the e-mail the log transport writes. */
async function resetLinkFor(email: string): Promise<string> {
  const before = api.logs.lines.length;
  expect((await forgot(email)).status).toBe(202);
  return eventually(async () => {
    const mail = api.logs.lines.slice(before).find((l) => l.startsWith(`E-mail to ${email}: `) && l.includes('/reset-password?token='));
    if (!mail) throw new Error('no reset e-mail yet');
    return /(https:\/\/shop\.example\.com\/reset-password\?token=[A-Za-z0-9_%-]+)/.exec(mail)![1];
  });
}
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);

describe('asking for a reset link', () => {
  it('answers the same 202 body for an existing account and for an unknown e-mail, and e-mails only the existing one', async () => {
    const customer = await api.registerCustomer();
    const known = await forgot(customer.email);
    const unknown = await forgot(`nobody-${Date.now()}@example.com`);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    expect(known.body.message).toEqual(expect.any(String));
    const headers = (reply: typeof known) => [...reply.headers.entries()].filter(([name]) => !['date', 'x-request-id', 'content-length'].includes(name));
    expect(headers(unknown)).toEqual(headers(known));
    await eventually(async () => {
      const { rows } = await api.db.pool.query(`SELECT to_address, template, status FROM emails WHERE template = 'password_reset'`);
      expect(rows).toEqual([{ to_address: customer.email, template: 'password_reset', status: 'sent' }]);
    });
  });

  it('sends a link to <PUBLIC_URL>/reset-password?token=… whose token is stored only as a hash', async () => {
    const customer = await api.registerCustomer();
    const link = await resetLinkFor(customer.email);
    expect(link.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);
    const token = tokenOf(link);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const { rows } = await api.db.pool.query(
      `SELECT (SELECT json_agg(t) FROM password_reset_tokens t)::text AS tokens, (SELECT json_agg(e) FROM emails e)::text AS emails,
              (SELECT json_agg(o) FROM outbox_events o)::text AS events`,
    );
    expect(rows[0].tokens + rows[0].emails + rows[0].events).not.toContain(token);
    expect(rows[0].tokens).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('rate limits requests per e-mail (RATE_LIMIT_PASSWORD_RESETS=3 here), for unknown e-mails alike', async () => {
    for (const email of [`limited-${Date.now()}@example.com`, (await api.registerCustomer()).email]) {
      for (let i = 0; i < 3; i++) expect((await forgot(email)).status).toBe(202);
      const limited = await forgot(email);
      expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('refuses a malformed e-mail with a field error', async () => {
    const reply = await forgot('not an e-mail');
    expect([reply.status, reply.body.code, Object.keys(reply.body.errors)]).toEqual([400, 'VALIDATION_FAILED', ['email']]);
  });

  it('e-mails no one for a deactivated account', async () => {
    const customer = await api.registerCustomer();
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    await api.request('PUT', `/api/admin/users/${customer.id}`, { token: adminToken, body: { isActive: false } });
    const [{ id: eventId }] = (await api.db.pool.query(`SELECT max(id) AS id FROM outbox_events`)).rows;
    expect((await forgot(customer.email)).status).toBe(202);
    await eventually(async () => {
      const { rows } = await api.db.pool.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE id > $1 AND type = 'password.reset_requested' AND processed_at IS NOT NULL`,
        [eventId],
      );
      expect(rows[0].n).toBe(1);
    });
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM emails WHERE to_address = $1', [customer.email])).rows[0].n).toBe(0);
  });
});

describe('resetting the password', () => {
  it('sets the new password and ends every session at once: the old access token is refused on the next request', async () => {
    const customer = await api.registerCustomer();
    const otherSession = await api.login(customer.email, customer.password);
    expect((await api.request('GET', '/api/me', { token: customer.token })).status).toBe(200);
    const token = tokenOf(await resetLinkFor(customer.email));
    const done = await reset(token, 'a brand new password');
    expect(done.status).toBe(204);
    for (const old of [customer.token, otherSession]) {
      const refused = await api.request('GET', '/api/me', { token: old });
      expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect((await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: customer.password } })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: 'a brand new password' } })).status).toBe(200);
  });

  it('refuses a used, a wrong, an expired and a superseded token with 400 TOKEN_INVALID, changing nothing', async () => {
    const customer = await api.registerCustomer();
    const used = tokenOf(await resetLinkFor(customer.email));
    expect((await reset(used, 'first new password')).status).toBe(204);
    const again = await reset(used, 'second new password');
    expect([again.status, again.body.code]).toEqual([400, 'TOKEN_INVALID']);
    expect((await reset('made-up-token-0123456789', 'second new password')).body.code).toBe('TOKEN_INVALID');

    const expired = tokenOf(await resetLinkFor(customer.email));
    await api.db.pool.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      createHash('sha256').update(expired).digest('hex'),
    ]);
    expect((await reset(expired, 'second new password')).body.code).toBe('TOKEN_INVALID');

    await api.db.pool.query(`DELETE FROM rate_limit_hits WHERE key = $1`, [`password-reset:${customer.email}`]); // 3 per hour here
    const older = tokenOf(await resetLinkFor(customer.email));
    const newer = tokenOf(await resetLinkFor(customer.email));
    expect((await reset(older, 'second new password')).body.code).toBe('TOKEN_INVALID');
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: 'first new password' } })).status).toBe(200);
    expect((await reset(newer, 'second new password')).status).toBe(204);
  });

  it('lets one of many concurrent resets with the same token succeed', async () => {
    const customer = await api.registerCustomer();
    const token = tokenOf(await resetLinkFor(customer.email));
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => reset(token, `concurrent password ${i}`)));
    expect(replies.map((r) => r.status).sort()).toEqual([204, 400, 400, 400, 400, 400]);
    const winner = replies.findIndex((r) => r.status === 204);
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: `concurrent password ${winner}` } })).status).toBe(200);
  });

  it('refuses a short password with a field error and keeps the token usable', async () => {
    const customer = await api.registerCustomer();
    const token = tokenOf(await resetLinkFor(customer.email));
    const short = await reset(token, 'short');
    expect([short.status, short.body.code, Object.keys(short.body.errors)]).toEqual([400, 'VALIDATION_FAILED', ['password']]);
    expect((await reset(token, 'long enough now')).status).toBe(204);
  });

  it('lifts a sign-in lock from failed attempts', async () => {
    const customer = await api.registerCustomer();
    for (let i = 0; i < 10; i++) await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: 'wrong password' } });
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: customer.password } })).status).toBe(429);
    expect((await reset(tokenOf(await resetLinkFor(customer.email)), 'unlocked password')).status).toBe(204);
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: 'unlocked password' } })).status).toBe(200);
  });
});

describe('the link', () => {
  it('opens the storefront’s page for a customer and the admin SPA’s for staff, unlogged and uncached', async () => {
    const customer = await api.registerCustomer();
    const customerToken = tokenOf(await resetLinkFor(customer.email));
    const adminLinkToken = tokenOf(await resetLinkFor(ADMIN.email));
    const open = (token: string) => fetch(`${api.url}/reset-password?token=${token}`, { redirect: 'manual' });
    const forCustomer = await open(customerToken);
    expect([forCustomer.status, forCustomer.headers.get('location')]).toEqual([302, `/shop/reset-password?token=${customerToken}`]);
    expect(forCustomer.headers.get('cache-control')).toBe('no-store');
    expect(forCustomer.headers.get('referrer-policy')).toBe('no-referrer');
    const forAdmin = await open(adminLinkToken);
    expect([forAdmin.status, forAdmin.headers.get('location')]).toEqual([302, `/#/reset-password?token=${adminLinkToken}`]);
    const unknown = await open('no-such-token');
    expect(unknown.headers.get('location')).toBe('/shop/reset-password?token=no-such-token');
  });

  it('is masked in the request log, like an access token in a query string', async () => {
    const token = 'a-reset-token-that-must-not-be-logged';
    await fetch(`${api.url}/reset-password?token=${token}`, { redirect: 'manual' });
    await api.request('POST', '/api/auth/password/reset', { body: { token, password: 'whatever-passw0rd' } });
    await eventually(async () => expect(api.httpLog.join('\n')).toContain('/reset-password?token=[REDACTED]'));
    expect(api.httpLog.join('\n')).not.toContain(token);
  });
});
