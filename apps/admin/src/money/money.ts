/**
 * Money is an integer number of minor units everywhere in the API (SPEC.md section 1):
 * `price: 1999` in USD is 19.99. These helpers format it for people and parse what people type
 * back into minor units, exactly.
 */
import { decimalToScaled, scaledToDecimal } from './decimal';

export const defaultCurrency = 'USD';

/** Decimal places of a currency's minor unit (ISO 4217 via Intl): USD 2, JPY 0, KWD 3. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1999 → "19.99" (for USD): the plain decimal, no symbol, no grouping. */
export function minorUnitsToDecimal(amount: number, currency: string = defaultCurrency): string {
  return scaledToDecimal(amount, minorUnitDigits(currency));
}

/** "19.99" → 1999 (for USD); null when the text is not an amount with at most the currency's decimals. */
export function decimalToMinorUnits(text: string, currency: string = defaultCurrency, options?: { allowNegative?: boolean }): number | null {
  return decimalToScaled(text, minorUnitDigits(currency), options);
}

/**
 * 1999, "USD" → "$19.99" (in the browser's locale unless one is given). The exact decimal string
 * is handed to Intl, which formats strings without going through a binary float.
 */
export function formatMoney(amount: number | null | undefined, currency: string = defaultCurrency, locale?: string | string[]): string {
  if (amount == null || !Number.isSafeInteger(amount)) return '';
  const digits = minorUnitDigits(currency);
  const decimal = scaledToDecimal(amount, digits);
  try {
    const formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return formatter.format(decimal as Intl.StringNumericLiteral);
  } catch {
    return `${decimal} ${currency}`;
  }
}
