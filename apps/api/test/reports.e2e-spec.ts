import { Scheduler } from '@chance/core';
import { RevenueDaysFold } from '@chance/reports';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';

// A fixed data set with hand-computed figures: tax 10 %, product A at 10.00 costing 4.00, no shipping.
let api: TestApi;
let token: string;
let a: number;
let customerId: number;

async function orderOn(day: string, quantity: number, coupon?: string, cancel = false) {
  const cart = await guestCartWith(api, [{ variantId: a, quantity }], coupon);
  const order = (await guestCheckout(api, cart)).body;
  if (cancel) await api.request('POST', `/api/admin/orders/${order.id}/cancel`, { token });
  await api.db.pool.query('UPDATE orders SET placed_at = $2 WHERE id = $1', [order.id, `${day}T10:00:00Z`]);
  return order;
}

async function saleOn(day: string, lines: { quantity: number; unitPrice?: number }[], discount = 0, cancel = false) {
  const sale = (
    await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId, soldAt: `${day}T15:30:00Z`, discount, lines: lines.map((l) => ({ variantId: a, ...l })) },
    })
  ).body;
  if (cancel) await api.request('POST', `/api/admin/offline-sales/${sale.id}/cancel`, { token });
  return sale;
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1000 } });
  a = (await productWithStock(api, token, { name: 'A', price: 1000, costPrice: 400, stock: 1000 })).variantIds[0];
  await api.request('POST', '/api/admin/coupons', { token, body: { code: 'MINUS1', discountType: 'fixed', discountValue: 100 } });
  customerId = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Walk-in', phone: '000000' } })).body.id;

  expect((await orderOn('2026-10-05', 2)).total).toBe(2200); // profit 2000 − 800 = 1200
  expect((await orderOn('2026-10-05', 1, 'MINUS1')).total).toBe(990); // profit 600 − 100 = 500
  await orderOn('2026-11-10', 5, undefined, true); // cancelled: not counted
  expect((await orderOn('2026-11-10', 3)).total).toBe(3300); // profit 1800
  expect((await saleOn('2026-10-05', [{ quantity: 1 }])).total).toBe(1100); // profit 600
  expect((await saleOn('2026-11-10', [{ quantity: 2, unitPrice: 900 }], 50)).total).toBe(1925); // 1800 − 50 = 1750 + 175 tax; profit 1800 − 800 − 50 = 950
  await saleOn('2026-11-10', [{ quantity: 4 }], 0, true); // cancelled: not counted
});
afterAll(() => api.close());

describe('sales report', () => {
  it('sums revenue, counts and gross profit by month, leaving cancellations out', async () => {
    const reply = await api.request('GET', '/api/admin/reports/sales?from=2026-10-01&to=2026-11-30&groupBy=month', { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      from: '2026-10-01',
      to: '2026-11-30',
      groupBy: 'month',
      rows: [
        {
          period: '2026-10',
          onlineRevenue: 3190,
          offlineRevenue: 1100,
          servicesRevenue: 0,
          refunds: 0,
          netRevenue: 4290,
          orders: 2,
          offlineSales: 1,
          completedBookings: 0,
          grossProfit: 2300,
        },
        {
          period: '2026-11',
          onlineRevenue: 3300,
          offlineRevenue: 1925,
          servicesRevenue: 0,
          refunds: 0,
          netRevenue: 5225,
          orders: 1,
          offlineSales: 1,
          completedBookings: 0,
          grossProfit: 2750,
        },
      ],
      totals: {
        onlineRevenue: 6490,
        offlineRevenue: 3025,
        servicesRevenue: 0,
        refunds: 0,
        netRevenue: 9515,
        orders: 3,
        offlineSales: 2,
        completedBookings: 0,
        grossProfit: 5050,
      },
    });
  });

  it('lists every day of the range, both ends included, zeros where nothing was sold', async () => {
    const reply = await api.request('GET', '/api/admin/reports/sales?from=2026-10-04&to=2026-10-06', { token });
    expect(reply.body.rows).toEqual([
      {
        period: '2026-10-04',
        onlineRevenue: 0,
        offlineRevenue: 0,
        servicesRevenue: 0,
        refunds: 0,
        netRevenue: 0,
        orders: 0,
        offlineSales: 0,
        completedBookings: 0,
        grossProfit: 0,
      },
      {
        period: '2026-10-05',
        onlineRevenue: 3190,
        offlineRevenue: 1100,
        servicesRevenue: 0,
        refunds: 0,
        netRevenue: 4290,
        orders: 2,
        offlineSales: 1,
        completedBookings: 0,
        grossProfit: 2300,
      },
      {
        period: '2026-10-06',
        onlineRevenue: 0,
        offlineRevenue: 0,
        servicesRevenue: 0,
        refunds: 0,
        netRevenue: 0,
        orders: 0,
        offlineSales: 0,
        completedBookings: 0,
        grossProfit: 0,
      },
    ]);
  });

  it('refuses a malformed period', async () => {
    for (const query of ['from=2026-10-01', 'from=2026-10-05&to=2026-10-01', 'from=x&to=y', 'from=2026-10-01&to=2026-10-02&groupBy=year']) {
      const reply = await api.request('GET', `/api/admin/reports/sales?${query}`, { token });
      expect([query, reply.status, reply.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });
});

describe('dashboard', () => {
  it('shows today’s figures, counts, receivables and 30 days of revenue', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = (await api.request('GET', '/api/admin/reports/dashboard', { token })).body;
    const order = (await guestCheckout(api, await guestCartWith(api, [{ variantId: a, quantity: 1 }]))).body; // 1100, pending, unpaid
    const sale = (
      await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId: a, quantity: 1 }], paidAmount: 600 } })
    ).body; // 1100, owes 500
    const typeId = (await api.request('POST', '/api/admin/service-types', { token, body: { name: 'Plumber', price: 5000, durationMinutes: 60 } })).body.id;
    await api.request('POST', '/api/admin/bookings', {
      token,
      body: { customerId: 1, serviceTypeId: typeId, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), address: 'x' },
    });
    await api.request('POST', '/api/admin/bookings', {
      token,
      body: { customerId: 1, serviceTypeId: typeId, scheduledAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), address: 'x' },
    });
    const after = (await api.request('GET', '/api/admin/reports/dashboard', { token })).body;
    expect(after.revenueToday - before.revenueToday).toBe(order.total + sale.total);
    expect(after.revenueLast30Days - before.revenueLast30Days).toBe(order.total + sale.total);
    expect(after.pendingOrders - before.pendingOrders).toBe(1);
    expect(after.outstandingReceivables - before.outstandingReceivables).toBe(order.total + 500);
    expect(after.outstandingOnline - before.outstandingOnline).toBe(order.total);
    expect(after.outstandingOffline - before.outstandingOffline).toBe(500);
    expect(after.outstandingOnline + after.outstandingOffline + after.outstandingServices).toBe(after.outstandingReceivables);
    expect(after.upcomingBookings - before.upcomingBookings).toBe(1);
    expect(after.revenueByDay).toHaveLength(30);
    expect(after.revenueByDay[29]).toEqual({
      date: today,
      online: expect.any(Number),
      offline: expect.any(Number),
      services: expect.any(Number),
      refunds: expect.any(Number),
    });
    expect(after.revenueByDay[29].offline).toBeGreaterThanOrEqual(sale.total);
    expect(after.revenueByDay.find((d: any) => d.date === '2026-11-10')).toEqual({ date: '2026-11-10', online: 3300, offline: 1925, services: 0, refunds: 0 });
    await api.request('POST', '/api/admin/stock-adjustments', {
      token,
      body: { variantId: a, delta: -(await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [a])).rows[0].stock, note: 'count' },
    });
    expect((await api.request('GET', '/api/admin/reports/dashboard', { token })).body.lowStockVariants).toBe(after.lowStockVariants + 1);
  });
});

