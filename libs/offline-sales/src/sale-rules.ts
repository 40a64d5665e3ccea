import type { FieldErrors } from '@chance/core';

/**
 * Who an in-store sale needs (docs/api.md#in-store-sales): a walk-in sale (no customer) must be paid in
 * full at once; a sale on credit needs a customer. Returns the field errors, or null.
 */
export function walkInRefusal(sale: { customerId?: number | null; paidAmount: number; total: number }): FieldErrors | null {
  if (sale.customerId !== undefined && sale.customerId !== null) return null;
  return sale.paidAmount === sale.total ? null : { customerId: 'a sale on credit needs a customer' };
}

/** A coupon or a manual discount, not both: either is the sale's one discount. */
export function discountRefusal(sale: { discount?: number; couponCode?: string }): FieldErrors | null {
  return sale.couponCode !== undefined && sale.discount !== undefined && sale.discount > 0
    ? { discount: 'a sale takes a coupon or a manual discount, not both' }
    : null;
}
