import type { ShippingAddress } from './order.entities.js';
import type { OrderStatus, PaymentStatus } from './order-rules.js';

/** Which order an event is about, and whom it concerns (a guest order has no customer, only an e-mail). */
export interface OrderRef {
  orderId: number;
  number: string;
  customerId: number | null;
  email: string;
}

/** `order.placed`, after commit: a checkout placed the order. */
export interface OrderPlaced extends OrderRef {
  total: number;
}

/**
 * `order.updated`, after commit: one change of the order's status or of its payment status (one
 * event each), or an edit by staff of its lines, address or coupon (`edited`: its total before and after).
 */
export type OrderUpdated = OrderRef &
  (
    | { change: 'status'; from: OrderStatus; to: Exclude<OrderStatus, 'cancelled'> }
    | { change: 'payment'; from: PaymentStatus; to: PaymentStatus }
    | { change: 'edited'; from: number; to: number }
  );

/** `order.cancelled`, after commit: the status moved to cancelled (its payment status change, if any, is an `order.updated`). */
export type OrderCancelled = OrderRef & { change: 'status'; from: OrderStatus; to: 'cancelled' };

/**
 * `order.placed`, in the checkout's transaction: the order as written, with what the records that
 * follow it copy (its invoice: snapshot lines, totals, payment state). Raised as the checkout's
 * very last step, where the invoice number is taken: listeners run while that counter is held by
 * every checkout in turn, so each must be one statement (anything slower belongs after commit).
 */
export interface OrderPlacedInTransaction {
  orderId: number;
  number: string;
  placedAt: Date;
  /** reserved for the order's invoice when the order was written (orders.invoice_id) */
  invoiceId: number;
  email: string;
  shippingAddress: ShippingAddress;
  currency: string;
  lines: {
    productId: number;
    variantId: number;
    productName: string;
    sku: string;
    attributes: Record<string, string>;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
    shippingCost: number;
  }[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  paymentStatus: PaymentStatus;
}

/** `order.payment_changed`, in the transaction: a payment, a settled card charge, a refund or a cancellation changed what the order has been paid or given back. */
export interface OrderPaymentChanged {
  orderId: number;
  paidAmount: number;
  refundedAmount: number;
  paymentStatus: PaymentStatus;
}

/**
 * `order.cancelled`, in the cancelling transaction, after the order became cancelled (stock and
 * coupon use returned): what was paid on it is to go back (the refunds library refunds every
 * payment, in this same transaction, or refuses the cancellation).
 */
export interface OrderCancelledInTransaction {
  orderId: number;
  number: string;
}

/**
 * `order.edited`, in the edit's transaction: staff changed a placed order's lines, address or
 * coupon; the order as it now is, with what its invoice copies (the invoice is revised on this).
 */
export interface OrderEditedInTransaction {
  orderId: number;
  email: string;
  shippingAddress: ShippingAddress;
  lines: OrderPlacedInTransaction['lines'];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'order.placed': OrderPlaced;
    'order.updated': OrderUpdated;
    'order.cancelled': OrderCancelled;
  }
  interface TransactionEvents {
    'order.placed': OrderPlacedInTransaction;
    'order.payment_changed': OrderPaymentChanged;
    'order.cancelled': OrderCancelledInTransaction;
    'order.edited': OrderEditedInTransaction;
  }
}
