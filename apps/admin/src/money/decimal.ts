/**
 * Exact conversions between integers with an implied number of decimal places ("scaled
 * integers": money in minor units, rates in basis points) and the decimal text people read and
 * type. String and BigInt arithmetic only: no `/ 100`, no `parseFloat`, no `toFixed`.
 */

/** 1999 with scale 2 → "19.99"; -5 → "-0.05"; 7 with scale 0 → "7". */
export function scaledToDecimal(value: number, scale: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`bad scale: ${scale}`);
  const negative = value < 0;
  const digits = BigInt(value < 0 ? -value : value)
    .toString()
    .padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? '' : `.${digits.slice(-scale)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * "19.99" with scale 2 → 1999; "19,9" → 1990; "19" → 1900; " 0.5 " → 50.
 * Returns null for anything else: more decimals than the scale allows (no silent rounding),
 * signs when `allowNegative` is false, thousands separators, exponents, values beyond the safe
 * integer range.
 */
export function decimalToScaled(text: string, scale: number, { allowNegative = false } = {}): number | null {
  const match = /^([+-])?(\d*)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (fraction.length > scale) return null;
  if (sign === '-' && !allowNegative) return null;
  const magnitude = BigInt(`${whole || '0'}${fraction.padEnd(scale, '0')}`);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(value) || 0; // no -0
}
