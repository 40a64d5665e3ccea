/**
 * The totals the forms show while people type, computed with the API's own money functions
 * (libs/core money.ts, docs/api.md#totals): integers in minor units, the one half-up
 * rounding for the tax, BigInt where a product could pass the safe-integer range. The API
 * recomputes everything on save; these only preview it, so unlike the API's `computeTotals` they
 * take the form as it is while people type: lines not complete yet are counted apart, and a
 * discount above the subtotal is shown as typed (its input says why it cannot be saved).
 */
import { applyBasisPoints, sumMinorUnits, toSafeNumber } from '@chance/core/money';

/** A whole number of minor units or units, or null (empty, typed text that is not one yet). */
export function wholeOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** quantity × unit amount, or null while either is missing. */
export function lineTotal(quantity: unknown, unitAmount: unknown): number | null {
  const q = wholeOrNull(quantity);
  const u = wholeOrNull(unitAmount);
  if (q == null || u == null) return null;
  return toSafeNumber(BigInt(q) * BigInt(u));
}

/** Σ of the lines that are complete; `incomplete` counts the others. */
export function sumLines<L>(lines: readonly L[] | null | undefined, totalOf: (line: L) => number | null) {
  const totals: number[] = [];
  let incomplete = 0;
  for (const line of lines ?? []) {
    const total = line ? totalOf(line) : null;
    if (total == null) incomplete += 1;
    else totals.push(total);
  }
  return { subtotal: sumMinorUnits(totals), incomplete };
}

export interface SaleTotals {
  subtotal: number;
  discount: number;
  taxTotal: number;
  total: number;
  /** Lines still missing a variant, a quantity or a price. */
  incomplete: number;
}

/**
 * An in-store sale (docs/api.md#in-store-sales): subtotal = Σ quantity × unitPrice,
 * tax = roundHalfUp((subtotal − discount) × taxRateBps / 10000), total = subtotal − discount + tax.
 */
export function saleTotals(
  lines: readonly { quantity?: unknown; unitPrice?: unknown }[] | null | undefined,
  discountValue: unknown,
  taxRateBps: number,
): SaleTotals {
  const { subtotal, incomplete } = sumLines(lines, (line) => lineTotal(line.quantity, line.unitPrice));
  const discount = wholeOrNull(discountValue) ?? 0;
  const taxable = sumMinorUnits([subtotal, -discount]);
  const taxTotal = applyBasisPoints(taxable, taxRateBps);
  const total = sumMinorUnits([taxable, taxTotal]);
  return { subtotal, discount, taxTotal, total, incomplete };
}

export interface PurchaseTotals {
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
  incomplete: number;
}

/** A purchase (docs/api.md#suppliers-and-purchases): subtotal = Σ quantity × unitCost; total = subtotal + shipping + tax (both from the bill). */
export function purchaseTotals(
  lines: readonly { quantity?: unknown; unitCost?: unknown }[] | null | undefined,
  shippingValue: unknown,
  taxValue: unknown,
): PurchaseTotals {
  const { subtotal, incomplete } = sumLines(lines, (line) => lineTotal(line.quantity, line.unitCost));
  const shippingCost = wholeOrNull(shippingValue) ?? 0;
  const taxTotal = wholeOrNull(taxValue) ?? 0;
  const total = sumMinorUnits([subtotal, shippingCost, taxTotal]);
  return { subtotal, shippingCost, taxTotal, total, incomplete };
}
