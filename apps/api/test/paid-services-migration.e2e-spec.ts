import { DataSource } from 'typeorm';
import { PaidServices1765102800000 } from '../src/migrations/1765102800000-paid-services.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

// docs/operations.md (upgrading to paid services): bookings made before keep their price as their total with no
// tax, and those already completed get their invoice in this year's INV series when the migration runs.

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  token = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

async function migrate(direction: 'up' | 'down'): Promise<void> {
  const runner = api.app.get(DataSource).createQueryRunner();
  try {
    await runner.startTransaction();
    await new PaidServices1765102800000()[direction](runner);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

describe('the paid-services migration', () => {
  it('gives existing bookings their totals (tax 0) and invoices the completed ones, in completion order', async () => {
    await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 2000 } });
    const customer = await api.registerCustomer();
    const typeId = (await api.request('POST', '/api/admin/service-types', { token, body: { name: 'Plumber', price: 7000, durationMinutes: 60 } })).body.id;

    await migrate('down');
    const legacy = async (status: string, completedAt: string | null) =>
      (
        await api.db.pool.query(
          `INSERT INTO bookings (customer_id, service_type_id, service_name, price, duration_minutes, scheduled_at, address, status, completed_at)
           VALUES ($1, $2, 'Plumber', 7000, 60, now() + interval '2 days', '9 Pipe Lane', $3, $4) RETURNING id`,
          [customer.id, typeId, status, completedAt],
        )
      ).rows[0].id;
    const later = await legacy('completed', '2026-06-02T10:00:00Z');
    const earlier = await legacy('completed', '2026-06-01T10:00:00Z');
    const pending = await legacy('pending', null);
    await migrate('up');

    const year = new Date().getUTCFullYear();
    const get = async (id: number) => (await api.request('GET', `/api/admin/bookings/${id}`, { token })).body;
    expect(await get(pending)).toMatchObject({
      subtotal: 7000,
      taxRateBps: 0,
      taxTotal: 0,
      total: 7000,
      paidAmount: 0,
      paymentStatus: 'unpaid',
      invoiceId: null,
    });
    const invoiceOf = async (id: number) => (await api.request('GET', `/api/admin/invoices/${(await get(id)).invoiceId}`, { token })).body;
    expect(await invoiceOf(earlier)).toMatchObject({ number: `INV-${year}-000001`, bookingId: earlier, total: 7000, taxTotal: 0, paymentStatus: 'unpaid' });
    expect((await invoiceOf(later)).number).toBe(`INV-${year}-000002`);
    expect((await invoiceOf(later)).billTo).toMatchObject({ email: customer.email, line1: '9 Pipe Lane' });
    // their revenue is on their completion days
    const june = (await api.request('GET', '/api/admin/reports/sales?from=2026-06-01&to=2026-06-02&groupBy=day', { token })).body;
    expect(june.rows.map((r: any) => [r.period, r.servicesRevenue, r.completedBookings])).toEqual([
      ['2026-06-01', 7000, 1],
      ['2026-06-02', 7000, 1],
    ]);
    await expectIntegrity(api);

    // the series and the reserved invoice ids go on from there
    const booked = await api.request('POST', '/api/admin/bookings', {
      token,
      body: { customerId: customer.id, serviceTypeId: typeId, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), address: '9 Pipe Lane' },
    });
    expect(booked.body).toMatchObject({ taxTotal: 1400, total: 8400 });
    const completed = await api.request('POST', `/api/admin/bookings/${booked.body.id}/status`, { token, body: { status: 'completed' } });
    expect((await api.request('GET', `/api/admin/invoices/${completed.body.invoiceId}`, { token })).body.number).toBe(`INV-${year}-000003`);
    await expectIntegrity(api);
  });
});
