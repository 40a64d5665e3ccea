import { randomUUID } from 'node:crypto';
import { ERROR_STATUS } from '@chance/core';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ CORS_ORIGINS: 'https://shop.example.com' });
});
afterAll(() => api.close());

const expectError = (reply: { status: number; body: any }, status: number, code: string) => {
  expect(reply.status).toBe(status);
  expect(reply.body).toMatchObject({ statusCode: status, code, error: expect.any(String), message: expect.any(String) });
  expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
};

describe('health and docs', () => {
  it('answers /api/health with the database state', async () => {
    const reply = await api.request('GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document with every route, its errors and the list protocol', async () => {
    const reply = await api.request('GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    const paths = reply.body.paths;
    for (const path of ['/api/auth/login', '/api/auth/register', '/api/auth/refresh', '/api/me', '/api/admin/users', '/api/admin/settings']) {
      expect(paths[path]).toBeDefined();
    }
    expect(paths['/api/auth/login'].post.responses['401'].description).toContain('INVALID_CREDENTIALS');
    expect(paths['/api/admin/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['sort', 'range', 'filter']));
    expect(reply.body.components.schemas.RegisterDto.required).toEqual(expect.arrayContaining(['email', 'password', 'fullName']));
  });

  it('documents the error code as the contract’s enum, and every order and payment status an order answer can carry', async () => {
    const { body } = await api.request('GET', '/api/openapi.json');
    const schemas = body.components.schemas;
    // a described $ref is wrapped in allOf
    const refOf = (property: { $ref?: string; allOf?: { $ref?: string }[] }) => property.$ref ?? property.allOf?.[0]?.$ref;
    expect(refOf(schemas.ErrorBodyDto.properties.code)).toBe('#/components/schemas/ErrorCode');
    expect([...schemas.ErrorCode.enum].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    // the contract's codes (docs/api.md#errors) that this server raises today, coupon refusals included
    expect(schemas.ErrorCode.enum).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'NOT_FOUND',
        'OUT_OF_STOCK',
        'PAYMENT_DECLINED',
        'IDEMPOTENCY_KEY_REUSED',
        'RATE_LIMITED',
        'COUPON_EXPIRED',
      ]),
    );
    // sections 6, 8, 15 and 16 of the contract: draft before pending, returned after delivered
    expect(refOf(schemas.OrderView.properties.status)).toBe('#/components/schemas/OrderStatus');
    expect([...schemas.OrderStatus.enum].sort()).toEqual(['cancelled', 'delivered', 'draft', 'pending', 'processing', 'returned', 'shipped']);
    expect(refOf(schemas.OrderView.properties.paymentStatus)).toBe('#/components/schemas/OrderPaymentStatus');
    expect([...schemas.OrderPaymentStatus.enum].sort()).toEqual(['paid', 'partially_paid', 'partially_refunded', 'refunded', 'unpaid']);
    // an error the server really sends carries a code of the enum
    const missing = await api.request('GET', '/api/store/products/999999');
    expect(schemas.ErrorCode.enum).toContain(missing.body.code);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const reply = await api.request('GET', '/api/docs');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('swagger');
  });
});

describe('error contract', () => {
  it('answers unknown routes with a JSON 404', async () => {
    expectError(await api.request('GET', '/api/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    expectError(
      await api.request('POST', '/api/auth/login', { rawBody: '{"email": ', headers: { 'content-type': 'application/json' } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers a body that is not JSON with 415', async () => {
    expectError(
      await api.request('POST', '/api/auth/login', { rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await api.request('POST', '/api/auth/login', { rawBody: 'hello', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over 1 MiB with 413', async () => {
    const rawBody = JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10), password: 'y' });
    expectError(await api.request('POST', '/api/auth/login', { rawBody, headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers malformed URLs with the contract body', async () => {
    expectError(await api.request('GET', '/api/%E0%A4%A'), 400, 'VALIDATION_FAILED');
  });

  it.each([['[1,2]'], ['null'], ['"text"'], ['42']])('refuses the non-object body %s', async (rawBody) => {
    const reply = await api.request('POST', '/api/auth/login', { rawBody, headers: { 'content-type': 'application/json' } });
    expectError(reply, 400, 'VALIDATION_FAILED');
    expect(reply.body.errors).toEqual({ body: 'must be a JSON object' });
  });

  it('names each bad field, wrong types and unknown fields alike', async () => {
    const reply = await api.request('POST', '/api/auth/register', {
      body: { email: 42, password: 'short', fullName: '', role: 'admin' },
    });
    expectError(reply, 400, 'VALIDATION_FAILED');
    expect(reply.body.errors).toEqual({
      email: expect.any(String),
      password: 'must be 8 to 128 characters long',
      fullName: expect.any(String),
      role: 'is not allowed',
    });
  });

  it('answers non-numeric ids as not found', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    expectError(await api.request('GET', '/api/admin/users/abc', { token }), 404, 'NOT_FOUND');
    expectError(await api.request('GET', '/api/admin/users/99999999999', { token }), 404, 'NOT_FOUND');
  });
});

describe('HTTP hygiene', () => {
  it('sets security headers and no X-Powered-By', async () => {
    const reply = await api.request('GET', '/api/health');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('sends the same security headers on every kind of answer: a route, a refusal, an unknown path, the store’s product list', async () => {
    const security = (headers: Headers) =>
      Object.fromEntries(
        [
          'content-security-policy',
          'strict-transport-security',
          'x-content-type-options',
          'x-frame-options',
          'referrer-policy',
          'cross-origin-opener-policy',
          'cross-origin-resource-policy',
          'origin-agent-cluster',
          'x-dns-prefetch-control',
          'x-download-options',
          'x-permitted-cross-domain-policies',
          'x-xss-protection',
        ].map((name) => [name, headers.get(name)]),
      );
    const health = security((await api.request('GET', '/api/health')).headers);
    expect(Object.values(health).every((value) => value !== null)).toBe(true);
    expect(health['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' data: https:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;" +
        "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline' https:;upgrade-insecure-requests;connect-src 'self'",
    );
    for (const path of ['/api/admin/orders', '/api/no-such-route', '/api/store/products']) {
      expect([path, security((await api.request('GET', path)).headers)]).toEqual([path, health]);
    }
  });

  it('gives every response a request id, keeping a well-formed one from the client', async () => {
    const mine = await api.request('GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');
    const evil = await api.request('GET', '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(evil.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows only listed CORS origins and exposes Content-Range', async () => {
    const allowed = await api.request('GET', '/api/health', { headers: { origin: 'https://shop.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const other = await api.request('GET', '/api/health', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a cross-origin shop read Idempotent-Replayed on a replayed checkout (and every other header the client reads)', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    const { variantIds } = await productWithStock(api, token, { name: 'Cross-origin mug', price: 900, stock: 5 });
    const cart = await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]);
    const origin = { origin: 'https://shop.example.com' };
    const key = randomUUID();
    const first = await guestCheckout(api, { ...cart, headers: { ...cart.headers, ...origin } }, { key });
    expect(first.status).toBe(201);
    const again = await guestCheckout(api, { ...cart, headers: { ...cart.headers, ...origin } }, { key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const exposed = (again.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    for (const header of ['idempotent-replayed', 'content-range', 'retry-after', 'x-request-id', 'content-disposition']) {
      expect(exposed).toContain(header);
    }
  });
});

describe('bodiless requests', () => {
  it('accepts a DELETE without a body whatever its content type, and still refuses other bodies', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    const category = await api.request('POST', '/api/admin/categories', { token, body: { name: 'Temporary' } });
    const removed = await api.request('DELETE', `/api/admin/categories/${category.body.id}`, { token, headers: { 'content-type': 'text/plain' } });
    expect(removed.status).toBe(200);
    expect(removed.body.id).toBe(category.body.id);
    const xml = await api.request('POST', '/api/auth/login', { rawBody: '<login/>', headers: { 'content-type': 'application/xml' } });
    expect([xml.status, xml.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
