import { computeTotals, discountOfCoupon } from '@chance/core';
import { couponRefusal, type Coupon, type CouponRefusal } from '@chance/coupons';

/** A cart line with the live catalog data it is priced from. */
export interface LiveLine {
  id: number;
  cartId: number;
  variantId: number;
  productId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  unitPrice: number;
  /** what the variant costs the store (an order copies it) */
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  quantity: number;
  stock: number;
  isActive: boolean;
}

export interface PricedLine extends Omit<LiveLine, 'cartId' | 'isActive' | 'stock' | 'costPrice' | 'estimatedDeliveryDays'> {
  lineTotal: number;
  /** false when the product was withdrawn or the stock no longer covers the quantity */
  available: boolean;
}

export interface PricedCart {
  items: PricedLine[];
  couponCode: string | null;
  /** why the attached coupon gives no discount right now, or null */
  couponError: CouponRefusal | null;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

/** Prices a cart with live prices and the shared totals function; a coupon that no longer holds discounts nothing. */
export function priceCart(lines: LiveLine[], coupon: Coupon | null, taxRateBps: number, now: Date): PricedCart {
  const subtotalBefore = computeTotals(lines, null, taxRateBps).subtotal;
  // the per-customer limit needs the shopper: it is checked when the coupon is applied and at checkout
  const couponError = coupon ? couponRefusal(coupon, { now, subtotal: subtotalBefore, customerUses: null }) : null;
  const totals = computeTotals(lines, coupon && !couponError ? discountOfCoupon(coupon) : null, taxRateBps);
  return {
    items: lines.map((line, index) => ({
      id: line.id,
      variantId: line.variantId,
      productId: line.productId,
      productName: line.productName,
      sku: line.sku,
      attributes: line.attributes,
      unitPrice: line.unitPrice,
      shippingCost: line.shippingCost,
      quantity: line.quantity,
      lineTotal: totals.lineTotals[index],
      available: line.isActive && line.stock >= line.quantity,
    })),
    couponCode: coupon?.code ?? null,
    couponError,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    shippingTotal: totals.shippingTotal,
    taxRateBps: totals.taxRateBps,
    taxTotal: totals.taxTotal,
    total: totals.total,
  };
}
