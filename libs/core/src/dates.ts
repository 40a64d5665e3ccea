/**
 * SPEC section 1: a date-only value (`2026-11-25`) in a field that holds an instant means the
 * start of that day in UTC, except `validTo`-like inclusive ends, where it means the end of the day.
 */
export function parseInstant(value: string, { endOfDay = false }: { endOfDay?: boolean } = {}): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new RangeError(`${value} is not a date`);
    return date;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${value} is not an instant`);
  return date;
}

/** `2026-11-25` of an instant, in UTC. */
export const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);
