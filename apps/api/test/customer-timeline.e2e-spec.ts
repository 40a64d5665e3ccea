import { randomUUID } from 'node:crypto';
import { ADMIN, startTestApi, type Reply, type TestApi } from './support/test-api.js';
import { ADDRESS, productWithStock } from './support/shop.js';

// A customer's timeline (docs/api.md#customers): the account's orders, its linked in-store customer's
// sales, the bookings of both, refunds of any of those and messages, as one list in date order, over
// real HTTP on a real PostgreSQL.
let api: TestApi;
let token: string;
let staff: string;
let staffId: number;
let kettle: number;
let serviceTypeId: number;

const ok = async (reply: Promise<Reply>, status = 200) => {
  const r = await reply;
  if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
  return r.body;
};
const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();
const timeline = (id: number | string, params: Record<string, unknown> = {}, as = token) =>
  api.request('GET', `/api/admin/customers/${id}/timeline?${query(params)}`, { token: as });

let counter = 0;
async function account(fullName: string) {
  const email = `${fullName.toLowerCase().replace(/\W+/g, '.')}.${++counter}@example.com`;
  const body = await ok(api.request('POST', '/api/auth/register', { body: { email, password: 'customer-password-1', fullName } }), 201);
  return { id: body.user.id as number, email, token: body.accessToken as string };
}

const draftOrder = (customerId: number, quantity: number) =>
  ok(
    api.request('POST', '/api/admin/orders', {
      token,
      body: { customerId, lines: [{ variantId: kettle, quantity }], shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
    }),
    201,
  );
async function placedOrder(customerId: number, quantity: number) {
  const draft = await draftOrder(customerId, quantity);
  return ok(api.request('POST', `/api/admin/orders/${draft.id}/place`, { token, headers: { 'idempotency-key': randomUUID() } }));
}
const inStoreCustomer = (name: string, phone: string) => ok(api.request('POST', '/api/admin/offline-customers', { token, body: { name, phone } }), 201);
const sale = (customerId: number, quantity: number, paidAmount: number, soldAt?: string) =>
  ok(
    api.request('POST', '/api/admin/offline-sales', {
      token,
      body: {
        customerId,
        lines: [{ variantId: kettle, quantity }],
        paidAmount,
        ...(paidAmount > 0 ? { paymentMethod: 'cash' } : {}),
        ...(soldAt ? { soldAt } : {}),
      },
    }),
    201,
  );
const book = (who: { customerId: number } | { offlineCustomerId: number }, hoursAhead: number) =>
  ok(
    api.request('POST', '/api/admin/bookings', {
      token,
      body: { ...who, serviceTypeId, scheduledAt: new Date(Date.now() + hoursAhead * 3600_000).toISOString(), address: '1 Wire Way' },
    }),
    201,
  );
/** A direct refund of the record (the API answers the record); returns the refund itself. */
async function refund(resource: 'orders' | 'offline-sales' | 'bookings', id: number, amount: number) {
  await ok(api.request('POST', `/api/admin/${resource}/${id}/refunds`, { token, body: { amount, reason: 'Goodwill' } }), 201);
  const filter = { orders: 'orderId', 'offline-sales': 'offlineSaleId', bookings: 'bookingId' }[resource];
  const [made] = await ok(api.request('GET', `/api/admin/refunds?${query({ filter: { [filter]: id }, sort: ['id', 'DESC'] })}`, { token }));
  expect(made).toMatchObject({ amount, status: 'succeeded' });
  return made;
}
const messagesOf = async (userId: number) => ok(api.request('GET', `/api/admin/messages?${query({ filter: { userId } })}`, { token }));

type Entry = { kind: string; recordId: number; at: string; number: string | null; title: string | null; amount: number | null; status: string };
const KINDS = ['booking', 'message', 'offline_sale', 'order', 'refund'];
/** Newest first; equal dates by kind, then the newer record first (the API's documented order). */
const newestFirst = (a: Entry, b: Entry) => Date.parse(b.at) - Date.parse(a.at) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.recordId - a.recordId;
const key = (e: Pick<Entry, 'kind' | 'recordId'>) => `${e.kind}-${e.recordId}`;

/** The customer with one record of every kind (and a draft that is no record yet). */
async function customerWithHistory(name: string) {
  const c = await account(name);
  const shopper = await inStoreCustomer(`${name} at the counter`, `+1 555 01${String(counter).padStart(2, '0')}`);
  // sold three days ago, before any other record: the timeline is in date order, not in the order things were entered
  const oldSale = await sale(shopper.id, 1, 0, new Date(Date.now() - 3 * 86_400_000).toISOString());
  await ok(api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: c.id } }));
  const first = await placedOrder(c.id, 2);
  await ok(api.request('POST', `/api/admin/orders/${first.id}/payments`, { token, body: { amount: 3000, method: 'cash' } }), 201);
  const orderRefund = await refund('orders', first.id, 700);
  await draftOrder(c.id, 1); // a draft is not in the timeline
  const paidSale = await sale(shopper.id, 1, 2750);
  const saleRefund = await refund('offline-sales', paidSale.id, 300);
  const second = await placedOrder(c.id, 1);
  const ownBooking = await book({ customerId: c.id }, 48);
  const counterBooking = await book({ offlineCustomerId: shopper.id }, 72);
  await ok(api.request('POST', `/api/admin/bookings/${counterBooking.id}/payments`, { token, body: { amount: 1000, method: 'cash' } }), 201);
  const bookingRefund = await refund('bookings', counterBooking.id, 400);
  await ok(api.request('POST', `/api/admin/bookings/${ownBooking.id}/status`, { token, body: { status: 'cancelled' } }));
  await ok(api.request('POST', '/api/admin/messages', { token, body: { userId: c.id, title: `Hello ${name}`, body: 'Your kettle is ready.' } }), 202);
  await ok(api.request('POST', '/api/me/messages', { token: c.token, body: { title: 'Thanks', body: 'See you Sunday.' } }), 202);

  // what each record says now, as the API shows it
  const get = (path: string) => ok(api.request('GET', path, { token }));
  const orders = await Promise.all([first, second].map((o) => get(`/api/admin/orders/${o.id}`)));
  const sales = await Promise.all([oldSale, paidSale].map((s) => get(`/api/admin/offline-sales/${s.id}`)));
  const bookings = await Promise.all([ownBooking, counterBooking].map((b) => get(`/api/admin/bookings/${b.id}`)));
  const messages = await messagesOf(c.id);
  expect(messages).toHaveLength(2);
  const expected: Entry[] = [
    ...orders.map((o: any) => ({ kind: 'order', recordId: o.id, at: o.placedAt, number: o.number, title: null, amount: o.total, status: o.status })),
    ...sales.map((s: any) => ({ kind: 'offline_sale', recordId: s.id, at: s.soldAt, number: s.number, title: null, amount: s.total, status: s.status })),
    ...bookings.map((b: any) => ({
      kind: 'booking',
      recordId: b.id,
      at: b.scheduledAt,
      number: null,
      title: b.serviceName,
      amount: b.total,
      status: b.status,
    })),
    ...[orderRefund, saleRefund, bookingRefund].map((r: any) => ({
      kind: 'refund',
      recordId: r.id,
      at: r.refundedAt,
      number: r.number,
      title: r.recordNumber,
      amount: r.amount,
      status: r.status,
    })),
    ...messages.map((m: any) => ({ kind: 'message', recordId: m.id, at: m.createdAt, number: null, title: m.title, amount: null, status: m.direction })),
  ].sort(newestFirst);
  return { c, shopper, expected };
}

