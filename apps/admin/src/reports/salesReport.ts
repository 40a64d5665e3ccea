/**
 * The sales report (docs/api.md#back-office-resources): GET /api/admin/reports/sales for a period of UTC days,
 * grouped by day or month, and its CSV export with amounts as plain decimals in the store currency.
 */
import { minorUnitsToDecimal } from '../money/money';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import type { SalesGrouping, SalesReport, SalesRow, SalesTotals } from '../types';

export interface SalesPeriod {
  from: string;
  to: string;
  groupBy: SalesGrouping;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

export async function fetchSalesReport(period: SalesPeriod): Promise<SalesReport> {
  const { json } = await httpClient<SalesReport>(`${adminApiUrl}/reports/sales?${new URLSearchParams({ ...period })}`);
  return json;
}

/** "2026-11-25" in UTC, `days` days before `now`. */
function utcDay(now: Date, daysBefore = 0): string {
  return new Date(now.getTime() - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

/** The last 30 days, by day. */
export function defaultPeriod(now = new Date()): SalesPeriod {
  return { from: utcDay(now, 29), to: utcDay(now), groupBy: 'day' };
}

/** Quick choices: this month, the last 30 days, this year (by month), last year (by month). */
export function presetPeriods(now = new Date()): { label: string; period: SalesPeriod }[] {
  const year = now.getUTCFullYear();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  const today = utcDay(now);
  return [
    { label: 'Last 30 days', period: defaultPeriod(now) },
    { label: 'This month', period: { from: `${year}-${month}-01`, to: today, groupBy: 'day' } },
    { label: 'This year', period: { from: `${year}-01-01`, to: today, groupBy: 'month' } },
    { label: 'Last year', period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, groupBy: 'month' } },
  ];
}

/** The period in the page's address, completed with the defaults. */
export function periodFromSearch(search: URLSearchParams, now = new Date()): SalesPeriod {
  const fallback = defaultPeriod(now);
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const groupBy = search.get('groupBy');
  return {
    from: day.test(from) ? from : fallback.from,
    to: day.test(to) ? to : fallback.to,
    groupBy: groupBy === 'month' || groupBy === 'day' ? groupBy : fallback.groupBy,
  };
}

/** What is wrong with a period before asking the API, by input. */
export function periodErrors(period: SalesPeriod): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!day.test(period.from)) errors.from = 'Enter a date';
  if (!day.test(period.to)) errors.to = 'Enter a date';
  if (!errors.from && !errors.to && period.from > period.to) errors.to = 'Must not be before the start date';
  return errors;
}

/** Revenue of every channel (online, in store, services): what net revenue is before refunds. */
export const revenueOf = (row: SalesTotals) => row.onlineRevenue + row.offlineRevenue + row.servicesRevenue;

/** One CSV cell: quoted when it holds a comma, quote or line break. */
function csvCell(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's rows and totals as CSV: amounts as decimals ("1234.50") in the store currency. */
export function salesReportCsv(report: Pick<SalesReport, 'rows' | 'totals' | 'groupBy'>, currency: string): string {
  const money = (amount: number) => minorUnitsToDecimal(amount, currency);
  const header = [
    report.groupBy === 'month' ? 'Month' : 'Day',
    `Online revenue (${currency})`,
    `In-store revenue (${currency})`,
    `Total revenue (${currency})`,
    `Refunds (${currency})`,
    `Net revenue (${currency})`,
    'Orders',
    'In-store sales',
    `Gross profit (${currency})`,
  ];
  const line = (period: string, row: SalesTotals) => [
    period,
    money(row.onlineRevenue),
    money(row.offlineRevenue),
    money(revenueOf(row)),
    money(row.refunds),
    money(row.netRevenue),
    row.orders,
    row.offlineSales,
    money(row.grossProfit),
  ];
  const rows = [header, ...report.rows.map((row: SalesRow) => line(row.period, row)), line('Total', report.totals)];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}
