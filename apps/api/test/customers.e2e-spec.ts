import { randomUUID } from 'node:crypto';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { ADDRESS, productWithStock } from './support/shop.js';

// Customers across channels (docs/api.md#customers): the maintained figures after every kind of change,
// over real HTTP on a real PostgreSQL, compared with the records they sum.
let api: TestApi;
let token: string;
let staff: string;
let staffId: number;
let kettle: number;
let serviceTypeId: number;

const list = (path: string, query: Record<string, unknown> = {}, as = token) =>
  api.request('GET', `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, JSON.stringify(v)]))}`, { token: as });
const customerRow = async (id: number) => {
  const reply = await api.request('GET', `/api/admin/customers/${id}`, { token });
  if (reply.status !== 200) throw new Error(`${reply.status} ${reply.text}`);
  return reply.body;
};
const figures = async (id: number) => {
  const c = await customerRow(id);
  return {
    ordersCount: c.ordersCount,
    offlineSalesCount: c.offlineSalesCount,
    bookingsCount: c.bookingsCount,
    lifetimeValue: c.lifetimeValue,
    outstandingBalance: c.outstandingBalance,
  };
};
const ok = async (reply: Promise<{ status: number; body: any; text: string }>, status = 200) => {
  const r = await reply;
  if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
  return r.body;
};

let counter = 0;
async function account(fullName: string, phone?: string) {
  const email = `${fullName.toLowerCase().replace(/\W+/g, '.')}.${++counter}@example.com`;
  const body = await ok(
    api.request('POST', '/api/auth/register', { body: { email, password: 'customer-password-1', fullName, ...(phone ? { phone } : {}) } }),
    201,
  );
  return { id: body.user.id as number, email, token: body.accessToken as string };
}

/** A placed order of the account (a phone order placed by staff). */
async function placedOrder(customerId: number, quantity: number) {
  const draft = await ok(
    api.request('POST', '/api/admin/orders', {
      token,
      body: { customerId, lines: [{ variantId: kettle, quantity }], shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
    }),
    201,
  );
  return ok(api.request('POST', `/api/admin/orders/${draft.id}/place`, { token, headers: { 'idempotency-key': randomUUID() } }));
}

async function sale(customerId: number, quantity: number, paidAmount = 0) {
  return ok(api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId: kettle, quantity }], paidAmount } }), 201);
}
const saleOf = (id: number) => ok(api.request('GET', `/api/admin/offline-sales/${id}`, { token }));

/** What the records say, as the API shows them: Σ totals − refunds of the records not cancelled, Σ their balances. */
function summed(orders: any[], sales: any[], bookings: any[] = []) {
  const live = (r: any) => r.status !== 'cancelled' && r.status !== 'draft';
  const money = (b: any) => ({ total: b.total ?? b.price, paid: b.paidAmount ?? 0, refunded: b.refundedAmount ?? 0 });
  return {
    ordersCount: orders.filter(live).length,
    offlineSalesCount: sales.filter(live).length,
    bookingsCount: bookings.filter(live).length,
    lifetimeValue:
      orders.filter(live).reduce((sum, o) => sum + o.total - o.refundedAmount, 0) +
      sales.filter(live).reduce((sum, s) => sum + s.total - s.refundedAmount, 0) +
      bookings.filter((b) => b.status === 'completed').reduce((sum, b) => sum + money(b).total - money(b).refunded, 0),
    outstandingBalance:
      orders.filter(live).reduce((sum, o) => sum + o.balanceDue, 0) +
      sales.filter(live).reduce((sum, s) => sum + s.balance, 0) +
      bookings.filter(live).reduce((sum, b) => sum + money(b).total - money(b).paid, 0),
  };
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
  kettle = (await productWithStock(api, token, { name: 'Kettle', price: 2500, costPrice: 1000, stock: 500 })).variantIds[0];
  const created = await ok(
    api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'desk@shop.test', password: 'staff-password-1', fullName: 'Desk Staff', role: 'staff' },
    }),
    201,
  );
  staffId = created.id;
  staff = await api.login('desk@shop.test', 'staff-password-1');
  serviceTypeId = (await ok(api.request('POST', '/api/admin/service-types', { token, body: { name: 'Electrician', price: 8000, durationMinutes: 60 } }), 201))
    .id;
});
afterAll(() => api.close());

