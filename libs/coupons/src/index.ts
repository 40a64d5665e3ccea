export * from './coupons.module.js';
export { CouponsService, couponRefused, couponsByIds, isKnownShopper, type Shopper, type CouponUseRecord } from './coupons.service.js';
export { CouponEntity } from './coupon.entity.js';
export { couponRefusal, COUPON_REFUSALS, REFUSAL_MESSAGES, type Coupon, type CouponRefusal } from './coupon-rules.js';
export { ApplyCouponDto } from './dto/coupon.dto.js';
