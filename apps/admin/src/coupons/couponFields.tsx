import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { basisPointsToPercent, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { Coupon, CouponStatus, DiscountType } from '../types';

export const discountTypeChoices: { id: DiscountType; name: string }[] = [
  { id: 'percentage', name: 'Percentage of the subtotal' },
  { id: 'fixed', name: 'Fixed amount' },
];

const statusLook: Record<CouponStatus, { label: string; color: 'success' | 'default' | 'info' | 'warning' | 'error' }> = {
  active: { label: 'Active', color: 'success' },
  scheduled: { label: 'Scheduled', color: 'info' },
  inactive: { label: 'Inactive', color: 'default' },
  expired: { label: 'Expired', color: 'warning' },
  used_up: { label: 'Used up', color: 'error' },
};

export const couponStatusChoices = Object.entries(statusLook).map(([id, { label }]) => ({ id, name: label }));

export const CouponStatusChip = (_props: { label?: string; source?: string }) => {
  const coupon = useRecordContext<Coupon>();
  if (!coupon) return null;
  const look = statusLook[coupon.status] ?? { label: coupon.status, color: 'default' as const };
  return <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />;
};

/** "10 %" or "$5.00"; with the cap of a percentage ("10 % up to $20.00"). */
export function discountText(coupon: Pick<Coupon, 'discountType' | 'discountValue' | 'maxDiscount'>, currency: string): string {
  if (coupon.discountType === 'percentage') {
    const percent = basisPointsToPercent(coupon.discountValue).replace(/\.?0+$/, '');
    return coupon.maxDiscount != null ? `${percent} % up to ${formatMoney(coupon.maxDiscount, currency)}` : `${percent} %`;
  }
  return formatMoney(coupon.discountValue, currency);
}

export const DiscountField = (_props: { label?: string; source?: string }) => {
  const coupon = useRecordContext<Coupon>();
  const currency = useStoreCurrency();
  if (!coupon) return null;
  return <span>{discountText(coupon, currency)}</span>;
};

/** "3 of 100" or "3". */
export const TimesUsedField = (_props: { label?: string; source?: string }) => {
  const coupon = useRecordContext<Coupon>();
  if (!coupon) return null;
  return <span>{coupon.usageLimit != null ? `${coupon.timesUsed} of ${coupon.usageLimit}` : String(coupon.timesUsed)}</span>;
};
