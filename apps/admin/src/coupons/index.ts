import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import type { ResourceProps } from 'react-admin';
import type { Coupon } from '../types';
import { CouponCreate } from './CouponCreate';
import { CouponEdit } from './CouponEdit';
import { CouponList } from './CouponList';

/** The `coupons` admin resource (docs/api.md#coupons). */
export const coupons = {
  name: 'coupons',
  list: CouponList,
  edit: CouponEdit,
  create: CouponCreate,
  icon: LocalOfferIcon,
  recordRepresentation: (record: Coupon) => record.code,
} satisfies ResourceProps;

export { CouponCreate, CouponEdit, CouponList };
