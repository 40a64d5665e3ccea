/**
 * Money is always an integer number of minor units (cents). The only rounding in the system is
 * `roundHalfUp`, applied once where the contract says so (docs/api.md#money-and-rates). Arithmetic runs on BigInt so that
 * `amount × rate` cannot lose precision before it is divided.
 */

/** Rounds numerator / denominator to the nearest integer, halves away from zero (half-up on magnitudes). */
export function roundHalfUp(numerator: bigint | number, denominator: bigint | number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError('roundHalfUp: division by zero');
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (2n * absN + absD) / (2n * absD);
  return toSafeNumber(negative ? -rounded : rounded);
}

/** A basis-point share of an amount: roundHalfUp(amount × bps / 10000). 1500 bps = 15 %. */
export function applyBasisPoints(amount: number, bps: number): number {
  assertMinorUnits(amount, 'amount');
  if (!Number.isInteger(bps)) throw new RangeError('basis points must be an integer');
  return roundHalfUp(BigInt(amount) * BigInt(bps), 10_000n);
}

/** Throws unless value is a safe integer (an amount in minor units). */
export function assertMinorUnits(value: number, name = 'amount'): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer number of minor units`);
}

/** Sums amounts in minor units exactly. */
export function sumMinorUnits(values: readonly number[]): number {
  return toSafeNumber(values.reduce((total, value) => total + BigInt(value), 0n));
}

export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount exceeds the safe integer range');
  }
  return Number(value);
}

/** Digits of the currency's minor unit (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `formatMoney(123456, 'USD')` → `$1,234.56`, exactly (decimal string arithmetic, no floats). */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  assertMinorUnits(amount);
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(`${sign}${decimal}` as unknown as number);
}

/** `1500` → `15.00 %` (basis points as a percentage, integer arithmetic). */
export function formatBasisPoints(bps: number): string {
  return `${Math.trunc(bps / 100)}.${String(Math.abs(bps % 100)).padStart(2, '0')} %`;
}
