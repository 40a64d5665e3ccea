// @chance/client against the real API (the app over HTTP on a database of its own): what a shop
// frontend relies on — typed pages with Content-Range, the guest cart that survives a reload, its
// merge on sign-in, idempotent checkout and card payment, one refresh for concurrent 401s, typed
// errors by code, bookings, the notification stream, the invoice PDF, returns and credit notes.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the client is tested against the real API, started as the API's own e2e tests start it
import { ADMIN, startTestApi, type TestApi } from '../../../apps/api/test/support/test-api.js';
// eslint-disable-next-line @nx/enforce-module-boundaries -- see above
import { eventually } from '../../../apps/api/test/support/eventually.js';
import { ApiError, createStoreClient, isApiError, memoryStorage, type KeyValueStorage, type ShippingAddress } from '../src/index.js';

let api: TestApi;
let adminToken: string;
let shirt: { productId: number; variantIds: number[] };
let mug: { productId: number; variantIds: number[] };
let categoryId: number;

const address: ShippingAddress = { name: 'Gail Guest', line1: '1 Test Street', city: 'Springfield', postalCode: '12345', country: 'US' };

beforeAll(async () => {
  api = await startTestApi();
  adminToken = await api.login(ADMIN.email, ADMIN.password);
  const category = await api.request('POST', '/api/admin/categories', { token: adminToken, body: { name: 'Clothing' } });
  categoryId = category.body.id;
  const product = async (body: Record<string, unknown>) => {
    const reply = await api.request('POST', '/api/admin/products', { token: adminToken, body: { categoryId, ...body } });
    if (reply.status !== 201) throw new Error(reply.text);
    return { productId: reply.body.id as number, variantIds: reply.body.variants.map((v: { id: number }) => v.id) as number[] };
  };
  shirt = await product({
    name: 'Client Shirt',
    price: 2000,
    costPrice: 800,
    variants: [
      { sku: 'CS-S', attributes: { size: 'S' }, stock: 10 },
      { sku: 'CS-M', attributes: { size: 'M' }, price: 2200, stock: 5 },
    ],
  });
  mug = await product({ name: 'Client Mug', price: 900, costPrice: 300, stock: 50 });
  await product({ name: 'Client Poster (sold out)', price: 500, costPrice: 100, stock: 0 });
  const coupon = await api.request('POST', '/api/admin/coupons', {
    token: adminToken,
    body: { code: 'CLIENT10', discountType: 'percentage', discountValue: 1000 },
  });
  expect(coupon.status).toBe(201);
  const service = await api.request('POST', '/api/admin/service-types', { token: adminToken, body: { name: 'Plumber', price: 6000, durationMinutes: 60 } });
  expect(service.status).toBe(201);
});
afterAll(() => api.close());

/** A client as a browser tab has it; tabs of one browser share the storage. */
function shop(storage: KeyValueStorage = memoryStorage(), fetch?: (request: Request) => Promise<Response>) {
  return createStoreClient({ baseUrl: api.url, storage, fetch });
}

/** A fetch that counts the requests to each path. */
function countingFetch() {
  const counts = new Map<string, number>();
  const fetch = (request: Request) => {
    const path = new URL(request.url).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    return globalThis.fetch(request);
  };
  return { fetch, count: (path: string) => counts.get(path) ?? 0 };
}

const adminOrder = async (id: number) => (await api.request('GET', `/api/admin/orders/${id}`, { token: adminToken })).body;

