/**
 * Warnings (never refusals) about a coupon's validity days, which count in whole UTC days
 * (docs/api.md#dates-and-times): a coupon may be saved with an end day that has passed (to keep
 * a record of an old campaign), but whoever saves it should know it applies to no order.
 */

/** "2026-11-25" from a day ("2026-11-25") or an instant ("2026-11-25T23:59:59.999Z"); "" for nothing. */
export const utcDayOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 10) : '');

/** The warning for a last valid day before today (UTC), if it is. */
export function expiredValidToWarning(validTo: unknown, now: Date): string | undefined {
  const day = utcDayOf(validTo);
  if (!day) return undefined;
  const today = now.toISOString().slice(0, 10);
  return day < today ? `The end date ${day} has passed: this coupon will not apply to any order. Choose a later day, or save it as a record.` : undefined;
}
