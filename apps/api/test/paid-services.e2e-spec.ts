import { OutboxRelay } from '@chance/core';
import { eventually } from './support/eventually.js';
import { ADMIN, expectIntegrity, startTestApi, type Reply, type TestApi } from './support/test-api.js';

// docs/api.md#services-and-notifications (SPEC 17): bookings for an account or an in-store customer, assignees, the
// calendar's window, paid services (totals with tax, payments, OVERPAYMENT under concurrency, the
// invoice on completion, refunds, cancellation), servicesRevenue in the reports through the
// revenue ledger, and the invariant checker's booking checks.

let api: TestApi;
let token: string;
let staff: { id: number; token: string };
let serviceTypeId: number;
let inStoreCustomerId: number;

// 80.00 at 20 %: tax 16.00, total 96.00
const PRICE = 8000;
const TAX = 1600;
const TOTAL = 9600;

const DAY = 86_400_000;
const future = (hours = 48) => new Date(Date.now() + hours * 3_600_000).toISOString();
const query = (filter: object, extra = '') => `filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

async function book(body: object, as = token): Promise<Reply> {
  return api.request('POST', '/api/admin/bookings', { token: as, body: { serviceTypeId, scheduledAt: future(), address: '5 Cable Street', ...body } });
}

async function bookFor(customer: { customerId?: number; offlineCustomerId?: number }, extra: object = {}): Promise<any> {
  const reply = await book({ ...customer, ...extra });
  if (reply.status !== 201) throw new Error(`book: ${reply.status} ${reply.text}`);
  return reply.body;
}

const pay = (bookingId: number, body: object, key?: string): Promise<Reply> =>
  api.request('POST', `/api/admin/bookings/${bookingId}/payments`, { token, body, headers: key ? { 'idempotency-key': key } : {} });
const move = (bookingId: number, status: string): Promise<Reply> => api.request('POST', `/api/admin/bookings/${bookingId}/status`, { token, body: { status } });
const bookingRow = async (id: number) => (await api.request('GET', `/api/admin/bookings/${id}`, { token })).body;

/** The invariant checks the report flags, with their records. */
async function brokenChecks(): Promise<Record<string, string[]>> {
  const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
  return Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 2000 } });
  const created = await api.request('POST', '/api/admin/users', {
    token,
    body: { email: 'sam@shop.test', password: 'staff-password', fullName: 'Sam Staff', role: 'staff' },
  });
  staff = { id: created.body.id, token: await api.login('sam@shop.test', 'staff-password') };
  serviceTypeId = (await api.request('POST', '/api/admin/service-types', { token, body: { name: 'Electrician', price: PRICE, durationMinutes: 90 } })).body.id;
  inStoreCustomerId = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Walk-in Wendy', phone: '555-0101' } })).body.id;
});
afterAll(() => api.close());

describe('whom a booking is for', () => {
  it('takes exactly one of an account and an in-store customer', async () => {
    const customer = await api.registerCustomer();
    const both = await book({ customerId: customer.id, offlineCustomerId: inStoreCustomerId });
    expect([both.status, both.body.code, Object.keys(both.body.errors).sort()]).toEqual([400, 'VALIDATION_FAILED', ['customerId', 'offlineCustomerId']]);
    const neither = await book({});
    expect([neither.status, neither.body.code, Object.keys(neither.body.errors).sort()]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['customerId', 'offlineCustomerId'],
    ]);
    const nullOnly = await book({ customerId: null, offlineCustomerId: null });
    expect(nullOnly.status).toBe(400);
    const unknown = await book({ offlineCustomerId: 999_999 });
    expect([unknown.status, unknown.body.errors]).toEqual([400, { offlineCustomerId: 'does not exist' }]);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(0);
  });

  it('books an in-store customer, taxed at the store’s rate like a sale', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId }, { notes: 'Counter booking' });
    expect(booking).toMatchObject({
      customerId: null,
      offlineCustomerId: inStoreCustomerId,
      assigneeId: null,
      serviceName: 'Electrician',
      price: PRICE,
      subtotal: PRICE,
      taxRateBps: 2000,
      taxTotal: TAX,
      total: TOTAL,
      paidAmount: 0,
      balance: TOTAL,
      paymentStatus: 'unpaid',
      refundedAmount: 0,
      payments: [],
      invoiceId: null,
      status: 'pending',
    });
    // a new rate applies to new bookings only
    await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
    expect((await bookingRow(booking.id)).total).toBe(TOTAL);
    expect((await bookFor({ offlineCustomerId: inStoreCustomerId })).total).toBe(PRICE + 800);
    await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 2000 } });
    const mine = await api.request('GET', `/api/admin/bookings?${query({ offlineCustomerId: inStoreCustomerId })}`, { token });
    expect(mine.body.map((b: any) => b.offlineCustomerId)).toEqual([inStoreCustomerId, inStoreCustomerId]);
    // its events are handled (webhooks, notifications, e-mail) with nobody's account to write to
    await eventually(async () => {
      await api.app.get(OutboxRelay).drain();
      const events = await api.db.pool.query(`SELECT type, last_error FROM outbox_events WHERE processed_at IS NULL OR last_error IS NOT NULL`);
      expect(events.rows).toEqual([]);
    });
    const mails = await api.db.pool.query(`SELECT count(*)::int AS n FROM emails WHERE (params ->> 'bookingId')::int = $1`, [booking.id]);
    expect(mails.rows[0].n).toBe(0);
  });

  it('keeps an in-store customer with bookings: deleting them is 409 CONFLICT and changes nothing', async () => {
    const kept = await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Booked Once', phone: '+1 555 0190' } });
    expect(kept.status).toBe(201);
    const booking = await bookFor({ offlineCustomerId: kept.body.id });
    const refused = await api.request('DELETE', `/api/admin/offline-customers/${kept.body.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', message: 'This customer has bookings and cannot be deleted' });
    expect((await api.request('GET', `/api/admin/offline-customers/${kept.body.id}`, { token })).status).toBe(200);
    expect((await bookingRow(booking.id)).offlineCustomerId).toBe(kept.body.id);
  });

  it('gives a customer’s own store booking its totals too', async () => {
    const customer = await api.registerCustomer();
    const reply = await api.request('POST', '/api/store/bookings', {
      token: customer.token,
      body: { serviceTypeId, scheduledAt: future(), address: '1 Road' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ customerId: customer.id, offlineCustomerId: null, subtotal: PRICE, taxTotal: TAX, total: TOTAL, balance: TOTAL });
    // the customer sees what was paid, not who recorded which payment (as for orders)
    expect(reply.body.payments).toBeUndefined();
    await pay(reply.body.id, { amount: 1000, method: 'cash' });
    const mine = await api.request('GET', `/api/store/bookings/${reply.body.id}`, { token: customer.token });
    expect([mine.body.paidAmount, mine.body.paymentStatus, mine.body.payments]).toEqual([1000, 'partially_paid', undefined]);
    expect((await api.request('GET', '/api/store/bookings', { token: customer.token })).body[0].payments).toBeUndefined();
    const offline = await api.request('POST', '/api/store/bookings', {
      token: customer.token,
      body: { serviceTypeId, scheduledAt: future(), address: '1 Road', offlineCustomerId: inStoreCustomerId },
    });
    expect(offline.status).toBe(400);
  });
});

