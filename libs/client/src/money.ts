/**
 * Amounts are integers in the currency's minor unit (docs/api.md#money-and-rates): `1999` USD is $19.99. The
 * decimal string is built from the integer's digits and handed to Intl, never through a float.
 */

/** Decimal places of a currency's minor unit (ISO 4217 via Intl): USD 2, JPY 0, KWD 3. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1999, 2 → "19.99"; -5, 2 → "-0.05" */
export function minorUnitsToDecimal(amount: number, digits: number): string {
  const negative = amount < 0;
  const text = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  const whole = digits > 0 ? text.slice(0, -digits) : text;
  const fraction = digits > 0 ? `.${text.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 1999, "USD" → "$19.99" in the given (or the runtime's) locale. */
export function formatMoney(amount: number, currency: string, locale?: string | string[]): string {
  const decimal = minorUnitsToDecimal(amount, minorUnitDigits(currency));
  try {
    // Intl formats a decimal string exactly (no binary float in between)
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as unknown as number);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/**
 * What a person typed ("19.9", "20") → minor units (1990, 2000) for a currency of `digits`
 * decimals; null when it is not a plain non-negative amount with at most that many decimals.
 */
export function decimalToMinorUnits(text: string, digits: number): number | null {
  const match = /^\s*(\d{1,13})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1] + fraction.padEnd(digits, '0'));
}