describe('catalog', () => {
  it('pages products with their total from Content-Range, filtered and sorted, without cost prices', async () => {
    const client = shop();
    const page = await client.catalog.products({ filter: { q: 'client', inStock: true }, sort: ['price', 'ASC'], range: [0, 0] });
    expect(page.total).toBe(2); // the sold-out poster is left out
    expect(page.items.map((p) => p.name)).toEqual(['Client Mug']);
    expect(page).toMatchObject({ start: 0, end: 0 });
    const second = await client.catalog.products({ filter: { q: 'client', inStock: true }, sort: ['price', 'ASC'], range: [1, 1] });
    expect(second.items.map((p) => p.name)).toEqual(['Client Shirt']);
    expect(second.items[0].variants.map((v) => [v.sku, v.price, v.stock])).toEqual([
      ['CS-S', 2000, 10],
      ['CS-M', 2200, 5],
    ]);
    expect(JSON.stringify(second.items)).not.toContain('costPrice');
    const empty = await client.catalog.products({ filter: { q: 'no such thing' } });
    expect(empty).toEqual({ items: [], total: 0, start: 0, end: -1 });
  });

  it('reads categories, settings and one product; a missing product is ApiError NOT_FOUND', async () => {
    const client = shop();
    expect((await client.catalog.categories()).map((c) => c.name)).toContain('Clothing');
    expect(await client.catalog.settings()).toMatchObject({ currency: 'USD', taxRateBps: expect.any(Number) });
    expect((await client.catalog.product(mug.productId)).name).toBe('Client Mug');
    const error = await client.catalog.product(999_999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('a malformed list request is VALIDATION_FAILED', async () => {
    const error = await shop()
      .catalog.products({ range: [0, 500] })
      .catch((e: unknown) => e);
    expect(isApiError(error, 'VALIDATION_FAILED')).toBe(true);
  });
});

describe('guest cart, checkout and card payment', () => {
  it('the guest cart survives a reload: a new client on the same storage finds it with its token', async () => {
    const storage = memoryStorage();
    expect(await shop(storage).cart.current()).toBeNull();
    const added = await shop(storage).cart.add(shirt.variantIds[1], 2);
    const reloaded = await shop(storage).cart.current();
    expect(reloaded?.id).toBe(added.id);
    expect(reloaded?.items.map((i) => [i.sku, i.quantity, i.lineTotal])).toEqual([['CS-M', 2, 4400]]);
    // another device (another storage) does not reach it
    expect(await shop().cart.current()).toBeNull();
  });

  it('coupon refusals are typed errors; quantities beyond stock are OUT_OF_STOCK', async () => {
    const client = shop();
    const cart = await client.cart.add(mug.variantIds[0], 1);
    const refused = await client.cart.applyCoupon(cart.id, 'NOPE').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, code: 'COUPON_NOT_FOUND' });
    const tooMany = await client.cart.setQuantity(cart.id, cart.items[0].id, 51).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ status: 409, code: 'OUT_OF_STOCK' });
    const discounted = await client.cart.applyCoupon(cart.id, 'client10');
    expect(discounted).toMatchObject({ couponCode: 'CLIENT10', subtotal: 900, discountTotal: 90 });
    expect((await client.cart.removeCoupon(cart.id)).discountTotal).toBe(0);
  });

  it('a guest buys two items with a coupon; a declined card is PAYMENT_DECLINED, a retry with another card pays once', async () => {
    const storage = memoryStorage();
    const client = shop(storage);
    await client.cart.add(shirt.variantIds[0], 1);
    const cart = await client.cart.add(mug.variantIds[0], 1);
    await client.cart.applyCoupon(cart.id, 'CLIENT10');
    const order = await client.orders.checkout({ cartId: cart.id, email: 'gail@example.com', shippingAddress: address, paymentMethod: 'card' });
    expect(order).toMatchObject({ subtotal: 2900, discountTotal: 290, paymentStatus: 'unpaid', couponCode: 'CLIENT10' });
    expect(await client.cart.current()).toBeNull(); // the checked-out guest cart is forgotten

    const declined = await client.orders.pay(order.id, 'tok_declined').catch((e: unknown) => e);
    expect(declined).toMatchObject({ status: 402, code: 'PAYMENT_DECLINED' });
    // after a reload, the guest still reaches the order (its token is kept) and pays with another card
    const paid = await shop(storage).orders.pay(order.id, 'tok_visa');
    expect(paid).toMatchObject({ paymentStatus: 'paid', balanceDue: 0 });

    const seen = await adminOrder(order.id);
    expect(seen).toMatchObject({ paymentStatus: 'paid', status: 'delivered', paidAmount: order.total });
    expect(seen.payments.map((p: { status: string }) => p.status).sort()).toEqual(['failed', 'succeeded']);
    // the invoice PDF through the guest's order token
    const pdf = await shop(storage).orders.invoicePdf(order.id);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    // another device cannot read it
    expect(
      await shop()
        .orders.get(order.id)
        .catch((e: unknown) => (e as ApiError).code),
    ).toBe('NOT_FOUND');
  });

  it('a guest asks to return part of a delivered order, follows it, and reads the refund’s credit note; quantities beyond it are typed errors', async () => {
    const storage = memoryStorage();
    const client = shop(storage);
    const cart = await client.cart.add(shirt.variantIds[0], 2);
    const order = await client.orders.checkout({ cartId: cart.id, email: 'rita@example.com', shippingAddress: address, paymentMethod: 'card' });
    expect((await client.orders.pay(order.id, 'tok_visa')).status).toBe('delivered');
    const line = order.lines[0];

    const tooMany = await client.orders.requestReturn(order.id, { lines: [{ lineId: line.id, quantity: 3 }] }).catch((e: unknown) => e);
    expect(isApiError(tooMany, 'RETURN_QUANTITY_EXCEEDED')).toBe(true);
    const made = await shop(storage).orders.requestReturn(order.id, { lines: [{ lineId: line.id, quantity: 1, reason: 'Too small' }] });
    expect(made).toMatchObject({ status: 'requested', recordNumber: order.number, lines: [{ lineId: line.id, quantity: 1, reason: 'Too small' }] });
    expect((await client.orders.returns(order.id)).map((r) => [r.id, r.status])).toEqual([[made.id, 'requested']]);
    expect(await client.orders.creditNotes(order.id)).toEqual([]);

    for (const step of ['approve', 'receive', 'refund']) {
      const reply = await api.request('POST', `/api/admin/returns/${made.id}/${step}`, { token: adminToken, body: {} });
      expect([step, reply.status]).toEqual([step, 200]);
    }
    const [refunded] = await client.orders.returns(order.id);
    expect(refunded).toMatchObject({ status: 'refunded', refundAmount: expect.any(Number) });
    const notes = await client.orders.creditNotes(order.id);
    expect(notes.map((n) => [n.returnId, n.total])).toEqual([[made.id, refunded.refundAmount]]);
    const pdf = await client.orders.creditNotePdf(order.id, notes[0].id);
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    // another device reaches neither the returns nor the credit note
    const stranger = shop();
    expect(await stranger.orders.returns(order.id).catch((e: unknown) => (e as ApiError).code)).toBe('NOT_FOUND');
    expect(await stranger.orders.creditNotePdf(order.id, notes[0].id).catch((e: unknown) => (e as ApiError).code)).toBe('NOT_FOUND');
  });

  it('a checkout whose answer was lost is retried with the same Idempotency-Key: one order', async () => {
    const storage = memoryStorage();
    const sentKeys: string[] = [];
    let loseNextAnswer = true;
    const flaky = async (request: Request) => {
      if (new URL(request.url).pathname === '/api/store/checkout') sentKeys.push(request.headers.get('Idempotency-Key') ?? '');
      const response = await globalThis.fetch(request);
      if (new URL(request.url).pathname === '/api/store/checkout' && loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('fetch failed'); // the server placed the order; the answer never arrived
      }
      return response;
    };
    const client = shop(storage, flaky);
    const cart = await client.cart.add(mug.variantIds[0], 3);
    const input = { cartId: cart.id, email: 'lost@example.com', shippingAddress: address, paymentMethod: 'bank_transfer' as const };
    const lost = await client.orders.checkout(input).catch((e: unknown) => e);
    expect(lost).toMatchObject({ status: 0, code: 'NETWORK' });
    const order = await shop(storage, flaky).orders.checkout(input); // after a reload, too
    expect(sentKeys).toHaveLength(2);
    expect(sentKeys[1]).toBe(sentKeys[0]);
    const orders = await api.request('GET', `/api/admin/orders?filter=${encodeURIComponent(JSON.stringify({ q: 'lost@example.com' }))}`, { token: adminToken });
    expect(orders.body.map((o: { id: number }) => o.id)).toEqual([order.id]);
    expect(order.lines[0].quantity).toBe(3);
  });
});