describe('assignees and the calendar', () => {
  it('assigns only an active admin or staff member, and unassigns with null', async () => {
    const customer = await api.registerCustomer();
    const toCustomer = await book({ customerId: customer.id, assigneeId: customer.id });
    expect([toCustomer.status, toCustomer.body.errors]).toEqual([400, { assigneeId: 'must be an active admin or staff member' }]);
    expect((await book({ customerId: customer.id, assigneeId: 999_999 })).body.errors).toEqual({ assigneeId: 'must be an active admin or staff member' });
    const booking = await bookFor({ customerId: customer.id }, { assigneeId: staff.id });
    expect(booking.assigneeId).toBe(staff.id);
    const refused = await api.request('PUT', `/api/admin/bookings/${booking.id}`, { token, body: { assigneeId: customer.id } });
    expect([refused.status, refused.body.errors]).toEqual([400, { assigneeId: 'must be an active admin or staff member' }]);
    expect((await bookingRow(booking.id)).assigneeId).toBe(staff.id);
    const unassigned = await api.request('PUT', `/api/admin/bookings/${booking.id}`, { token, body: { assigneeId: null } });
    expect(unassigned.body.assigneeId).toBeNull();
    // staff book too, and may assign themselves
    const own = await book({ customerId: customer.id, assigneeId: staff.id }, staff.token);
    expect([own.status, own.body.assigneeId]).toEqual([201, staff.id]);
  });

  it('lists a window of the calendar on scheduledAt, a date-only `to` lasting to the end of that day, per assignee', async () => {
    const day = utcDay(20);
    const next = utcDay(21);
    const at = async (instant: string, assigneeId?: number) =>
      (await bookFor({ offlineCustomerId: inStoreCustomerId }, { scheduledAt: instant, assigneeId })).id;
    const dawn = await at(`${day}T00:00:00.000Z`, staff.id);
    const late = await at(`${day}T23:59:00.000Z`);
    const nextDawn = await at(`${next}T00:00:00.000Z`, staff.id);
    const before = await at(`${utcDay(19)}T23:59:59.000Z`, staff.id);
    const ids = async (filter: object) => {
      const reply = await api.request('GET', `/api/admin/bookings?${query(filter, '&sort=["scheduledAt","ASC"]')}`, { token });
      expect(reply.status).toBe(200);
      return reply.body.map((b: any) => b.id);
    };
    expect(await ids({ from: day, to: day })).toEqual([dawn, late]);
    expect(await ids({ from: day, to: next })).toEqual([dawn, late, nextDawn]);
    expect(await ids({ from: day, to: `${next}T00:00:00Z` })).toEqual([dawn, late, nextDawn]);
    expect(await ids({ from: `${day}T00:00:01Z`, to: `${day}T23:59:00Z` })).toEqual([late]);
    expect(await ids({ from: utcDay(19), to: next, assigneeId: staff.id })).toEqual([before, dawn, nextDawn]);
    const bad = await api.request('GET', `/api/admin/bookings?${query({ from: day, to: '2026-13-01' })}`, { token });
    expect([bad.status, bad.body.code, Object.keys(bad.body.errors)]).toEqual([400, 'VALIDATION_FAILED', ['filter.to']]);
  });

  it('reschedules a pending booking (drag to a new time), and no other', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    const later = future(100);
    const moved = await api.request('PUT', `/api/admin/bookings/${booking.id}`, { token, body: { scheduledAt: later } });
    expect([moved.status, moved.body.scheduledAt]).toEqual([200, later]);
    expect((await api.request('PUT', `/api/admin/bookings/${booking.id}`, { token, body: { scheduledAt: '2020-01-01T00:00:00Z' } })).status).toBe(400);
    await move(booking.id, 'completed');
    const done = await api.request('PUT', `/api/admin/bookings/${booking.id}`, { token, body: { scheduledAt: future(120) } });
    expect([done.status, done.body.code]).toEqual([409, 'INVALID_TRANSITION']);
  });
});