const entriesOf = (body: any[]): Entry[] =>
  body.map((e) => ({ kind: e.kind, recordId: e.recordId, at: e.at, number: e.number, title: e.title, amount: e.amount, status: e.status }));

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
  kettle = (await productWithStock(api, token, { name: 'Kettle', price: 2500, costPrice: 1000, stock: 500 })).variantIds[0];
  const created = await ok(
    api.request('POST', '/api/admin/users', { token, body: { email: 'desk@shop.test', password: 'staff-password-1', fullName: 'Desk Staff', role: 'staff' } }),
    201,
  );
  staffId = created.id;
  staff = await api.login('desk@shop.test', 'staff-password-1');
  serviceTypeId = (await ok(api.request('POST', '/api/admin/service-types', { token, body: { name: 'Electrician', price: 8000, durationMinutes: 60 } }), 201))
    .id;
});
afterAll(() => api.close());

describe('customer timeline', () => {
  it('shows the orders, the linked in-store customer’s sales, the bookings of both, their refunds and the messages in date order — and nobody else’s', async () => {
    const { c, expected } = await customerWithHistory('Tina Timeline');
    // another customer with records of every kind, a broadcast, and an in-store customer of nobody
    const other = await customerWithHistory('Otto Other');
    await ok(api.request('POST', '/api/admin/messages', { token, body: { title: 'Sale on Friday', body: 'Half price.' } }), 202);
    const stranger = await inStoreCustomer('Stranger at the counter', '+1 555 0999');
    await sale(stranger.id, 1, 2750);
    await book({ offlineCustomerId: stranger.id }, 24);

    expect(expected.map((e) => e.kind).sort()).toEqual(
      ['booking', 'booking', 'message', 'message', 'offline_sale', 'offline_sale', 'order', 'order', 'refund', 'refund', 'refund'].sort(),
    );
    const reply = await timeline(c.id, { range: [0, 99] });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-range')).toBe(`customer-timeline 0-${expected.length - 1}/${expected.length}`);
    expect(entriesOf(reply.body)).toEqual(expected);
    // dates never go up, and the old sale (sold before anything else was entered) is the oldest
    const dates = reply.body.map((e: any) => Date.parse(e.at));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(reply.body.at(-1).kind).toBe('offline_sale');
    // each entry names its record's page
    for (const e of reply.body) {
      expect(e.id).toBe(key(e));
      expect(e.resource).toBe(
        { order: 'orders', offline_sale: 'offline-sales', booking: 'bookings', refund: 'refunds', message: 'messages' }[e.kind as string],
      );
      // messages have no page of their own: the list fetches them by id
      const path = e.kind === 'message' ? `/api/admin/messages?${query({ filter: { id: [e.recordId] } })}` : `/api/admin/${e.resource}/${e.recordId}`;
      const record = await ok(api.request('GET', path, { token }));
      expect(e.kind === 'message' ? record.map((m: any) => m.id) : record.id).toEqual(e.kind === 'message' ? [e.recordId] : e.recordId);
    }
    // a cancelled booking and its status, a refund's record, a message's direction
    expect(
      reply.body
        .filter((e: any) => e.kind === 'booking')
        .map((e: any) => e.status)
        .sort(),
    ).toEqual(['cancelled', 'pending']);
    expect(
      reply.body
        .filter((e: any) => e.kind === 'message')
        .map((e: any) => e.status)
        .sort(),
    ).toEqual(['from_customer', 'to_customer']);

    const others = new Set(other.expected.map(key));
    expect(reply.body.filter((e: any) => others.has(e.id))).toEqual([]);
    expect(entriesOf((await timeline(other.c.id, { range: [0, 99] })).body)).toEqual(other.expected);
  });

  it('pages with range (each page a slice of the whole), oldest first on request, and counts every entry', async () => {
    const { c, expected } = await customerWithHistory('Petra Pages');
    const pages: Entry[] = [];
    for (let start = 0; start < expected.length; start += 4) {
      const page = await timeline(c.id, { range: [start, start + 3] });
      expect(page.status).toBe(200);
      const end = Math.min(start + 3, expected.length - 1);
      expect(page.headers.get('content-range')).toBe(`customer-timeline ${start}-${end}/${expected.length}`);
      pages.push(...entriesOf(page.body));
    }
    expect(pages).toEqual(expected);

    const past = await timeline(c.id, { range: [100, 109] });
    expect([past.status, past.body, past.headers.get('content-range')]).toEqual([200, [], `customer-timeline */${expected.length}`]);
    const oldest = await timeline(c.id, { range: [0, 99], sort: ['at', 'ASC'] });
    expect(entriesOf(oldest.body)).toEqual([...expected].reverse());
    // the default page is the newest 25
    expect(entriesOf((await timeline(c.id)).body)).toEqual(expected.slice(0, 25));

    const fresh = await account('Nina New');
    const none = await timeline(fresh.id);
    expect([none.status, none.body, none.headers.get('content-range')]).toEqual([200, [], 'customer-timeline */0']);
  });

  it('reads the whole timeline in one SQL statement, however long it is', async () => {
    const { c, expected } = await customerWithHistory('Quinn Queries');
    const statements = async (range: [number, number]) => {
      const before = api.queries.length;
      const reply = await timeline(c.id, { range });
      expect(reply.status).toBe(200);
      return { rows: reply.body.length, reading: api.queries.slice(before).filter((q) => /\b(orders|offline_sales|bookings|refunds|messages)\b/.test(q)) };
    };
    const one = await statements([0, 0]);
    const all = await statements([0, 99]);
    expect([one.rows, all.rows]).toEqual([1, expected.length]);
    expect(one.reading).toHaveLength(1);
    expect(all.reading).toHaveLength(1);
  });

  it('is for admins and staff only, and 404 for an id that is not a customer’s', async () => {
    const { c, expected } = await customerWithHistory('Sam Staffread');
    const asStaff = await timeline(c.id, { range: [0, 99] }, staff);
    expect(asStaff.status).toBe(200);
    expect(entriesOf(asStaff.body)).toEqual(expected);

    // the customer themself, and another customer: the back office is not theirs (403 as every admin route)
    const asCustomer = await api.request('GET', `/api/admin/customers/${c.id}/timeline`, { token: c.token });
    expect([asCustomer.status, asCustomer.body.code]).toEqual([403, 'FORBIDDEN']);
    const nosy = await account('Nosy Neighbour');
    const asOther = await api.request('GET', `/api/admin/customers/${c.id}/timeline`, { token: nosy.token });
    expect([asOther.status, asOther.body.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await api.request('GET', `/api/admin/customers/${c.id}/timeline`);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);

    const adminId = (await ok(api.request('GET', '/api/me', { token }))).id;
    for (const id of [999_999, staffId, adminId, 'abc', 0]) {
      const missing = await timeline(id);
      expect([id, missing.status, missing.body.code]).toEqual([id, 404, 'NOT_FOUND']);
    }

    for (const [params, field] of [
      [{ range: [0, 1000] }, 'range'],
      [{ range: [5, 2] }, 'range'],
      [{ sort: ['number', 'ASC'] }, 'sort'],
      [{ filter: { q: 'kettle' } }, 'filter.q'],
      [{ filter: { id: [1] } }, 'filter.id'],
    ] as const) {
      const refused = await timeline(c.id, params);
      expect([refused.status, refused.body.code, Object.keys(refused.body.errors ?? {})]).toEqual([400, 'VALIDATION_FAILED', [field]]);
    }
  });
});
