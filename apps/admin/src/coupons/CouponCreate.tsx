import { Create } from 'react-admin';
import type { Coupon } from '../types';
import { CouponForm, couponBody } from './CouponForm';

export const CouponCreate = () => (
  // Pessimistic (a create always is): a taken code comes back as an error under the Code input.
  <Create<Coupon> redirect="list" transform={couponBody}>
    <CouponForm defaultValues={{ discountType: 'percentage', isActive: true, description: '' }} />
  </Create>
);
