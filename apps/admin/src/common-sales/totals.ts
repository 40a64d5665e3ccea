/**
 * The totals the forms show while people type, computed exactly as the API computes them
 * (SPEC.md sections 9 and 10): integers in minor units, one half-up rounding for the tax, BigInt
 * where a product could pass the safe-integer range. The API recomputes everything on save; these
 * only preview it.
 */

/** numerator / denominator rounded half away from zero (the API's `roundHalfUp`). */
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

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount beyond the safe integer range');
  }
  return Number(value);
}

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
  let subtotal = 0n;
  let incomplete = 0;
  for (const line of lines ?? []) {
    const total = line ? totalOf(line) : null;
    if (total == null) incomplete += 1;
    else subtotal += BigInt(total);
  }
  return { subtotal: toSafeNumber(subtotal), incomplete };
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
 * An in-store sale (section 10): subtotal = Σ quantity × unitPrice,
 * tax = roundHalfUp((subtotal − discount) × taxRateBps / 10000), total = subtotal − discount + tax.
 */
export function saleTotals(
  lines: readonly { quantity?: unknown; unitPrice?: unknown }[] | null | undefined,
  discountValue: unknown,
  taxRateBps: number,
): SaleTotals {
  const { subtotal, incomplete } = sumLines(lines, (line) => lineTotal(line.quantity, line.unitPrice));
  const discount = wholeOrNull(discountValue) ?? 0;
  const taxable = BigInt(subtotal) - BigInt(discount);
  const taxTotal = roundHalfUp(taxable * BigInt(taxRateBps), 10_000n);
  const total = toSafeNumber(taxable + BigInt(taxTotal));
  return { subtotal, discount, taxTotal, total, incomplete };
}

export interface PurchaseTotals {
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
  incomplete: number;
}

/** A purchase (section 9): subtotal = Σ quantity × unitCost; total = subtotal + shipping + tax (both from the bill). */
export function purchaseTotals(
  lines: readonly { quantity?: unknown; unitCost?: unknown }[] | null | undefined,
  shippingValue: unknown,
  taxValue: unknown,
): PurchaseTotals {
  const { subtotal, incomplete } = sumLines(lines, (line) => lineTotal(line.quantity, line.unitCost));
  const shippingCost = wholeOrNull(shippingValue) ?? 0;
  const taxTotal = wholeOrNull(taxValue) ?? 0;
  const total = toSafeNumber(BigInt(subtotal) + BigInt(shippingCost) + BigInt(taxTotal));
  return { subtotal, shippingCost, taxTotal, total, incomplete };
}
