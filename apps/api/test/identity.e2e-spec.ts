import { createHmac } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let adminToken: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_REGISTER_PER_MINUTE: '1000', RATE_LIMIT_OTP_REQUESTS: '3' });
  adminToken = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

describe('register, login, me', () => {
  it('registers a customer with a profile created in the same step', async () => {
    const reply = await api.request('POST', '/api/auth/register', {
      body: { email: 'Ada@Example.com', password: 'correct horse', fullName: 'Ada Lovelace', phone: '+1 555 0100' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({
      email: 'ada@example.com',
      role: 'customer',
      isActive: true,
      profile: { fullName: 'Ada Lovelace', phone: '+1 555 0100', address: null },
    });
    expect(reply.body.accessToken).toEqual(expect.any(String));
    expect(reply.body.refreshToken).toEqual(expect.any(String));
    expect(reply.text).not.toMatch(/argon2|password/i);
    const { rows } = await api.db.pool.query(
      `SELECT p.full_name, u.password_hash FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.email = 'ada@example.com'`,
    );
    expect(rows[0].full_name).toBe('Ada Lovelace');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('refuses a second account for the same e-mail, in any case', async () => {
    const reply = await api.request('POST', '/api/auth/register', { body: { email: 'ADA@example.com', password: 'whatever1', fullName: 'Other' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { email: 'is already registered' } });
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const unknown = await api.request('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'correct horse' } });
    const wrong = await api.request('POST', '/api/auth/login', { body: { email: 'ada@example.com', password: 'wrong horse' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('returns the signed-in user and updates the profile partially', async () => {
    const token = await api.login('ada@example.com', 'correct horse');
    const me = await api.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('ada@example.com');
    const updated = await api.request('PUT', '/api/me/profile', { token, body: { address: '1 Analytical Way' } });
    expect(updated.status).toBe(200);
    expect(updated.body.profile).toEqual({ fullName: 'Ada Lovelace', phone: '+1 555 0100', address: '1 Analytical Way' });
  });

  it('refuses read-only fields in a profile update and changes nothing', async () => {
    const token = await api.login('ada@example.com', 'correct horse');
    const reply = await api.request('PUT', '/api/me/profile', { token, body: { fullName: 'Mallory', role: 'admin', isActive: true } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({ role: 'is not allowed', isActive: 'is not allowed' });
    const me = await api.request('GET', '/api/me', { token });
    expect(me.body.role).toBe('customer');
    expect(me.body.profile.fullName).toBe('Ada Lovelace');
  });

  it('refuses wrong types with field messages', async () => {
    const token = await api.login('ada@example.com', 'correct horse');
    const reply = await api.request('PUT', '/api/me/profile', { token, body: { fullName: 12, phone: 'call me' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({ fullName: 'must be a string', phone: 'must be a phone number' });
  });
});

describe('access', () => {
  it('refuses anonymous callers with 401 and customers with 403 on admin routes', async () => {
    const customer = await api.registerCustomer();
    for (const [method, path] of [
      ['GET', '/api/admin/users'],
      ['GET', '/api/admin/users/1'],
      ['POST', '/api/admin/users'],
      ['PUT', '/api/admin/users/1'],
      ['GET', '/api/admin/settings'],
      ['PUT', '/api/admin/settings'],
    ]) {
      const anonymous = await api.request(method, path, { body: method === 'GET' ? undefined : {} });
      expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
      const asCustomer = await api.request(method, path, { token: customer.token, body: method === 'GET' ? undefined : {} });
      expect([path, asCustomer.status, asCustomer.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await api.request('GET', '/api/me')).status).toBe(401);
  });

  it('keeps staff out of users and settings', async () => {
    const created = await api.request('POST', '/api/admin/users', {
      token: adminToken,
      body: { email: 'sam@example.com', password: 'staff-password', fullName: 'Sam Staff', role: 'staff' },
    });
    expect(created.status).toBe(201);
    const staffToken = await api.login('sam@example.com', 'staff-password');
    expect((await api.request('GET', '/api/admin/users', { token: staffToken })).status).toBe(403);
    expect((await api.request('GET', '/api/admin/settings', { token: staffToken })).status).toBe(403);
  });

  it('refuses forged, unsigned, expired and refresh tokens used as access tokens', async () => {
    const customer = await api.registerCustomer();
    const [header, payload] = customer.token.split('.');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const forgedPayload = b64({ sub: 1, role: 'admin', typ: 'access', iat: 1, exp: 4102444800 });
    const wrongKey = `${header}.${forgedPayload}.${createHmac('sha256', 'not-the-key').update(`${header}.${forgedPayload}`).digest('base64url')}`;
    const now = Math.floor(Date.now() / 1000);
    const expiredPayload = b64({ sub: customer.id, role: 'customer', typ: 'access', iat: now - 3600, exp: now - 60 });
    const expired = `${header}.${expiredPayload}.${createHmac('sha256', 'test-secret-that-is-long-enough-for-hs256-signing').update(`${header}.${expiredPayload}`).digest('base64url')}`;
    for (const token of [none, wrongKey, expired, customer.refreshToken, 'garbage-token-value']) {
      const reply = await api.request('GET', '/api/me', { token });
      expect(reply.status).toBe(401);
      expect(reply.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a deactivated user at once, even with an unexpired access token', async () => {
    const customer = await api.registerCustomer();
    expect((await api.request('GET', '/api/me', { token: customer.token })).status).toBe(200);
    const off = await api.request('PUT', `/api/admin/users/${customer.id}`, { token: adminToken, body: { isActive: false } });
    expect(off.status).toBe(200);
    expect(off.body.isActive).toBe(false);
    expect((await api.request('GET', '/api/me', { token: customer.token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: customer.password } })).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh token works once and yields a new pair', async () => {
    const customer = await api.registerCustomer();
    const first = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(customer.refreshToken);
    expect((await api.request('GET', '/api/me', { token: first.body.accessToken })).status).toBe(200);
    const second = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
  });

  it('reuse of a spent token revokes the whole family', async () => {
    const customer = await api.registerCustomer();
    const next = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } });
    expect(next.status).toBe(200);
    const replay = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    // the thief's replay also kills the legitimate, unspent successor
    const successor = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: next.body.refreshToken } });
    expect(successor.status).toBe(401);
  });

  it('logout ends the session', async () => {
    const customer = await api.registerCustomer();
    const out = await api.request('POST', '/api/auth/logout', { body: { refreshToken: customer.refreshToken } });
    expect(out.status).toBe(204);
    expect((await api.request('POST', '/api/auth/refresh', { body: { refreshToken: customer.refreshToken } })).status).toBe(401);
  });

  it('refuses malformed refresh tokens without a 500', async () => {
    for (const refreshToken of ['', 'x', 'a.b', '00000000-0000-0000-0000-000000000000.zzz', 'ü'.repeat(150)]) {
      const reply = await api.request('POST', '/api/auth/refresh', { body: { refreshToken } });
      expect([400, 401]).toContain(reply.status);
    }
  });
});

describe('OTP verification', () => {
  /** Asks for a code by e-mail, and reads it from the e-mail the log transport writes (SMTP_URL is unset here). */
  const requestCode = async (customer: { token: string; email: string }): Promise<string> => {
    const before = api.logs.lines.length;
    expect((await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'email' } })).status).toBe(202);
    return eventually(async () => {
      const mail = api.logs.lines.slice(before).find((l) => l.startsWith(`E-mail to ${customer.email}: `) && l.includes('verification code'));
      if (!mail) throw new Error('no code e-mailed yet');
      return /code is (\d{6})/.exec(mail)![1];
    });
  };

  it('e-mails a code through the mail port and verifies the e-mail with it, once; the code is stored nowhere readable', async () => {
    const customer = await api.registerCustomer();
    const code = await requestCode(customer);
    const { rows } = await api.db.pool.query('SELECT code_hash FROM otp_codes WHERE user_id = $1', [customer.id]);
    expect(rows[0].code_hash).not.toContain(code);
    const stored = await api.db.pool.query(
      `SELECT (SELECT json_agg(e) FROM emails e WHERE to_address = $1)::text AS emails,
              (SELECT json_agg(o) FROM outbox_events o WHERE type = 'otp.requested' AND (payload ->> 'userId')::int = $2)::text AS events`,
      [customer.email, customer.id],
    );
    expect(JSON.parse(stored.rows[0].emails)).toEqual([expect.objectContaining({ template: 'otp_code', status: 'sent', attempts: 1 })]);
    expect(stored.rows[0].emails + stored.rows[0].events).not.toContain(code);
    const ok = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ verified: true });
    expect((await api.request('GET', '/api/me', { token: customer.token })).body.emailVerifiedAt).toEqual(expect.any(String));
    const again = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code } });
    expect(again.body.code).toBe('OTP_INVALID');
  });

  it('locks a code after five wrong tries, even for the right code', async () => {
    const customer = await api.registerCustomer();
    const code = await requestCode(customer);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const reply = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code: wrong } });
      expect([reply.status, reply.body.code]).toEqual([400, 'OTP_INVALID']);
    }
    const locked = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code } });
    expect([locked.status, locked.body.code]).toEqual([429, 'OTP_LOCKED']);
    expect((await api.request('GET', '/api/me', { token: customer.token })).body.emailVerifiedAt).toBeNull();
    // a new code works again
    const fresh = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code: await requestCode(customer) } });
    expect(fresh.status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const customer = await api.registerCustomer();
    const code = await requestCode(customer);
    await api.db.pool.query(`UPDATE otp_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [customer.id]);
    const reply = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code } });
    expect([reply.status, reply.body.code]).toEqual([400, 'OTP_EXPIRED']);
  });

  it('stops the previous code working as soon as a new one is asked for', async () => {
    const customer = await api.registerCustomer();
    const first = await requestCode(customer);
    await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'email' } });
    const reply = await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code: first } });
    expect([reply.status, reply.body.code]).toEqual([400, 'OTP_INVALID']);
  });

  it('needs a phone number for SMS', async () => {
    const customer = await api.registerCustomer();
    const reply = await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'sms' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.channel).toBeDefined();
  });

  it('limits code requests per user (RATE_LIMIT_OTP_REQUESTS=3 here)', async () => {
    const customer = await api.registerCustomer();
    for (let i = 0; i < 3; i++) {
      expect((await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'email' } })).status).toBe(202);
    }
    const limited = await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'email' } });
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('login rate limit', () => {
  it('after 10 failures for one e-mail, refuses it (even the right password) with 429 and Retry-After', async () => {
    const customer = await api.registerCustomer();
    for (let i = 0; i < 10; i++) {
      const reply = await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: 'wrong-password' } });
      expect(reply.status).toBe(401);
    }
    const limited = await api.request('POST', '/api/auth/login', { body: { email: customer.email, password: customer.password } });
    expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // other e-mails are unaffected
    expect((await api.request('POST', '/api/auth/login', { body: ADMIN })).status).toBe(200);
  });
});

describe('no secrets in logs', () => {
  it('never logs passwords, hashes or tokens', async () => {
    const all = api.logs.lines.join('\n');
    expect(all).not.toMatch(/\$argon2/);
    expect(all).not.toContain(ADMIN.password);
    expect(all).not.toContain('eyJ');
  });
});
