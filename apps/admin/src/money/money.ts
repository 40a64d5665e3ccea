/**
 * Money is an integer number of minor units everywhere in the API (docs/api.md#money-and-rates):
 * `price: 1999` in USD is 19.99. These helpers format it for people and parse what people type
 * back into minor units, exactly. The digits of a currency and the formatting itself are the API's
 * own (libs/core money.ts); the SPA adds what a screen needs around them: nothing for a missing
 * amount, the browser's locale, and a plain fallback for a currency Intl does not know.
 */
import { formatMoney as formatMinorUnits, minorDigits } from '@chance/core/money';
import { decimalToScaled, scaledToDecimal } from './decimal';

export const defaultCurrency = 'USD';

/** Decimal places of a currency's minor unit (ISO 4217 via Intl): USD 2, JPY 0, KWD 3; 2 for a code Intl refuses. */
export function minorUnitDigits(currency: string): number {
  try {
    return minorDigits(currency);
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

/** The locale Intl uses when given none: the browser's. */
const browserLocale = () => new Intl.NumberFormat().resolvedOptions().locale;

/**
 * 1999, "USD" → "$19.99" (in the browser's locale unless one is given); "" for a missing amount
 * or one that is not a whole number of minor units.
 */
export function formatMoney(amount: number | null | undefined, currency: string = defaultCurrency, locale?: string): string {
  if (amount == null || !Number.isSafeInteger(amount)) return '';
  try {
    return formatMinorUnits(amount, currency, locale ?? browserLocale());
  } catch {
    return `${minorUnitsToDecimal(amount, currency)} ${currency}`;
  }
}
