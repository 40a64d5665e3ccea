import { formatMoney, minorUnitDigits } from '../money/money';

/**
 * An axis tick in minor units as money without cents when it is whole ("$1,200"), with them
 * otherwise ("$12.50"). Chart values stay integers: the formatting is Intl on exact decimals.
 */
export function axisMoney(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return '';
  const whole = Math.round(amount);
  const unit = 10 ** minorUnitDigits(currency);
  if (whole % unit !== 0) return formatMoney(whole, currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
      String(whole / unit) as Intl.StringNumericLiteral,
    );
  } catch {
    return formatMoney(whole, currency);
  }
}

/** "25 Nov" from "2026-11-25" (a UTC day). */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "Wed, 25 Nov 2026" from "2026-11-25". */
export function longDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Nov 2026" from "2026-11". */
export function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
