export type DiscountType = 'percentage' | 'fixed';

export interface CouponTerms {
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
  minPurchase: number | null;
  validFrom: Date | null;
  validTo: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  isActive: boolean;
  timesUsed: number;
}

/** A coupon as other libraries see it: its code and its terms. */
export interface Coupon extends CouponTerms {
  id: number;
  code: string;
}

/** Why a coupon that exists does not apply, in the order the rules check it (docs/api.md#errors). */
export const COUPON_REFUSALS = [
  'COUPON_INACTIVE',
  'COUPON_NOT_STARTED',
  'COUPON_EXPIRED',
  'COUPON_MIN_PURCHASE',
  'COUPON_USAGE_LIMIT',
  'COUPON_CUSTOMER_LIMIT',
] as const;

export type CouponRefusal = (typeof COUPON_REFUSALS)[number];

export interface CouponUse {
  now: Date;
  /** before discount */
  subtotal: number;
  /** the customer's (or guest e-mail's) redemptions so far; null while unknown */
  customerUses: number | null;
}

/** The rules of docs/api.md#coupons, in the contract's order. Returns the refusal, or null when the coupon applies. */
export function couponRefusal(coupon: CouponTerms, use: CouponUse): CouponRefusal | null {
  if (!coupon.isActive) return 'COUPON_INACTIVE';
  if (coupon.validFrom && use.now < coupon.validFrom) return 'COUPON_NOT_STARTED';
  if (coupon.validTo && use.now > coupon.validTo) return 'COUPON_EXPIRED';
  if (coupon.minPurchase !== null && use.subtotal < coupon.minPurchase) return 'COUPON_MIN_PURCHASE';
  if (coupon.usageLimit !== null && coupon.timesUsed >= coupon.usageLimit) return 'COUPON_USAGE_LIMIT';
  if (coupon.perCustomerLimit !== null && use.customerUses !== null && use.customerUses >= coupon.perCustomerLimit) return 'COUPON_CUSTOMER_LIMIT';
  return null;
}

export const REFUSAL_MESSAGES: Record<CouponRefusal | 'COUPON_NOT_FOUND', string> = {
  COUPON_NOT_FOUND: 'There is no such coupon',
  COUPON_INACTIVE: 'This coupon is not active',
  COUPON_NOT_STARTED: 'This coupon is not valid yet',
  COUPON_EXPIRED: 'This coupon has expired',
  COUPON_MIN_PURCHASE: 'The order is below this coupon’s minimum purchase',
  COUPON_USAGE_LIMIT: 'This coupon has been used up',
  COUPON_CUSTOMER_LIMIT: 'You have already used this coupon as often as allowed',
};

export type CouponStatus = 'active' | 'inactive' | 'scheduled' | 'expired' | 'used_up';

/** The state an admin sees in the list. */
export function couponStatus(coupon: CouponTerms, now: Date): CouponStatus {
  if (!coupon.isActive) return 'inactive';
  if (coupon.validTo && now > coupon.validTo) return 'expired';
  if (coupon.usageLimit !== null && coupon.timesUsed >= coupon.usageLimit) return 'used_up';
  if (coupon.validFrom && now < coupon.validFrom) return 'scheduled';
  return 'active';
}