describe('customers', () => {
  it('count orders placed, paid, edited, refunded and cancelled — drafts nowhere — with lifetime value = Σ totals − refunds', async () => {
    const c = await account('Olga Orders');
    expect(await customerRow(c.id)).toMatchObject({
      id: c.id,
      email: c.email,
      fullName: 'Olga Orders',
      notes: null,
      offlineCustomerId: null,
      ordersCount: 0,
      offlineSalesCount: 0,
      bookingsCount: 0,
      lifetimeValue: 0,
      outstandingBalance: 0,
      lastActivityAt: null,
    });

    // a draft counts nowhere
    await ok(
      api.request('POST', '/api/admin/orders', {
        token,
        body: { customerId: c.id, lines: [{ variantId: kettle, quantity: 1 }], shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
      }),
      201,
    );
    expect((await customerRow(c.id)).ordersCount).toBe(0);
    expect((await customerRow(c.id)).lastActivityAt).toBeNull();

    const first = await placedOrder(c.id, 2); // 2 × 25.00 + 10 % = 55.00
    expect(first.total).toBe(5500);
    expect(await figures(c.id)).toEqual({ ordersCount: 1, offlineSalesCount: 0, bookingsCount: 0, lifetimeValue: 5500, outstandingBalance: 5500 });
    expect(new Date((await customerRow(c.id)).lastActivityAt).toISOString()).toBe(new Date(first.placedAt).toISOString());

    // paid in part: the balance goes down, the value stays
    await ok(api.request('POST', `/api/admin/orders/${first.id}/payments`, { token, body: { amount: 2000, method: 'cash' } }), 201);
    expect(await figures(c.id)).toMatchObject({ lifetimeValue: 5500, outstandingBalance: 3500 });

    // edited: the new total counts
    await ok(api.request('PUT', `/api/admin/orders/${first.id}`, { token, body: { lines: [{ lineId: first.lines[0].id, variantId: kettle, quantity: 3 }] } }));
    expect(await figures(c.id)).toMatchObject({ lifetimeValue: 8250, outstandingBalance: 6250 });

    // refunded in part: the value goes down, the balance does not change (refunds are counted apart)
    await ok(api.request('POST', `/api/admin/orders/${first.id}/refunds`, { token, body: { amount: 700, reason: 'Goodwill' } }), 201);
    expect(await figures(c.id)).toMatchObject({ ordersCount: 1, lifetimeValue: 7550, outstandingBalance: 6250 });

    // a second order, then cancelled: it leaves every count and sum, but stays the last activity
    const second = await placedOrder(c.id, 1);
    expect(await figures(c.id)).toMatchObject({ ordersCount: 2, lifetimeValue: 7550 + 2750, outstandingBalance: 6250 + 2750 });
    await ok(api.request('POST', `/api/admin/orders/${second.id}/cancel`, { token }));
    expect(await figures(c.id)).toMatchObject({ ordersCount: 1, lifetimeValue: 7550, outstandingBalance: 6250 });
    expect(new Date((await customerRow(c.id)).lastActivityAt).toISOString()).toBe(new Date(second.placedAt).toISOString());

    // fully paid: nothing outstanding
    await ok(api.request('POST', `/api/admin/orders/${first.id}/mark-paid`, { token }));
    const orders = await ok(list('/api/admin/orders', { filter: { customerId: c.id } }));
    expect(await figures(c.id)).toEqual(summed(orders, []));
    expect(await figures(c.id)).toMatchObject({ lifetimeValue: 7550, outstandingBalance: 0 });
    await expectIntegrity(api);
  });

  it('linking an in-store customer brings its sales, with every later sale, payment, refund and cancellation; relinking and unlinking move them', async () => {
    const first = await account('Linda Link');
    const second = await account('Lars Relink');
    const shopper = await ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Linda at the counter', phone: '+1 555 0101' } }), 201);
    expect(shopper.userId).toBeNull();
    const own = await placedOrder(first.id, 1);
    const before = [await sale(shopper.id, 1, 1000), await sale(shopper.id, 2)];

    // not linked yet: only the account's own order
    expect(await figures(first.id)).toEqual(summed([own], []));

    const linked = await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token: staff, body: { userId: first.id } }));
    expect(linked).toMatchObject({ id: shopper.id, userId: first.id });
    expect(await customerRow(first.id)).toMatchObject({ offlineCustomerId: shopper.id, offlineSalesCount: 2 });
    expect(await figures(first.id)).toEqual(summed([own], before));
    expect(new Date((await customerRow(first.id)).lastActivityAt).toISOString()).toBe(new Date(before[1].soldAt).toISOString());

    // while linked: a new sale, a payment, a refund, a cancellation
    const later = await sale(shopper.id, 1, 2750);
    await ok(api.request('POST', `/api/admin/offline-sales/${before[1].id}/payments`, { token, body: { amount: 500, method: 'card' } }), 201);
    await ok(api.request('POST', `/api/admin/offline-sales/${later.id}/refunds`, { token, body: { amount: 300, reason: 'Dented' } }), 201);
    await ok(api.request('POST', `/api/admin/offline-sales/${before[0].id}/cancel`, { token }));
    const sales = await Promise.all([before[0].id, before[1].id, later.id].map(saleOf));
    expect(sales.map((s) => s.status)).toEqual(['cancelled', 'completed', 'completed']);
    const expected = summed([own], sales);
    expect(expected).toMatchObject({ offlineSalesCount: 2, lifetimeValue: own.total + sales[1].total + sales[2].total - 300 });
    expect(await figures(first.id)).toEqual(expected);

    // relinked to another account: the sales go with the link
    await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: second.id } }));
    expect(await figures(first.id)).toEqual(summed([own], []));
    expect((await customerRow(first.id)).offlineCustomerId).toBeNull();
    expect(new Date((await customerRow(first.id)).lastActivityAt).toISOString()).toBe(new Date(own.placedAt).toISOString());
    expect(await figures(second.id)).toEqual(summed([], sales));
    expect((await customerRow(second.id)).offlineCustomerId).toBe(shopper.id);

    // unlinked
    const unlinked = await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: null } }));
    expect(unlinked.userId).toBeNull();
    expect(await customerRow(second.id)).toMatchObject({
      offlineCustomerId: null,
      offlineSalesCount: 0,
      lifetimeValue: 0,
      outstandingBalance: 0,
      lastActivityAt: null,
    });
    await expectIntegrity(api);
  });

  it('stay exact while links change and sales, payments and orders of the same customers happen at the same time', async () => {
    const a = await account('Ada Concurrent');
    const b = await account('Ben Concurrent');
    const shopper = await ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Racing Shopper', phone: '555-0505' } }), 201);
    const sales = [await sale(shopper.id, 1), await sale(shopper.id, 2), await sale(shopper.id, 1)];
    const replies = await Promise.all([
      ...[a.id, b.id, a.id, b.id, null, a.id].map((userId) => api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId } })),
      ...sales.flatMap((s) =>
        [1, 2].map(() => api.request('POST', `/api/admin/offline-sales/${s.id}/payments`, { token, body: { amount: 100, method: 'cash' } })),
      ),
      ...[1, 2, 3].map(() =>
        api.request('POST', '/api/admin/offline-sales', {
          token,
          body: { customerId: shopper.id, lines: [{ variantId: kettle, quantity: 1 }], paidAmount: 50 },
        }),
      ),
      ...[a.id, b.id, a.id].map((id) => placedOrder(id, 1)),
    ]);
    expect(replies.slice(0, 15).map((r: any) => r.status)).toEqual([...Array(6).fill(200), ...Array(6).fill(201), ...Array(3).fill(201)]);
    // whichever link won, the figures are the records'
    await expectIntegrity(api);
    const linkedTo = (await ok(api.request('GET', `/api/admin/offline-customers/${shopper.id}`, { token }))).userId;
    const all = await ok(list('/api/admin/offline-sales', { filter: { customerId: shopper.id }, range: [0, 99] }));
    expect(all).toHaveLength(6);
    const ordersOf = async (id: number) => ok(list('/api/admin/orders', { filter: { customerId: id }, range: [0, 99] }));
    for (const who of [a, b]) expect(await figures(who.id)).toEqual(summed(await ordersOf(who.id), who.id === linkedTo ? all : []));
  });

  it('refuses a link to an account already linked, to a user who is not a customer, and answers 404 for an unknown in-store customer', async () => {
    const c = await account('Una Unique');
    const a = await ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'First Una', phone: '555-0201' } }), 201);
    const b = await ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Second Una', phone: '555-0202' } }), 201);
    await ok(api.request('PUT', `/api/admin/offline-customers/${a.id}`, { token, body: { userId: c.id } }));

    const taken = await api.request('PUT', `/api/admin/offline-customers/${b.id}`, { token, body: { userId: c.id, name: 'Renamed' } });
    expect([taken.status, taken.body.code, taken.body.errors]).toEqual([
      400,
      'VALIDATION_FAILED',
      { userId: 'is already linked to another in-store customer' },
    ]);
    expect((await ok(api.request('GET', `/api/admin/offline-customers/${b.id}`, { token }))).name).toBe('Second Una'); // nothing changed

    const notCustomer = await api.request('PUT', `/api/admin/offline-customers/${b.id}`, { token, body: { userId: staffId } });
    expect([notCustomer.status, notCustomer.body.errors]).toEqual([400, { userId: 'is not a customer account' }]);
    const unknownUser = await api.request('PUT', `/api/admin/offline-customers/${b.id}`, { token, body: { userId: 999_999 } });
    expect([unknownUser.status, unknownUser.body.errors]).toEqual([400, { userId: 'is not a customer account' }]);
    const badId = await api.request('PUT', `/api/admin/offline-customers/${b.id}`, { token, body: { userId: 'seven' } });
    expect([badId.status, badId.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const missing = await api.request('PUT', '/api/admin/offline-customers/999999', { token, body: { userId: c.id } });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);

    // two links of one account at once: exactly one wins
    const other = await account('Una Race');
    const replies = await Promise.all([a, b].map((oc) => api.request('PUT', `/api/admin/offline-customers/${oc.id}`, { token, body: { userId: other.id } })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
    const { rows } = await api.db.pool.query('SELECT count(*)::int AS n FROM offline_customers WHERE user_id = $1', [other.id]);
    expect(rows[0].n).toBe(1);
    await expectIntegrity(api);
  });

  it('count bookings not cancelled, with the value of completed ones and what is still due on them', async () => {
    const c = await account('Bea Booker');
    const at = new Date(Date.now() + 48 * 3600_000).toISOString();
    const book = () =>
      ok(api.request('POST', '/api/admin/bookings', { token, body: { customerId: c.id, serviceTypeId, scheduledAt: at, address: '1 Wire Way' } }), 201);
    const done = await book();
    const kept = await book();
    const dropped = await book();
    await ok(api.request('POST', `/api/admin/bookings/${done.id}/status`, { token, body: { status: 'completed' } }));
    await ok(api.request('POST', `/api/admin/bookings/${dropped.id}/status`, { token, body: { status: 'cancelled' } }));
    const bookings = await Promise.all([done.id, kept.id, dropped.id].map((id) => ok(api.request('GET', `/api/admin/bookings/${id}`, { token }))));
    const expected = summed([], [], bookings);
    expect(expected).toMatchObject({ bookingsCount: 2 });
    expect(expected.lifetimeValue).toBeGreaterThan(0);
    expect(await figures(c.id)).toEqual(expected);
    await expectIntegrity(api);
  });

  it('count the bookings of a linked in-store customer — paid in parts, completed, refunded — and move them with the link', async () => {
    const owner = await account('Ivo Instore');
    const other = await account('Olga Other');
    const shopper = await ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Ivo at the counter', phone: '+1 555 0177' } }), 201);
    const at = new Date(Date.now() + 72 * 3600_000).toISOString();
    const book = () =>
      ok(
        api.request('POST', '/api/admin/bookings', {
          token,
          body: { offlineCustomerId: shopper.id, serviceTypeId, scheduledAt: at, address: '3 Counter Lane', assigneeId: staffId },
        }),
        201,
      );
    const done = await book();
    const open = await book();
    await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: owner.id } }));
    const bookingOf = (id: number) => ok(api.request('GET', `/api/admin/bookings/${id}`, { token }));
    expect(await figures(owner.id)).toEqual(summed([], [], [await bookingOf(done.id), await bookingOf(open.id)]));
    expect(new Date((await customerRow(owner.id)).lastActivityAt).toISOString()).toBe(new Date(open.createdAt).toISOString());

    // while linked: paid in two parts, completed, part refunded
    const half = Math.floor(done.total / 2);
    await ok(api.request('POST', `/api/admin/bookings/${done.id}/payments`, { token, body: { amount: half, method: 'cash' } }), 201);
    await ok(api.request('POST', `/api/admin/bookings/${done.id}/payments`, { token, body: { amount: done.total - half, method: 'card' } }), 201);
    await ok(api.request('POST', `/api/admin/bookings/${done.id}/status`, { token, body: { status: 'completed' } }));
    await ok(api.request('POST', `/api/admin/bookings/${done.id}/refunds`, { token, body: { amount: 500, reason: 'Late' } }), 201);
    const bookings = [await bookingOf(done.id), await bookingOf(open.id)];
    expect(bookings[0]).toMatchObject({ status: 'completed', paidAmount: done.total, refundedAmount: 500 });
    const expected = summed([], [], bookings);
    expect(expected).toMatchObject({ bookingsCount: 2, lifetimeValue: done.total - 500, outstandingBalance: open.total });
    expect(await figures(owner.id)).toEqual(expected);

    // relinked: the bookings go with the link, and the first account has no activity left
    await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: other.id } }));
    expect(await figures(other.id)).toEqual(expected);
    expect(await customerRow(owner.id)).toMatchObject({ bookingsCount: 0, lifetimeValue: 0, outstandingBalance: 0, lastActivityAt: null });
    await expectIntegrity(api);
  });

  it('search by name, e-mail and phone, and sort by lifetime value, outstanding balance and last activity', async () => {
    const big = await account('Zelda Spender', '+44 7700 900111');
    const small = await account('Yuri Saver', '+44 7700 900222');
    await placedOrder(big.id, 10);
    await placedOrder(small.id, 1);

    const byName = await list('/api/admin/customers', { filter: { q: 'zelda spe' } });
    expect(byName.body.map((c: any) => c.id)).toEqual([big.id]);
    const byEmail = await list('/api/admin/customers', { filter: { q: small.email.toUpperCase() } });
    expect(byEmail.body.map((c: any) => c.id)).toEqual([small.id]);
    const byPhone = await list('/api/admin/customers', { filter: { q: '900222' } });
    expect(byPhone.body.map((c: any) => c.id)).toEqual([small.id]);

    const byValue = await list('/api/admin/customers', { sort: ['lifetimeValue', 'DESC'], range: [0, 999] });
    expect(byValue.status).toBe(200);
    const values = byValue.body.map((c: any) => c.lifetimeValue);
    expect(values).toEqual([...values].sort((x: number, y: number) => y - x));
    expect(byValue.body[0].id).toBe(big.id);
    expect(byValue.headers.get('content-range')).toBe(`customers 0-${byValue.body.length - 1}/${byValue.body.length}`);
    const ascending = await list('/api/admin/customers', { sort: ['lifetimeValue', 'ASC'], range: [0, 999] });
    expect(ascending.body.map((c: any) => c.id)).toEqual(byValue.body.map((c: any) => c.id).reverse());
    const owing = await list('/api/admin/customers', { sort: ['outstandingBalance', 'DESC'], range: [0, 0] });
    expect(owing.body[0].id).toBe(big.id);
    const recent = await list('/api/admin/customers', { sort: ['lastActivityAt', 'DESC'], filter: { id: [big.id, small.id] } });
    expect(recent.body.map((c: any) => c.id)).toEqual([small.id, big.id]);

    // accounts with role customer only
    const emails = byValue.body.map((c: any) => c.email);
    expect(emails).not.toContain(ADMIN.email);
    expect(emails).not.toContain('desk@shop.test');
    const badSort = await list('/api/admin/customers', { sort: ['passwordHash', 'ASC'] });
    expect([badSort.status, badSort.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('are read and annotated by staff, never by customers; notes are audited; only notes may be changed', async () => {
    const c = await account('Nora Notes');
    expect((await list('/api/admin/customers', {}, staff)).status).toBe(200);
    expect((await api.request('GET', `/api/admin/customers/${c.id}`, { token: staff })).status).toBe(200);
    const noted = await api.request('PUT', `/api/admin/customers/${c.id}`, { token: staff, body: { notes: 'Prefers morning deliveries' } });
    expect([noted.status, noted.body.notes]).toEqual([200, 'Prefers morning deliveries']);
    expect((await customerRow(c.id)).notes).toBe('Prefers morning deliveries');
    const { rows } = await api.db.pool.query(`SELECT actor_id, changes FROM audit_logs WHERE resource = 'customers' AND resource_id = $1`, [c.id]);
    expect(rows).toEqual([{ actor_id: staffId, changes: { notes: [null, 'Prefers morning deliveries'] } }]);
    // the customer never sees them
    expect(JSON.stringify((await api.request('GET', '/api/me', { token: c.token })).body)).not.toContain('morning');

    expect((await api.request('GET', '/api/admin/customers', { token: c.token })).status).toBe(403);
    expect((await api.request('PUT', `/api/admin/customers/${c.id}`, { token: c.token, body: { notes: 'x' } })).status).toBe(403);
    expect((await api.request('GET', '/api/admin/customers')).status).toBe(401);

    const role = await api.request('PUT', `/api/admin/customers/${c.id}`, { token: staff, body: { role: 'admin' } });
    expect([role.status, role.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const figure = await api.request('PUT', `/api/admin/customers/${c.id}`, { token: staff, body: { lifetimeValue: 1 } });
    expect([figure.status, figure.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const long = await api.request('PUT', `/api/admin/customers/${c.id}`, { token: staff, body: { notes: 'x'.repeat(5001) } });
    expect([long.status, Object.keys(long.body.errors)]).toEqual([400, ['notes']]);
    expect((await customerRow(c.id)).notes).toBe('Prefers morning deliveries');
    const cleared = await api.request('PUT', `/api/admin/customers/${c.id}`, { token, body: { notes: null } });
    expect(cleared.body.notes).toBeNull();
  });

  it('answer 404 for an unknown id and for a user who is not a customer', async () => {
    for (const id of [999_999, staffId]) {
      const reply = await api.request('GET', `/api/admin/customers/${id}`, { token });
      expect([reply.status, reply.body.code]).toEqual([404, 'NOT_FOUND']);
      const put = await api.request('PUT', `/api/admin/customers/${id}`, { token, body: { notes: 'x' } });
      expect([put.status, put.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await api.request('GET', '/api/admin/customers/abc', { token })).status).toBe(404);
  });

  it('export the list with the figures', async () => {
    const c = await account('Erin Export');
    await placedOrder(c.id, 1);
    const reply = await api.request('GET', `/api/admin/customers/export.csv?filter=${encodeURIComponent(JSON.stringify({ id: [c.id] }))}`, { token: staff });
    expect(reply.status).toBe(200);
    const [header, row] = reply.text.trim().split(/\r?\n/);
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    expect(cells).toMatchObject({ id: String(c.id), email: c.email, ordersCount: '1', lifetimeValue: '2750', outstandingBalance: '2750' });
  });
});