describe('paid services', () => {
  it('takes payments in two parts; completing issues the invoice in the INV series, which follows the booking’s payments', async () => {
    const customer = await api.registerCustomer();
    const booking = await bookFor({ customerId: customer.id });
    expect((await pay(booking.id, { amount: 0, method: 'cash' })).body.errors).toEqual({ amount: 'must be a positive amount' });
    expect((await pay(booking.id, { amount: 100, method: 'bitcoin' })).status).toBe(400);
    const first = await pay(booking.id, { amount: 4000, method: 'cash' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paidAmount: 4000, balance: 5600, paymentStatus: 'partially_paid', invoiceId: null });
    expect(first.body.payments).toMatchObject([{ amount: 4000, method: 'cash', refundedAmount: 0, recordedById: expect.any(Number) }]);

    const completed = await move(booking.id, 'completed');
    expect(completed.body).toMatchObject({ status: 'completed', invoiceId: expect.any(Number) });
    const invoice = (await api.request('GET', `/api/admin/invoices/${completed.body.invoiceId}`, { token })).body;
    expect(invoice).toMatchObject({
      number: expect.stringMatching(/^INV-\d{4}-\d{6}$/),
      bookingId: booking.id,
      orderId: null,
      orderNumber: null,
      subtotal: PRICE,
      taxRateBps: 2000,
      taxTotal: TAX,
      total: TOTAL,
      paidAmount: 4000,
      paymentStatus: 'partially_paid',
      lines: [{ productId: null, variantId: null, productName: 'Electrician', quantity: 1, unitPrice: PRICE, lineTotal: PRICE }],
    });
    expect(invoice.billTo).toMatchObject({ email: customer.email, line1: '5 Cable Street' });
    const listed = await api.request('GET', `/api/admin/invoices?${query({ bookingId: booking.id })}`, { token });
    expect(listed.body.map((i: any) => i.id)).toEqual([invoice.id]);

    const second = await pay(booking.id, { amount: 5600, method: 'card', reference: 'T-77' });
    expect(second.body).toMatchObject({ paidAmount: TOTAL, balance: 0, paymentStatus: 'paid' });
    expect((await api.request('GET', `/api/admin/invoices/${invoice.id}`, { token })).body).toMatchObject({ paidAmount: TOTAL, paymentStatus: 'paid' });
    const over = await pay(booking.id, { amount: 1, method: 'cash' });
    expect([over.status, over.body.code, Object.keys(over.body.errors)]).toEqual([409, 'OVERPAYMENT', ['amount']]);
    expect((await api.request('GET', `/api/admin/invoices/${invoice.id}/pdf`, { token })).status).toBe(200);
    // the payments are audited under their booking
    const audited = await api.db.pool.query(`SELECT count(*)::int AS n FROM audit_logs WHERE resource = 'booking-payments' AND parent_id = $1`, [booking.id]);
    expect(audited.rows[0].n).toBe(2);
    await expectIntegrity(api);
  });

  it('refuses a payment above the balance, also when many arrive at once', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    const over = await pay(booking.id, { amount: TOTAL + 1, method: 'cash' });
    expect([over.status, over.body.code]).toEqual([409, 'OVERPAYMENT']);
    // 12 × 20.00 against 96.00: four fit
    const replies = await Promise.all(Array.from({ length: 12 }, () => pay(booking.id, { amount: 2000, method: 'cash' })));
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(4).fill(201), ...Array(8).fill(409)]);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'OVERPAYMENT')).toBe(true);
    const rows = await api.db.pool.query('SELECT count(*)::int AS n, sum(amount)::int AS paid FROM booking_payments WHERE booking_id = $1', [booking.id]);
    expect(rows.rows[0]).toEqual({ n: 4, paid: 8000 });
    expect(await bookingRow(booking.id)).toMatchObject({ paidAmount: 8000, balance: 1600, paymentStatus: 'partially_paid' });
  });

  it('records a retried payment once with the same Idempotency-Key', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    const [a, b] = [await pay(booking.id, { amount: 1000, method: 'cash' }, 'pay-once'), await pay(booking.id, { amount: 1000, method: 'cash' }, 'pay-once')];
    expect([a.status, b.status, b.body.paidAmount]).toEqual([201, 201, 1000]);
    expect((await pay(booking.id, { amount: 2000, method: 'cash' }, 'pay-once')).status).toBe(422);
  });

  it('gives back what was paid on cancelling, and a cancelled booking takes no payment', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    await pay(booking.id, { amount: 3000, method: 'cash' });
    const cancelled = await move(booking.id, 'cancelled');
    expect(cancelled.body).toMatchObject({ status: 'cancelled', paidAmount: 0, refundedAmount: 3000, balance: 0, paymentStatus: 'refunded', invoiceId: null });
    const refunds = (await api.request('GET', `/api/admin/refunds?${query({ bookingId: booking.id })}`, { token })).body;
    expect(refunds).toMatchObject([{ kind: 'cancellation', amount: 3000, method: 'cash', status: 'succeeded' }]);
    const refused = await pay(booking.id, { amount: 100, method: 'cash' });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    await expectIntegrity(api);
  });

  it('refunds a booking through refunds and credit notes, never more than was paid', async () => {
    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    await pay(booking.id, { amount: TOTAL, method: 'bank_transfer' });
    const { invoiceId } = (await move(booking.id, 'completed')).body;
    const refunded = await api.request('POST', `/api/admin/bookings/${booking.id}/refunds`, { token, body: { amount: 1200, reason: 'Arrived late' } });
    expect(refunded.status).toBe(201);
    expect(refunded.body).toMatchObject({ id: booking.id, paidAmount: TOTAL, refundedAmount: 1200, paymentStatus: 'partially_refunded' });
    const [note] = (await api.request('GET', `/api/admin/credit-notes?${query({ bookingId: booking.id })}`, { token })).body;
    // the tax taken out at the booking's 20 %: 12.00 = 10.00 + 2.00
    expect(note).toMatchObject({ invoiceId, bookingId: booking.id, total: 1200, subtotal: 1000, taxTotal: 200 });
    expect((await api.request('GET', `/api/admin/invoices/${invoiceId}`, { token })).body.paymentStatus).toBe('partially_refunded');
    const tooMuch = await api.request('POST', `/api/admin/bookings/${booking.id}/refunds`, { token, body: { amount: TOTAL, reason: 'All of it' } });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'REFUND_EXCEEDS_PAID']);
    const rest = await api.request('POST', `/api/admin/bookings/${booking.id}/refunds`, { token, body: { amount: TOTAL - 1200, reason: 'Goodwill' } });
    expect(rest.body).toMatchObject({ refundedAmount: TOTAL, paymentStatus: 'refunded' });
    await expectIntegrity(api);
  });
});