describe('the revenue ledger behind the reports', () => {
  const october = async () => (await api.request('GET', '/api/admin/reports/sales?from=2026-10-01&to=2026-10-31&groupBy=month', { token })).body.rows[0];

  it('folds pending changes into days without changing a figure, and counts a later cancellation on the order’s day', async () => {
    const before = await october();
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM revenue_changes')).rows[0].n).toBeGreaterThan(0);
    expect(await api.app.get(Scheduler).runOnce(api.app.get(RevenueDaysFold))).toBe(true);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM revenue_changes')).rows[0].n).toBe(0);
    expect(await october()).toEqual(before);

    // the 22.00 order of 5 October (profit 12.00), cancelled today, leaves October
    const [{ id }] = (await api.db.pool.query(`SELECT id FROM orders WHERE total = 2200 AND status <> 'cancelled'`)).rows;
    expect((await api.request('POST', `/api/admin/orders/${id}/cancel`, { token })).status).toBe(200);
    expect(await october()).toEqual({
      ...before,
      onlineRevenue: before.onlineRevenue - 2200,
      netRevenue: before.netRevenue - 2200,
      orders: before.orders - 1,
      grossProfit: before.grossProfit - 1200,
    });
    await expectIntegrity(api);
  });
});

describe('the dashboard’s receivables, part by part', () => {
  // the lists the dashboard's two links open (apps/admin/src/dashboard/receivables.ts) add up to its two figures
  const sum = (rows: Record<string, number>[], field: string) => rows.reduce((total, row) => total + row[field], 0);
  const list = async (resource: string, filter: Record<string, unknown>) => {
    const reply = await api.request('GET', `/api/admin/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,999]`, { token });
    expect(reply.status).toBe(200);
    return reply.body as Record<string, number>[];
  };

  it('online is what the orders still owe, in-store what the sales still owe, each as its list shows it', async () => {
    const b = (await productWithStock(api, token, { name: 'B', price: 500, costPrice: 200, stock: 10 })).variantIds[0];
    await guestCheckout(api, await guestCartWith(api, [{ variantId: b, quantity: 2 }]));
    const cancelled = (await guestCheckout(api, await guestCartWith(api, [{ variantId: b, quantity: 1 }]))).body;
    expect((await api.request('POST', `/api/admin/orders/${cancelled.id}/cancel`, { token })).status).toBeLessThan(300);
    await api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId: b, quantity: 1 }], paidAmount: 100 } });
    const report = (await api.request('GET', '/api/admin/reports/dashboard', { token })).body;
    const orders = await list('orders', {
      status: ['pending', 'processing', 'shipped', 'delivered', 'returned'],
      paymentStatus: ['unpaid', 'partially_paid'],
    });
    const sales = await list('offline-sales', { status: 'completed', paymentStatus: ['unpaid', 'partially_paid'] });
    expect(orders.length).toBeGreaterThan(0);
    expect(sales.length).toBeGreaterThan(0);
    expect(report.outstandingOnline).toBe(sum(orders, 'balanceDue'));
    expect(report.outstandingOffline).toBe(sum(sales, 'balance'));
  });
});
