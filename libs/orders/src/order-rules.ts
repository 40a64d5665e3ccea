import { paidAmountOf, refundedAmountOf, settle, type PaymentRow, invalidTransition } from '@chance/core';

/** The order status machine and payment derivation of docs/api.md#orders-payments-and-invoices, as pure functions. */
export const ORDER_STATUSES = ['draft', 'pending', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'refunded'] as const;
/** The status of one payment row (docs/api.md#orders-payments-and-invoices). */
export const PAYMENT_ROW_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Checkout takes every method but cash. */
export const CHECKOUT_METHODS = ['cash_on_delivery', 'bank_transfer', 'card', 'mobile_wallet'] as const;

const MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
  // a draft is placed (POST /:id/place) or deleted, never moved by hand
  draft: [],
  pending: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return MOVES[from].includes(to);
}

/** Refuses (409 INVALID_TRANSITION) any manual move the machine does not allow. */
export function assertMove(from: OrderStatus, to: OrderStatus): void {
  if (!canMove(from, to)) throw invalidTransition(`An order cannot go from ${from} to ${to}`);
}

export type RecordedPayment = PaymentRow;

export interface PaymentState {
  paidAmount: number;
  refundedAmount: number;
  balanceDue: number;
  paymentStatus: PaymentStatus;
}

/**
 * Paid amount, balance and payment status, always derived from the recorded payments
 * (docs/api.md#orders-payments-and-invoices): succeeded and refunded payments count as paid, pending and failed ones do not;
 * refunds are counted apart. A cancelled order shows nothing paid or due, and what had been paid
 * as refunded.
 */
export function paymentState(total: number, payments: readonly RecordedPayment[], cancelled: boolean): PaymentState {
  const paid = paidAmountOf(payments);
  if (cancelled) {
    return { paidAmount: 0, refundedAmount: paid, balanceDue: 0, paymentStatus: paid > 0 ? 'refunded' : 'unpaid' };
  }
  const { balance, paymentStatus } = settle(total, paid);
  return { paidAmount: paid, refundedAmount: refundedAmountOf(payments), balanceDue: balance, paymentStatus };
}

/** The one automatic move: an order that becomes paid is delivered (from pending, processing or shipped). */
export function statusAfterPayment(status: OrderStatus, paymentStatus: PaymentStatus): OrderStatus {
  return paymentStatus === 'paid' && (status === 'pending' || status === 'processing' || status === 'shipped') ? 'delivered' : status;
}

/** Order date + the largest delivery time of its lines, as a UTC date. */
export function estimatedDeliveryDate(placedAt: Date, deliveryDays: readonly number[]): string {
  const days = deliveryDays.length ? Math.max(...deliveryDays) : 0;
  const date = new Date(Date.UTC(placedAt.getUTCFullYear(), placedAt.getUTCMonth(), placedAt.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

/** The statuses in which staff may still edit a placed order's lines, address and coupon (docs/api.md#draft-orders-and-order-editing). */
export const EDITABLE_STATUSES: readonly OrderStatus[] = ['pending', 'processing'];

/** Refuses (409 INVALID_TRANSITION) an edit of an order that is neither a draft nor editable. */
export function assertEditable(status: OrderStatus): void {
  if (status !== 'draft' && !EDITABLE_STATUSES.includes(status)) throw invalidTransition(`A ${status} order cannot be edited`);
}

export interface LineQuantity {
  variantId: number;
  quantity: number;
}

/**
 * The stock an edit moves: for each variant, what the order held before less what it holds after
 * (positive gives stock back, negative takes more); variants whose quantity did not change move
 * nothing, so an edit takes or returns the difference only.
 */
export function stockMovesOfEdit(before: readonly LineQuantity[], after: readonly LineQuantity[]): { variantId: number; delta: number }[] {
  const delta = new Map<number, number>();
  for (const line of before) delta.set(line.variantId, (delta.get(line.variantId) ?? 0) + line.quantity);
  for (const line of after) delta.set(line.variantId, (delta.get(line.variantId) ?? 0) - line.quantity);
  return [...delta.entries()]
    .filter(([, d]) => d !== 0)
    .sort(([a], [b]) => a - b)
    .map(([variantId, d]) => ({ variantId, delta: d }));
}