describe('services in the reports', () => {
  it('counts a completed booking’s total in servicesRevenue on its completion day, and its refund in refunds', async () => {
    const today = utcDay(0);
    const salesToday = async () => (await api.request('GET', `/api/admin/reports/sales?from=${today}&to=${today}&groupBy=day`, { token })).body;
    const dashboard = async () => (await api.request('GET', '/api/admin/reports/dashboard', { token })).body;
    const before = await salesToday();
    const dashBefore = await dashboard();

    const booking = await bookFor({ offlineCustomerId: inStoreCustomerId });
    await pay(booking.id, { amount: 5000, method: 'cash' });
    // pending: not revenue yet
    expect((await salesToday()).totals.servicesRevenue).toBe(before.totals.servicesRevenue);
    await move(booking.id, 'completed');
    // what is still owed on it (96.00 − 50.00) counts in the receivables once it is done
    expect((await dashboard()).outstandingReceivables - dashBefore.outstandingReceivables).toBe(TOTAL - 5000);
    await api.request('POST', `/api/admin/bookings/${booking.id}/refunds`, { token, body: { amount: 1200, reason: 'Arrived late' } });

    const after = await salesToday();
    expect(after.rows).toHaveLength(1);
    expect(after.totals).toEqual({
      ...before.totals,
      servicesRevenue: before.totals.servicesRevenue + TOTAL,
      completedBookings: before.totals.completedBookings + 1,
      refunds: before.totals.refunds + 1200,
      netRevenue: before.totals.netRevenue + TOTAL - 1200,
      // the booking's subtotal, less the credit note's subtotal
      grossProfit: before.totals.grossProfit + PRICE - 1000,
    });
    expect(after.rows[0]).toEqual({ period: today, ...after.totals });

    const dashAfter = await dashboard();
    const day = (d: any) => d.revenueByDay.find((r: any) => r.date === today);
    expect(day(dashAfter)).toEqual({ ...day(dashBefore), services: day(dashBefore).services + TOTAL, refunds: day(dashBefore).refunds + 1200 });
    expect(dashAfter.revenueToday - dashBefore.revenueToday).toBe(TOTAL - 1200);
    await expectIntegrity(api);
  });
});

