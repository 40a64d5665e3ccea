import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import type { Cart, CartStatus } from '../types';

export const cartStatusChoices: { id: CartStatus; name: string }[] = [
  { id: 'active', name: 'Active' },
  { id: 'merged', name: 'Merged into a customer cart' },
  { id: 'checked_out', name: 'Checked out' },
];

const statusLook: Record<CartStatus, { label: string; color: 'info' | 'default' | 'success' }> = {
  active: { label: 'Active', color: 'info' },
  merged: { label: 'Merged', color: 'default' },
  checked_out: { label: 'Checked out', color: 'success' },
};

export const CartStatusChip = (_props: { label?: string; source?: string }) => {
  const cart = useRecordContext<Cart>();
  if (!cart) return null;
  const look = statusLook[cart.status] ?? { label: cart.status, color: 'default' as const };
  return <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />;
};

/** Why a cart's coupon gives no discount now (the refusal codes of docs/api.md#coupons). */
export const couponErrorMessages: Record<string, string> = {
  COUPON_NOT_FOUND: 'There is no such coupon',
  COUPON_INACTIVE: 'The coupon is not active',
  COUPON_NOT_STARTED: 'The coupon is not valid yet',
  COUPON_EXPIRED: 'The coupon has expired',
  COUPON_MIN_PURCHASE: 'The subtotal is below the coupon’s minimum purchase',
  COUPON_USAGE_LIMIT: 'The coupon has been used up',
  COUPON_CUSTOMER_LIMIT: 'The customer has used the coupon as often as allowed',
};

/** "3 items" (units), with the number of lines when they differ. */
export function itemCountText(cart: Pick<Cart, 'items'>): string {
  const units = cart.items.reduce((sum, item) => sum + item.quantity, 0);
  const lines = cart.items.length;
  if (units === 0) return 'Empty';
  const unitText = `${units} item${units === 1 ? '' : 's'}`;
  return lines === units ? unitText : `${unitText} (${lines} product${lines === 1 ? '' : 's'})`;
}

export const ItemCountField = (_props: { label?: string; source?: string }) => {
  const cart = useRecordContext<Cart>();
  return cart ? <span>{itemCountText(cart)}</span> : null;
};

/** The cart's owner: the customer, or "Guest". */
export { UserReferenceField as CartOwnerField } from '../users/UserReferenceField';
