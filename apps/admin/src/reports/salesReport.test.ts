// The sales report page's logic: the CSV (exact decimals in the store currency) and the period
// read from the address.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { SalesReport } from '../types';
import { defaultPeriod, periodErrors, periodFromSearch, salesReportCsv } from './salesReport';

describe('the sales report', () => {
  const report: SalesReport = {
    from: '2026-11-01',
    to: '2026-11-02',
    groupBy: 'day',
    rows: [
      {
        period: '2026-11-01',
        onlineRevenue: 5060,
        offlineRevenue: 2530,
        servicesRevenue: 0,
        refunds: 1000,
        netRevenue: 6590,
        orders: 1,
        offlineSales: 1,
        completedBookings: 0,
        grossProfit: 3900,
      },
      {
        period: '2026-11-02',
        onlineRevenue: 0,
        offlineRevenue: 5,
        servicesRevenue: 0,
        refunds: 0,
        netRevenue: 5,
        orders: 0,
        offlineSales: 1,
        completedBookings: 0,
        grossProfit: -120,
      },
    ],
    totals: {
      onlineRevenue: 5060,
      offlineRevenue: 2535,
      servicesRevenue: 0,
      refunds: 1000,
      netRevenue: 6595,
      orders: 1,
      offlineSales: 2,
      completedBookings: 0,
      grossProfit: 3780,
    },
  };

  test('the CSV holds the rows and the totals, amounts as exact decimals in the store currency', () => {
    const csv = salesReportCsv(report, 'USD');
    assert.deepEqual(csv.split('\r\n'), [
      'Day,Online revenue (USD),In-store revenue (USD),Total revenue (USD),Refunds (USD),Net revenue (USD),Orders,In-store sales,Gross profit (USD)',
      '2026-11-01,50.60,25.30,75.90,10.00,65.90,1,1,39.00',
      '2026-11-02,0.00,0.05,0.05,0.00,0.05,0,1,-1.20',
      'Total,50.60,25.35,75.95,10.00,65.95,1,2,37.80',
    ]);
    assert.match(salesReportCsv({ ...report, groupBy: 'month' }, 'JPY').split('\r\n')[0], /^Month,Online revenue \(JPY\)/);
    assert.equal(salesReportCsv(report, 'JPY').split('\r\n')[1], '2026-11-01,5060,2530,7590,1000,6590,1,1,3900');
  });

  test('periods: from the address, with defaults, and refused when they end before they start', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    assert.deepEqual(defaultPeriod(now), { from: '2026-10-27', to: '2026-11-25', groupBy: 'day' });
    assert.deepEqual(periodFromSearch(new URLSearchParams('from=2026-01-01&to=2026-03-31&groupBy=month'), now), {
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'month',
    });
    assert.deepEqual(periodFromSearch(new URLSearchParams('from=yesterday&groupBy=week'), now), defaultPeriod(now));
    assert.deepEqual(periodErrors({ from: '2026-02-01', to: '2026-01-01', groupBy: 'day' }), { to: 'Must not be before the start date' });
    assert.deepEqual(periodErrors({ from: '', to: '2026-01-01', groupBy: 'day' }), { from: 'Enter a date' });
  });
});