describe('the invariant checker', () => {
  it('flags a booking whose total, payments or invoice do not add up', async () => {
    await expectIntegrity(api);
    const pending = await bookFor({ offlineCustomerId: inStoreCustomerId });
    const label = `booking ${pending.id}`;
    // a total that still equals subtotal + tax (the database's own check) but not the tax at its rate
    await api.db.pool.query('UPDATE bookings SET tax_total = tax_total + 1, total = total + 1 WHERE id = $1', [pending.id]);
    expect(await brokenChecks()).toEqual({ 'booking-totals-payments': [label] });
    await api.db.pool.query('UPDATE bookings SET tax_total = tax_total - 1, total = total - 1 WHERE id = $1', [pending.id]);
    // a paid amount that is not the sum of its payments
    await api.db.pool.query('UPDATE bookings SET paid_amount = 100 WHERE id = $1', [pending.id]);
    expect(await brokenChecks()).toEqual({ 'booking-totals-payments': [label] });
    await api.db.pool.query('UPDATE bookings SET paid_amount = 0 WHERE id = $1', [pending.id]);

    const done = await bookFor({ offlineCustomerId: inStoreCustomerId });
    await pay(done.id, { amount: 100, method: 'cash' });
    const { invoiceId } = (await move(done.id, 'completed')).body;
    await api.db.pool.query('UPDATE invoices SET paid_amount = 0 WHERE id = $1', [invoiceId]);
    expect(await brokenChecks()).toEqual({ 'bookings-invoiced': [`booking ${done.id}`] });
    await api.db.pool.query('UPDATE invoices SET paid_amount = 100 WHERE id = $1', [invoiceId]);
    await expectIntegrity(api);
    // the database itself refuses a total that is not subtotal + tax, and a completed booking without its invoice
    await expect(api.db.pool.query('UPDATE bookings SET total = total + 1 WHERE id = $1', [pending.id])).rejects.toThrow(/bookings_totals/);
    await expect(api.db.pool.query('UPDATE bookings SET invoice_id = NULL WHERE id = $1', [done.id])).rejects.toThrow(/bookings_invoiced_when_completed/);
  });
});

