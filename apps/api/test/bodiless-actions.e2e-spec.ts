import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { eventually } from './support/eventually.js';
import { operations, resolve, type OpenApiDocument, type Operation } from './support/openapi.js';
import { ADDRESS, guestCartWith, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

// docs/api.md#requests-and-bodies, bodiless actions: an action whose body fields are all optional accepts no body
// at all, an empty body with or without Content-Type: application/json, or {}. Every such POST
// of the OpenAPI document is called with each of the four, on a record of its own where one is
// cheap to make, over a raw socket (so "no body" really sends no Content-Length at all).
let api: TestApi;
let doc: OpenApiDocument;
let admin: string;
let customer: Awaited<ReturnType<TestApi['registerCustomer']>>;
let variantId: number;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_REGISTER_PER_MINUTE: '1000' });
  doc = (await api.request('GET', '/api/openapi.json')).body;
  admin = await api.login(ADMIN.email, ADMIN.password);
  customer = await api.registerCustomer('bodiless@example.com');
  variantId = (await productWithStock(api, admin, { name: 'Bodiless', price: 1000, costPrice: 400, stock: 1000 })).variantIds[0];
});
afterAll(() => api.close());

const VARIANTS = {
  'no body': { headers: {}, body: undefined },
  'an empty body': { headers: { 'content-length': '0' }, body: '' },
  'an empty JSON body': { headers: { 'content-type': 'application/json', 'content-length': '0' }, body: '' },
  '{}': { headers: { 'content-type': 'application/json', 'content-length': '2' }, body: '{}' },
} as const;

/** One HTTP/1.1 request written by hand on its own connection: its status and body. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const port = Number(new URL(api.url).port);
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('end', () => {
      const response = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = response.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      let text = rest.join('\r\n\r\n');
      if (/^transfer-encoding: chunked/im.test(head)) text = text.replace(/(^|\r\n)[0-9a-f]+\r\n/gi, '');
      done({ status, text });
    });
    const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
  });
}

/** POST operations whose request body is absent or JSON with no required property (an upload, multipart only, always has one). */
function bodilessActions(): Operation[] {
  return operations(doc).filter(
    (op) => op.method === 'POST' && (op.bodyTypes.length === 0 || (op.bodySchema !== undefined && (resolve(doc, op.bodySchema).required ?? []).length === 0)),
  );
}

interface Target {
  path: string;
  headers?: Record<string, string>;
  token?: string;
}

async function guestOrder(): Promise<{ id: number; token: string }> {
  const cart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
  const order = await api.request('POST', '/api/store/checkout', {
    headers: { ...cart.headers, 'idempotency-key': randomUUID() },
    body: { cartId: cart.id, email: 'guest@example.com', shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
  });
  if (order.status !== 201) throw new Error(`checkout: ${order.status} ${order.text}`);
  return { id: order.body.id, token: order.body.accessToken };
}

/** A fresh record for each call, where the action has one that is cheap to make. */
const fixtures: Record<string, () => Promise<Target>> = {
  '/api/store/carts': async () => ({ path: '/api/store/carts' }),
  '/api/store/carts/merge': async () => {
    const cart = await guestCartWith(api, [{ variantId, quantity: 1 }]);
    return { path: '/api/store/carts/merge', headers: cart.headers, token: customer.token };
  },
  '/api/store/orders/{id}/cancel': async () => {
    const order = await guestOrder();
    return { path: `/api/store/orders/${order.id}/cancel`, headers: { 'x-order-token': order.token } };
  },
  '/api/admin/orders/{id}/mark-paid': async () => ({ path: `/api/admin/orders/${(await guestOrder()).id}/mark-paid`, token: admin }),
  '/api/admin/orders/{id}/cancel': async () => ({ path: `/api/admin/orders/${(await guestOrder()).id}/cancel`, token: admin }),
  '/api/admin/purchases/{id}/receive': async () => ({ path: `/api/admin/purchases/${await purchase('ordered')}/receive`, token: admin }),
  '/api/admin/purchases/{id}/cancel': async () => ({ path: `/api/admin/purchases/${await purchase('draft')}/cancel`, token: admin }),
  '/api/admin/offline-sales/{id}/cancel': async () => ({ path: `/api/admin/offline-sales/${await offlineSale()}/cancel`, token: admin }),
  '/api/store/bookings/{id}/cancel': async () => ({ path: `/api/store/bookings/${await booking()}/cancel`, token: customer.token }),
  '/api/me/notifications/{id}/read': async () => ({ path: `/api/me/notifications/${await notification()}/read`, token: customer.token }),
  '/api/me/notifications/read-all': async () => ({ path: '/api/me/notifications/read-all', token: customer.token }),
  '/api/me/logout-all': async () => ({ path: '/api/me/logout-all', token: (await api.registerCustomer()).token }),
};

/**
 * An action this test has no fixture for: on a record that does not exist (a 404 is fine: the
 * body is what is checked), as a customer of its own, so that an action ending sessions or
 * changing a user never disturbs the others.
 */
async function unknownTarget(path: string): Promise<Target> {
  const concrete = path.replace(/\{[^}]+\}/g, '2147483647');
  return { path: concrete, token: path.startsWith('/api/admin') ? admin : (await api.registerCustomer()).token };
}

