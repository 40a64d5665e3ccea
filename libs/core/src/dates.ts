/** docs/api.md#dates-and-times: dates outside these years are refused (400) wherever the API reads one. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
export const YEARS_MESSAGE = `in the years ${MIN_YEAR} to ${MAX_YEAR}`;

/** True when the instant's UTC year is within MIN_YEAR..MAX_YEAR. */
export function inSupportedYears(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * docs/api.md#dates-and-times: a date-only value (`2026-11-25`) in a field that holds an instant means the
 * start of that day in UTC, except `validTo`-like inclusive ends, where it means the end of the day.
 * Throws a RangeError for anything that is not a real date or instant in the supported years.
 */
export function parseInstant(value: string, { endOfDay = false }: { endOfDay?: boolean } = {}): Date {
  let date: Date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new RangeError(`${value} is not a date`);
  } else {
    date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new RangeError(`${value} is not an instant`);
  }
  if (!inSupportedYears(date)) throw new RangeError(`${value} is not ${YEARS_MESSAGE}`);
  return date;
}

/** A calendar date `YYYY-MM-DD` (a real one, in the supported years) as the start of that UTC day; undefined otherwise. */
export function parseCalendarDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  try {
    return parseInstant(value);
  } catch {
    return undefined;
  }
}

/** `2026-11-25` of an instant, in UTC. */
export const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);
