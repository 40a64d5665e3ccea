import type { SalesGrouping } from '../types';

export const salesReportPath = '/reports/sales';

/** The sales report for a period: `/reports/sales?from=2026-11-01&to=2026-11-25&groupBy=day`. */
export function salesReportLink(period: { from: string; to: string; groupBy: SalesGrouping }): string {
  return `${salesReportPath}?${new URLSearchParams(period)}`;
}
