import { fullyPaid, invalidTransition, paidAmountOf, refundedAmountOf, settle, type PaymentRow, SETTLEMENT_STATUSES } from '@chance/core';

/** The order status machine and payment derivation of docs/api.md#orders-payments-and-invoices and docs/api.md#refunds-and-returns, as pure functions. */
export const ORDER_STATUSES = ['draft', 'pending', 'processing', 'shipped', 'delivered', 'returned', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Every status an order answer can carry (docs/api.md#order-statuses), for the OpenAPI document and
 * the list filter: the machine's own, now that it has `draft` (a back-office order not yet placed;
 * never in the store) and `returned` (every unit back and refunded, after `delivered` or `shipped`).
 */
export const ORDER_VIEW_STATUSES = ORDER_STATUSES;

/** Every payment status an order derives and an answer can carry (docs/api.md#order-statuses): `partially_refunded` and `refunded` come with refunds. */
export const PAYMENT_STATUSES = SETTLEMENT_STATUSES;
export const PAYMENT_VIEW_STATUSES = PAYMENT_STATUSES;
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
  // only ever automatic, once every unit came back and was refunded (docs/api.md#refunds-and-returns)
  returned: [],
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
 * (docs/api.md#orders-payments-and-invoices): succeeded and refunded payments count as paid,
 * pending and failed ones do not; refunds are counted apart (each payment's refunded amount) and
 * make the status `partially_refunded` or `refunded`. A cancelled order shows nothing paid or due,
 * and what had been paid as refunded.
 */
export function paymentState(total: number, payments: readonly RecordedPayment[], cancelled: boolean): PaymentState {
  const { paidAmount, refundedAmount, balance, paymentStatus } = settle(total, paidAmountOf(payments), refundedAmountOf(payments), cancelled);
  return { paidAmount, refundedAmount, balanceDue: balance, paymentStatus };
}

/**
 * The automatic move of docs/api.md#orders-payments-and-invoices: an order that becomes paid in full is delivered (from pending,
 * processing or shipped), whatever was refunded of it meanwhile.
 */
export function statusAfterPayment(status: OrderStatus, state: Pick<PaymentState, 'paidAmount'>, total: number): OrderStatus {
  return fullyPaid(total, state.paidAmount) && (status === 'pending' || status === 'processing' || status === 'shipped') ? 'delivered' : status;
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