let supplierId: number | undefined;
async function purchase(status: 'draft' | 'ordered'): Promise<number> {
  supplierId ??= (await api.request('POST', '/api/admin/suppliers', { token: admin, body: { name: 'Supplier' } })).body.id;
  const reply = await api.request('POST', '/api/admin/purchases', {
    token: admin,
    body: { supplierId, status, lines: [{ variantId, quantity: 2, unitCost: 300 }] },
  });
  if (reply.status !== 201) throw new Error(`purchase: ${reply.status} ${reply.text}`);
  return reply.body.id;
}

let offlineCustomerId: number | undefined;
async function offlineSale(): Promise<number> {
  offlineCustomerId ??= (await api.request('POST', '/api/admin/offline-customers', { token: admin, body: { name: 'Walk In', phone: '555 0100' } })).body.id;
  const reply = await api.request('POST', '/api/admin/offline-sales', {
    token: admin,
    headers: { 'idempotency-key': randomUUID() },
    body: { customerId: offlineCustomerId, lines: [{ variantId, quantity: 1 }] },
  });
  if (reply.status !== 201) throw new Error(`offline sale: ${reply.status} ${reply.text}`);
  return reply.body.id;
}

let serviceTypeId: number | undefined;
async function booking(): Promise<number> {
  serviceTypeId ??= (await api.request('POST', '/api/admin/service-types', { token: admin, body: { name: 'Electrician', price: 5000, durationMinutes: 60 } }))
    .body.id;
  const reply = await api.request('POST', '/api/store/bookings', {
    token: customer.token,
    body: { serviceTypeId, scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), address: '1 Main St' },
  });
  if (reply.status !== 201) throw new Error(`booking: ${reply.status} ${reply.text}`);
  return reply.body.id;
}

async function notification(): Promise<number> {
  const title = `Note ${randomUUID()}`;
  const sent = await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: customer.id, title, body: 'hello' } });
  if (sent.status !== 202) throw new Error(`message: ${sent.status} ${sent.text}`);
  // delivered by the outbox relay
  return eventually(async () => {
    const list = await api.request('GET', '/api/me/notifications', { token: customer.token });
    const found = list.body.find((n: { title: string }) => n.title === title);
    expect(found).toBeDefined();
    return found.id as number;
  });
}

describe('bodiless actions', () => {
  it('finds the actions in the OpenAPI document, mark-paid among them', () => {
    const paths = bodilessActions().map((op) => op.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/admin/orders/{id}/mark-paid', '/api/admin/orders/{id}/cancel', '/api/store/orders/{id}/cancel']));
    expect(paths.length).toBeGreaterThanOrEqual(10);
  });

  it('every one accepts no body, an empty body with or without Content-Type: application/json, and {}', async () => {
    const refused: string[] = [];
    const unproven: string[] = [];
    for (const op of bodilessActions()) {
      for (const [variant, { headers, body }] of Object.entries(VARIANTS)) {
        const fixture = Object.hasOwn(fixtures, op.path) ? fixtures[op.path] : undefined;
        const target = fixture ? await fixture() : await unknownTarget(op.path);
        const reply = await raw(
          'POST',
          target.path,
          {
            ...headers,
            ...target.headers,
            'idempotency-key': randomUUID(),
            ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
          },
          body,
        );
        // the record's state may refuse it (404, 409), never the body itself (400, 413, 415, 500)
        if ([400, 413, 415, 500].includes(reply.status)) refused.push(`${op.path} with ${variant}: ${reply.status} ${reply.text.slice(0, 300)}`);
        // where the test made a record for it, the action is done
        if (fixture && (reply.status < 200 || reply.status > 299)) unproven.push(`${op.path} with ${variant}: ${reply.status} ${reply.text.slice(0, 300)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(unproven).toEqual([]);
  });

  it('still refuses a body that is not a JSON object, and fields the action does not take', async () => {
    const order = await guestOrder();
    const path = `/api/admin/orders/${order.id}/mark-paid`;
    for (const rawBody of ['[]', 'null', '"paid"', '{"amount":1}', '{']) {
      const reply = await api.request('POST', path, { token: admin, rawBody, headers: { 'content-type': 'application/json' } });
      expect([rawBody, reply.status, reply.body.code]).toEqual([rawBody, 400, 'VALIDATION_FAILED']);
    }
    const text = await api.request('POST', path, { token: admin, rawBody: 'paid', headers: { 'content-type': 'text/plain' } });
    expect([text.status, text.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const paid = await api.request('POST', path, { token: admin, body: { method: 'cash', reference: 'till 3' } });
    expect([paid.status, paid.body.paymentStatus]).toEqual([200, 'paid']);
  });

  it('an endpoint with required fields, sent no body, names them', async () => {
    const reply = await raw('POST', '/api/auth/login', {});
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).errors).toEqual({ email: expect.any(String), password: expect.any(String) });
  });

  it('leaves the data consistent', () => expectIntegrity(api));
});