describe('session', () => {
  it('signing in merges the guest cart into the customer’s', async () => {
    const customer = await api.registerCustomer();
    const storage = memoryStorage();
    const client = shop(storage);
    await client.cart.add(shirt.variantIds[0], 2);
    const { session, mergedCart } = await client.auth.login({ email: customer.email, password: customer.password });
    expect(session.user.email).toBe(customer.email);
    expect(mergedCart?.customerId).toBe(customer.id);
    expect(mergedCart?.items.map((i) => [i.sku, i.quantity])).toEqual([['CS-S', 2]]);
    const mine = await shop(storage).cart.current();
    expect(mine?.id).toBe(mergedCart?.id);
    expect(storage.getItem('chance.guestCart')).toBeNull();
  });

  it('concurrent requests refused with an expired token share ONE refresh, and the session goes on', async () => {
    const customer = await api.registerCustomer();
    const storage = memoryStorage();
    const counter = countingFetch();
    const client = shop(storage, counter.fetch);
    await client.auth.login({ email: customer.email, password: customer.password });
    // the access token is no longer accepted (as after its expiry), while this device still thinks it is valid
    const stale = client.session.get()!;
    storage.setItem('chance.session', JSON.stringify({ ...stale, accessToken: `${stale.accessToken.slice(0, -4)}AAAA` }));
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.auth.me()));
    expect(answers.map((me) => me.email)).toEqual(Array(6).fill(customer.email));
    expect(counter.count('/api/auth/refresh')).toBe(1);
    // the rotated pair works (a second use of the spent refresh token would have revoked it)
    const second = shop(storage, counter.fetch);
    await expect(second.notifications.unreadCount()).resolves.toEqual(expect.any(Number));
    expect(second.session.get()!.refreshToken).not.toBe(stale.refreshToken);
  });

  it('an expired token is refreshed before a public call, which would otherwise answer as to a guest', async () => {
    const customer = await api.registerCustomer();
    const storage = memoryStorage();
    const client = shop(storage);
    await client.auth.login({ email: customer.email, password: customer.password });
    const current = client.session.get()!;
    storage.setItem('chance.session', JSON.stringify({ ...current, accessToken: `${current.accessToken.slice(0, -4)}AAAA`, expiresAt: Date.now() - 1000 }));
    const cart = await client.cart.ensure(); // POST /api/store/carts is public
    expect(cart.customerId).toBe(customer.id);
  });

  it('a refused refresh ends the session: UNAUTHENTICATED, listeners told, public reads still work', async () => {
    const customer = await api.registerCustomer();
    const storage = memoryStorage();
    const client = shop(storage);
    await client.auth.login({ email: customer.email, password: customer.password });
    const current = client.session.get()!;
    const events: (string | null)[] = [];
    client.session.subscribe((s) => events.push(s ? s.user.email : null));
    storage.setItem('chance.session', JSON.stringify({ ...current, accessToken: 'not-a-valid-token-at-all', refreshToken: 'spent-or-unknown' }));
    const error = await client.auth.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(client.session.get()).toBeNull();
    expect(events).toEqual([null]);
    await expect(client.catalog.categories()).resolves.toEqual(expect.any(Array));
  });

  it('register validates by field; logout ends the session on the server', async () => {
    const client = shop();
    const invalid = await client.auth.register({ email: 'not-an-email', password: 'x', fullName: '' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys((invalid as ApiError).fieldErrors)).toEqual(expect.arrayContaining(['email']));

    const { session } = await client.auth.register({ email: `reg-${Date.now()}@example.com`, password: 'a-long-password-1', fullName: 'Rene Register' });
    expect(session.user.profile.fullName).toBe('Rene Register');
    await client.auth.logout();
    expect(client.session.get()).toBeNull();
    const reuse = await api.request('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(reuse.status).toBe(401);
  });
});

