import fc from 'fast-check';
import { couponRefusal, couponStatus, type CouponTerms } from './coupon-rules.js';

const base: CouponTerms = {
  discountType: 'percentage',
  discountValue: 1000,
  maxDiscount: null,
  minPurchase: null,
  validFrom: null,
  validTo: null,
  usageLimit: null,
  perCustomerLimit: null,
  isActive: true,
  timesUsed: 0,
};
const now = new Date('2026-11-25T12:00:00Z');
const use = { now, subtotal: 5000, customerUses: 0 };

describe('couponRefusal', () => {
  it('accepts a plain active coupon', () => expect(couponRefusal(base, use)).toBeNull());
  it('refuses an inactive one', () => expect(couponRefusal({ ...base, isActive: false }, use)).toBe('COUPON_INACTIVE'));
  it('refuses before validFrom and accepts at it', () => {
    expect(couponRefusal({ ...base, validFrom: new Date(now.getTime() + 1) }, use)).toBe('COUPON_NOT_STARTED');
    expect(couponRefusal({ ...base, validFrom: now }, use)).toBeNull();
  });
  it('treats validTo as inclusive', () => {
    expect(couponRefusal({ ...base, validTo: now }, use)).toBeNull();
    expect(couponRefusal({ ...base, validTo: new Date(now.getTime() - 1) }, use)).toBe('COUPON_EXPIRED');
  });
  it('compares the minimum purchase with the subtotal before discount', () => {
    expect(couponRefusal({ ...base, minPurchase: 5000 }, use)).toBeNull();
    expect(couponRefusal({ ...base, minPurchase: 5001 }, use)).toBe('COUPON_MIN_PURCHASE');
  });
  it('refuses a used-up coupon', () => {
    expect(couponRefusal({ ...base, usageLimit: 3, timesUsed: 2 }, use)).toBeNull();
    expect(couponRefusal({ ...base, usageLimit: 3, timesUsed: 3 }, use)).toBe('COUPON_USAGE_LIMIT');
  });
  it('checks the per-customer limit only once the customer is known', () => {
    expect(couponRefusal({ ...base, perCustomerLimit: 1 }, { ...use, customerUses: 1 })).toBe('COUPON_CUSTOMER_LIMIT');
    expect(couponRefusal({ ...base, perCustomerLimit: 1 }, { ...use, customerUses: null })).toBeNull();
    expect(couponRefusal({ ...base, perCustomerLimit: 2 }, { ...use, customerUses: 1 })).toBeNull();
  });
  it('reports the first refusal in the contract’s order', () => {
    const everythingWrong: CouponTerms = { ...base, isActive: false, validTo: new Date(0), minPurchase: 1e9, usageLimit: 0 };
    expect(couponRefusal(everythingWrong, use)).toBe('COUPON_INACTIVE');
    expect(couponRefusal({ ...everythingWrong, isActive: true }, use)).toBe('COUPON_EXPIRED');
  });
  it('never accepts a coupon whose usage limit is reached, whatever else holds', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(1e6), (limit, extra, subtotal) => {
        expect(couponRefusal({ ...base, usageLimit: limit, timesUsed: limit + extra }, { ...use, subtotal })).not.toBeNull();
      }),
    );
  });
});

describe('couponStatus', () => {
  it.each([
    [{}, 'active'],
    [{ isActive: false }, 'inactive'],
    [{ validTo: new Date('2026-01-01') }, 'expired'],
    [{ validFrom: new Date('2027-01-01') }, 'scheduled'],
    [{ usageLimit: 1, timesUsed: 1 }, 'used_up'],
  ])('%j is %s', (change, status) => expect(couponStatus({ ...base, ...change }, now)).toBe(status));
});