describe('whom the invoice is addressed to', () => {
  it('bills the account (its full name, e-mail and phone) or the in-store customer (name, phone, e-mail if any), at the visit’s address', async () => {
    const customer = await api.registerCustomer();
    const phone = '+44 7700 900123';
    expect((await api.request('PUT', '/api/me/profile', { token: customer.token, body: { phone } })).status).toBe(200);
    const inStore = (await api.request('GET', `/api/admin/offline-customers/${inStoreCustomerId}`, { token })).body;
    const billToOf = async (booking: { id: number }) => {
      const completed = await move(booking.id, 'completed');
      expect(completed.status).toBe(200);
      return (await api.request('GET', `/api/admin/invoices/${completed.body.invoiceId}`, { token })).body.billTo;
    };
    const address = { line2: null, city: '', postalCode: '', country: '' };

    expect(await billToOf(await bookFor({ customerId: customer.id }, { address: '7 Volt Road' }))).toEqual({
      name: 'Casey Customer',
      email: customer.email,
      line1: '7 Volt Road',
      ...address,
      phone,
    });
    expect(await billToOf(await bookFor({ offlineCustomerId: inStoreCustomerId }, { address: '8 Counter Road' }))).toEqual({
      name: 'Walk-in Wendy',
      email: '',
      line1: '8 Counter Road',
      ...address,
      phone: inStore.phone,
    });
    expect(inStore.phone).toBeTruthy();
  });
});
