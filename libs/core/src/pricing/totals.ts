import { applyBasisPoints, assertMinorUnits, sumMinorUnits, toSafeNumber } from '../money.js';

/**
 * The one totals function (docs/api.md#totals) for carts, orders, invoices and in-store sales:
 *
 *   lineTotal     = unitPrice × quantity
 *   subtotal      = Σ lineTotal
 *   discountTotal = percentage: roundHalfUp(subtotal × value / 10000), capped by maxDiscount
 *                   fixed: min(value, subtotal)
 *   shippingTotal = Σ shippingCost × quantity
 *   taxTotal      = roundHalfUp((subtotal − discountTotal) × taxRateBps / 10000)   (shipping untaxed)
 *   total         = subtotal − discountTotal + shippingTotal + taxTotal
 */
export interface TotalsLine {
  unitPrice: number;
  quantity: number;
  /** per unit; 0 for in-store sales */
  shippingCost?: number;
}

export type Discount = { type: 'percentage'; value: number; maxDiscount?: number | null } | { type: 'fixed'; value: number };

export interface Totals {
  lineTotals: number[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

export function computeTotals(lines: readonly TotalsLine[], discount: Discount | null, taxRateBps: number): Totals {
  if (!Number.isInteger(taxRateBps) || taxRateBps < 0 || taxRateBps > 10_000) throw new RangeError('taxRateBps must be 0..10000');
  const lineTotals = lines.map((line) => {
    assertMinorUnits(line.unitPrice, 'unitPrice');
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) throw new RangeError('quantity must be a non-negative integer');
    if (line.unitPrice < 0) throw new RangeError('unitPrice must not be negative');
    return toSafeNumber(BigInt(line.unitPrice) * BigInt(line.quantity));
  });
  const subtotal = sumMinorUnits(lineTotals);
  const shippingTotal = sumMinorUnits(lines.map((line) => toSafeNumber(BigInt(line.shippingCost ?? 0) * BigInt(line.quantity))));
  const discountTotal = discountOf(discount, subtotal);
  const taxTotal = applyBasisPoints(subtotal - discountTotal, taxRateBps);
  return {
    lineTotals,
    subtotal,
    discountTotal,
    shippingTotal,
    taxRateBps,
    taxTotal,
    total: subtotal - discountTotal + shippingTotal + taxTotal,
  };
}

/** A coupon's terms as the totals apply them: a percentage (in basis points, capped by maxDiscount) or a fixed amount. */
export function discountOfCoupon(coupon: { discountType: 'percentage' | 'fixed'; discountValue: number; maxDiscount?: number | null }): Discount {
  return coupon.discountType === 'percentage'
    ? { type: 'percentage', value: coupon.discountValue, maxDiscount: coupon.maxDiscount ?? null }
    : { type: 'fixed', value: coupon.discountValue };
}

export function discountOf(discount: Discount | null, subtotal: number): number {
  if (!discount) return 0;
  assertMinorUnits(discount.value, 'discount value');
  if (discount.value < 0) throw new RangeError('discount value must not be negative');
  if (discount.type === 'fixed') return Math.min(discount.value, subtotal);
  const raw = applyBasisPoints(subtotal, Math.min(discount.value, 10_000));
  const capped = discount.maxDiscount === null || discount.maxDiscount === undefined ? raw : Math.min(raw, discount.maxDiscount);
  return Math.min(capped, subtotal);
}

/**
 * What the goods sold cost: Σ costPrice × quantity over the lines' cost snapshots. Kept on the
 * order or sale beside its totals, so gross profit (subtotal − discount − costOfGoods) is
 * reported without reading the lines.
 */
export function costOfGoods(lines: readonly { costPrice: number; quantity: number }[]): number {
  return sumMinorUnits(lines.map((line) => toSafeNumber(BigInt(line.costPrice) * BigInt(line.quantity))));
}
