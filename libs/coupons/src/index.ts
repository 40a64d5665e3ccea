export * from './coupons.module.js';
export { CouponsService, couponRefused, type Shopper } from './coupons.service.js';
export { CouponEntity } from './coupon.entity.js';
export { couponRefusal, discountOfCoupon, REFUSAL_MESSAGES, type CouponRefusal } from './coupon-rules.js';
export { ApplyCouponDto } from './dto/coupon.dto.js';