describe('services, notifications, profile', () => {
  it('a customer books a service, sees it, cancels it; a past time is VALIDATION_FAILED on scheduledAt', async () => {
    const customer = await api.registerCustomer();
    const client = shop();
    await client.auth.login({ email: customer.email, password: customer.password });
    const [plumber] = await client.catalog.serviceTypes();
    const scheduledAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const booking = await client.bookings.book({ serviceTypeId: plumber.id, scheduledAt, address: '5 Pipe Road', notes: 'Leaking tap' });
    expect(booking).toMatchObject({ serviceName: 'Plumber', price: 6000, status: 'pending' });
    expect((await client.bookings.list()).items.map((b) => b.id)).toEqual([booking.id]);
    expect((await client.bookings.cancel(booking.id)).status).toBe('cancelled');
    const past = await client.bookings.book({ serviceTypeId: plumber.id, scheduledAt: '2020-01-01T10:00:00Z', address: 'x' }).catch((e: unknown) => e);
    expect(past).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((past as ApiError).fieldErrors).toHaveProperty('scheduledAt');
  });

  it('the live stream URL carries a fresh token and delivers a new notification; the inbox lists it', async () => {
    const customer = await api.registerCustomer();
    const client = shop();
    await client.auth.login({ email: customer.email, password: customer.password });
    const url = await client.notifications.streamUrl();
    expect(url).toMatch(/\/api\/me\/notifications\/stream\?accessToken=/);
    const abort = new AbortController();
    const stream = await fetch(url!, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const sent = await api.request('POST', '/api/admin/messages', {
      token: adminToken,
      body: { userId: customer.id, title: 'Hello from the shop', body: 'Welcome!' },
    });
    expect(sent.status).toBe(202);
    let text = '';
    while (!text.includes('event: notification')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(text).toContain('Hello from the shop');
    const inbox = await eventually(async () => {
      const page = await client.notifications.list({ unreadOnly: true });
      expect(page.total).toBe(1);
      return page;
    });
    expect(await client.notifications.unreadCount()).toBe(1);
    expect((await client.notifications.markRead(inbox.items[0].id)).readAt).not.toBeNull();
    expect(await client.notifications.unreadCount()).toBe(0);
  });

  it('the profile is updated and the stored session user follows', async () => {
    const customer = await api.registerCustomer();
    const client = shop();
    await client.auth.login({ email: customer.email, password: customer.password });
    const me = await client.auth.updateProfile({ phone: '+1 555 0199', address: '9 Elm Street' });
    expect(me.profile).toMatchObject({ phone: '+1 555 0199', address: '9 Elm Street' });
    expect(client.session.get()!.user.profile.address).toBe('9 Elm Street');
  });
});
