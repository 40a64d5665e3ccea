// Logic of the services, notifications, reports and audit screens that needs no browser: the
// audit log in words (grouped, merged, formatted), the sales report's CSV and periods, the booking
// tabs' times, the notification stream's events and the chart's money axis.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { repoRoot } from '../support/spa-modules.js';

const src = join(repoRoot, 'apps/admin/src');
const httpError = join(repoRoot, 'node_modules/ra-core/src/dataProvider/HttpError.ts');

/** react-admin and ra-core replaced by the little these modules need at runtime (as support/spa-modules.js does). */
const stubReactAdmin = {
  name: 'stub-react-admin',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(react-admin|ra-core)$/ }, () => ({ path: 'ra-runtime', namespace: 'stub' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `export { default as HttpError } from ${JSON.stringify(httpError)};
        export const fetchUtils = {};`,
      loader: 'js',
      resolveDir: repoRoot,
    }));
  },
};

let spa;
let dir;
before(async () => {
  const modules = {
    audit: 'audit-logs/auditChanges.ts',
    sales: 'reports/salesReport.ts',
    bookings: 'bookings/bookingStatus.ts',
    notifications: 'notifications/notificationsApi.ts',
    axis: 'dashboard/moneyAxis.ts',
    duration: 'service-types/duration.ts',
  };
  const entry = Object.entries(modules)
    .map(([name, path]) => `export * as ${name} from ${JSON.stringify(join(src, path))};`)
    .join('\n');
  dir = await mkdtemp(join(tmpdir(), 'chance-admin-services-'));
  const result = await build({
    stdin: { contents: entry, resolveDir: src, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'node20',
    write: false,
    logLevel: 'silent',
    tsconfig: join(repoRoot, 'apps/admin/tsconfig.json'),
    plugins: [stubReactAdmin],
  });
  const outfile = join(dir, 'services-modules.mjs');
  await writeFile(outfile, result.outputFiles[0].contents);
  spa = await import(pathToFileURL(outfile).href);
});
after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

const at = '2026-11-25T10:00:00.000Z';
const entry = (id, fields) => ({
  id,
  actorId: 1,
  action: 'update',
  resource: 'products',
  resourceId: 5,
  parentResource: null,
  parentId: null,
  operation: 'PUT /api/admin/products/:id',
  at,
  changes: {},
  ...fields,
});

describe('the audit log in words', () => {
  test('the rows of one request form one event: the record first, its parts after, parked values merged away', () => {
    const { groupHistory } = spa.audit;
    const events = groupHistory(
      [
        // a SKU swap parks the old value as "~1" in between (two rows for one variant)
        entry(14, { resource: 'variants', resourceId: 1, parentResource: 'products', parentId: 5, changes: { sku: ['~1', 'T-M2'], price: [null, 1600] } }),
        entry(13, { resource: 'variants', resourceId: 1, parentResource: 'products', parentId: 5, changes: { sku: ['T-M', '~1'] } }),
        entry(12, { changes: { price: [1500, 1400], updatedAt: ['2026-11-25T09:00:00Z', at] } }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event.action, 'update');
    assert.equal(event.own, true);
    assert.deepEqual(
      event.parts.map((part) => [part.resource, part.kind, part.changes]),
      [
        ['products', 'changed', [{ field: 'price', before: 1500, after: 1400 }]],
        [
          'variants',
          'changed',
          [
            { field: 'sku', before: 'T-M', after: 'T-M2' },
            { field: 'price', before: null, after: 1600 },
          ],
        ],
      ],
    );
  });

  test('created rows keep the values they were given; a later request is another event, newest first', () => {
    const { groupHistory } = spa.audit;
    const events = groupHistory(
      [
        entry(1, {
          action: 'create',
          operation: 'POST /api/admin/products',
          changes: { id: [null, 5], name: [null, 'Tee'], description: [null, ''], price: [null, 1500] },
        }),
        entry(2, { at: '2026-11-25T11:00:00.000Z', changes: { name: ['Tee', 'Tee'] } }),
        entry(3, { at: '2026-11-25T12:00:00.000Z', changes: { name: ['Tee', 'T-shirt'] } }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(events.length, 2, 'an update that changed nothing is not shown');
    assert.deepEqual(events[0].parts[0].changes, [{ field: 'name', before: 'Tee', after: 'T-shirt' }]);
    assert.equal(events[1].parts[0].kind, 'created');
    assert.deepEqual(
      events[1].parts[0].changes.map((change) => change.field),
      ['name', 'price'],
      'no id, no empty values',
    );
  });

  test('a request that changed only a part (a sale taking stock) says what did it; rows it wrote are updates, not creations', () => {
    const { groupHistory, operationResource } = spa.audit;
    const [event] = groupHistory(
      [
        entry(7, {
          action: 'create',
          operation: 'POST /api/admin/offline-sales',
          resource: 'variants',
          resourceId: 1,
          parentResource: 'products',
          parentId: 5,
          changes: { stock: [18, 17] },
        }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(event.own, false);
    assert.equal(event.parts[0].kind, 'changed');
    assert.equal(spa.audit.partActionLabel(event.parts[0]), 'Changed', 'not "Created": the variant existed');
    assert.equal(spa.audit.partActionLabel({ action: 'create', kind: 'created' }), 'Created');
    assert.equal(spa.audit.partActionLabel({ action: 'status', kind: 'changed' }), 'Status changed');
    assert.equal(operationResource(event.operation), 'offline-sales');
    assert.equal(operationResource('POST /api/admin/orders/:id/cancel'), 'orders');
    assert.equal(operationResource(null), undefined);
  });

  test('secrets are never shown, only that they changed', () => {
    const { groupHistory, formatValue } = spa.audit;
    const [event] = groupHistory([entry(9, { resource: 'users', resourceId: 3, changes: { passwordHash: ['[hidden]', '[changed]'] } })]);
    assert.equal(event.parts[0].changes.length, 1);
    assert.equal(formatValue('passwordHash', '[changed]', { currency: 'USD' }), 'changed');
  });

  test('values read as money, rates, durations, dates, words and references', () => {
    const { formatValue, humanize, actionLabel, referenceOf } = spa.audit;
    const usd = { currency: 'USD', locale: 'en-US' };
    assert.equal(formatValue('price', 1999, usd), '$19.99');
    assert.equal(formatValue('taxRateBps', 1500, usd), '15 %');
    assert.equal(formatValue('taxRateBps', 725, usd), '7.25 %');
    assert.equal(formatValue('discountValue', 1000, { ...usd, record: { discountType: 'percentage' } }), '10 %');
    assert.equal(formatValue('discountValue', 1000, { ...usd, record: { discountType: 'fixed' } }), '$10.00');
    assert.equal(formatValue('durationMinutes', 90, usd), '1 h 30 min');
    assert.equal(formatValue('isActive', false, usd), 'no');
    assert.equal(formatValue('paymentStatus', 'partially_paid', usd), 'Partially paid');
    assert.equal(formatValue('attributes', { size: 'M', color: 'red' }, usd), 'size: M, color: red');
    assert.equal(formatValue('variantId', 4, usd), '#4');
    const movement = { ...usd, resource: 'stock-movements', reason: 'offline_sale' };
    assert.equal(formatValue('reason', 'offline_sale', movement), 'In-store sale');
    assert.equal(formatValue('reference', 'SALE-000001', movement), 'In-store sale SALE-000001');
    assert.equal(formatValue('reference', 'product:1', { ...movement, reason: 'initial' }), 'Entered with the new product');
    assert.equal(formatValue('notes', '', usd), '');
    assert.match(formatValue('scheduledAt', '2027-01-05T09:00:00+00:00', usd), /2027/);
    assert.doesNotMatch(formatValue('scheduledAt', '2027-01-05T09:00:00+00:00', usd), /T09/);
    assert.equal(humanize('costPrice'), 'Cost price');
    assert.equal(humanize('categoryId'), 'Category');
    assert.equal(humanize('sku'), 'SKU');
    assert.equal(actionLabel('mark-paid'), 'Marked as paid');
    assert.equal(actionLabel('send-reminder'), 'Send reminder');
    assert.equal(referenceOf('offline-sales', 'customerId'), 'offline-customers');
    assert.equal(referenceOf('bookings', 'customerId'), 'users');
    assert.equal(referenceOf('products', 'categoryId'), 'categories');
  });
});

describe('the sales report', () => {
  const report = {
    from: '2026-11-01',
    to: '2026-11-02',
    groupBy: 'day',
    rows: [
      { period: '2026-11-01', onlineRevenue: 5060, offlineRevenue: 2530, orders: 1, offlineSales: 1, grossProfit: 3900 },
      { period: '2026-11-02', onlineRevenue: 0, offlineRevenue: 5, orders: 0, offlineSales: 1, grossProfit: -120 },
    ],
    totals: { onlineRevenue: 5060, offlineRevenue: 2535, orders: 1, offlineSales: 2, grossProfit: 3780 },
  };

  test('the CSV holds the rows and the totals, amounts as exact decimals in the store currency', () => {
    const csv = spa.sales.salesReportCsv(report, 'USD');
    assert.deepEqual(csv.split('\r\n'), [
      'Day,Online revenue (USD),In-store revenue (USD),Total revenue (USD),Orders,In-store sales,Gross profit (USD)',
      '2026-11-01,50.60,25.30,75.90,1,1,39.00',
      '2026-11-02,0.00,0.05,0.05,0,1,-1.20',
      'Total,50.60,25.35,75.95,1,2,37.80',
    ]);
    assert.match(spa.sales.salesReportCsv({ ...report, groupBy: 'month' }, 'JPY').split('\r\n')[0], /^Month,Online revenue \(JPY\)/);
    assert.equal(spa.sales.salesReportCsv(report, 'JPY').split('\r\n')[1], '2026-11-01,5060,2530,7590,1,1,3900');
  });

  test('periods: from the address, with defaults, and refused when they end before they start', () => {
    const { periodFromSearch, periodErrors, defaultPeriod } = spa.sales;
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

  test('chart axes show money without cents when whole', () => {
    const { axisMoney } = spa.axis;
    assert.equal(axisMoney(4500, 'USD').replace(/\s/g, ''), '$45');
    assert.equal(axisMoney(1250, 'USD').replace(/\s/g, ''), '$12.50');
  });
});

describe('bookings and notifications', () => {
  test('"upcoming" starts at the current minute; the dashboard’s week ends 7 days later; past pending visits are past due', () => {
    const { nowMinute, upcomingWeekFilter, isPastDue, localToIso } = spa.bookings;
    const now = new Date('2026-11-25T10:15:42.123Z');
    assert.equal(nowMinute(now), '2026-11-25T10:15:00.000Z');
    assert.deepEqual(upcomingWeekFilter(now), {
      status: 'pending',
      scheduledAt_gte: '2026-11-25T10:15:00.000Z',
      scheduledAt_lte: '2026-12-02T10:15:42.123Z',
    });
    assert.equal(isPastDue({ status: 'pending', scheduledAt: '2026-11-25T10:00:00Z' }, now.getTime()), true);
    assert.equal(isPastDue({ status: 'completed', scheduledAt: '2026-11-25T10:00:00Z' }, now.getTime()), false);
    assert.equal(isPastDue({ status: 'pending', scheduledAt: '2026-11-26T10:00:00Z' }, now.getTime()), false);
    assert.equal(localToIso('2030-01-15T10:30'), new Date('2030-01-15T10:30').toISOString());
    assert.equal(localToIso(''), '');
    assert.equal(spa.duration.durationText(45), '45 min');
    assert.equal(spa.duration.durationText(120), '2 h');
  });

  test('stream events: notifications parsed, anything else ignored; the token travels in the query', () => {
    const { parseNotificationEvent, notificationStreamUrl } = spa.notifications;
    const notification = { id: 4, type: 'message', title: 'Live', body: 'Streamed', link: null, readAt: null, createdAt: at };
    assert.deepEqual(parseNotificationEvent(JSON.stringify(notification)), notification);
    assert.equal(parseNotificationEvent('not json'), null);
    assert.equal(parseNotificationEvent('{"hello":1}'), null);
    assert.equal(parseNotificationEvent(undefined), null);
    assert.equal(notificationStreamUrl('a.b+c'), '/api/me/notifications/stream?accessToken=a.b%2Bc');
  });
});
