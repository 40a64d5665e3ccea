import { MAX_YEAR, MIN_YEAR, YEARS_MESSAGE, parseCalendarDate, validationFailed } from '@chance/core';

export type GroupBy = 'day' | 'month';

export interface ReportPeriod {
  from: string;
  to: string;
  groupBy: GroupBy;
  /** first instant included and first instant after the range (UTC) */
  start: Date;
  end: Date;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest range a report covers (about ten years): it bounds the periods one report produces (3,660 days, or 121 months). */
export const MAX_REPORT_DAYS = 3660;

/** The sales report's query: two UTC dates, both inclusive, grouped by day or month (docs/api.md#back-office-resources). */
export function reportPeriod(query: Record<string, unknown>): ReportPeriod {
  const errors: Record<string, string> = {};
  const date = (name: 'from' | 'to'): Date | undefined => {
    const value = query[name];
    if (typeof value !== 'string' || !DATE.test(value)) {
      errors[name] = 'must be a date YYYY-MM-DD';
      return undefined;
    }
    const parsed = parseCalendarDate(value);
    const year = Number(value.slice(0, 4));
    if (!parsed) errors[name] = year >= MIN_YEAR && year <= MAX_YEAR ? 'is not a real date' : `must be a date ${YEARS_MESSAGE}`;
    return parsed;
  };
  const start = date('from');
  const last = date('to');
  const groupBy = query.groupBy ?? 'day';
  if (groupBy !== 'day' && groupBy !== 'month') errors.groupBy = 'must be day or month';
  for (const key of Object.keys(query)) if (!['from', 'to', 'groupBy'].includes(key)) errors[key] = 'is not a parameter of this report';
  if (start && last) {
    if (last < start) errors.to = 'must not be before from';
    else if ((last.getTime() - start.getTime()) / 86_400_000 > MAX_REPORT_DAYS) errors.to = `the range may span at most ${MAX_REPORT_DAYS} days`;
  }
  if (Object.keys(errors).length > 0 || !start || !last) throw validationFailed(errors, 'Invalid report period');
  return { from: query.from as string, to: query.to as string, groupBy: groupBy as GroupBy, start, end: new Date(last.getTime() + 86_400_000) };
}

/** Every period label from `from` to `to` (days `2026-11-25` or months `2026-11`), oldest first. */
export function periodLabels(period: Pick<ReportPeriod, 'start' | 'end' | 'groupBy'>): string[] {
  const labels: string[] = [];
  const cursor = new Date(period.start);
  if (period.groupBy === 'month') cursor.setUTCDate(1);
  while (cursor < period.end) {
    labels.push(cursor.toISOString().slice(0, period.groupBy === 'day' ? 10 : 7));
    if (period.groupBy === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return labels;
}
