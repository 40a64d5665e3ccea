/**
 * The words the back office uses for the API's status and method values (docs/api.md#orders-payments-and-invoices, #suppliers-and-purchases, #in-store-sales),
 * with the colour each status chip gets.
 */
import type {
  OrderPaymentStatus,
  OrderStatus,
  Payment,
  PaymentMethod,
  PurchaseInvoiceStatus,
  PurchaseStatus,
  Refund,
  RefundStatus,
  ReturnStatus,
  SalePaymentStatus,
} from './types';

export type ChipColor = 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error';

export interface Look {
  label: string;
  color: ChipColor;
}

export type Looks<K extends string> = Record<K, Look>;

/** react-admin choices ({id, name}) from looks, in their order. */
export function choicesOf<K extends string>(looks: Looks<K>): { id: K; name: string }[] {
  return (Object.entries(looks) as [K, Look][]).map(([id, look]) => ({ id, name: look.label }));
}

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  bank_transfer: 'Bank transfer',
  mobile_wallet: 'Mobile wallet',
  cash_on_delivery: 'Cash on delivery',
};

export const paymentMethodChoices = (Object.entries(paymentMethodLabels) as [PaymentMethod, string][]).map(([id, name]) => ({ id, name }));

/** What a customer can pay with at the counter: nothing is delivered, so no cash on delivery. */
export const counterPaymentMethodChoices = paymentMethodChoices.filter((choice) => choice.id !== 'cash_on_delivery');

/** "Bank transfer"; an unknown value as it is. */
export function paymentMethodText(method: string | null | undefined): string {
  if (!method) return '';
  return paymentMethodLabels[method as PaymentMethod] ?? method;
}

export const orderStatusLooks: Looks<OrderStatus> = {
  draft: { label: 'Draft', color: 'default' },
  pending: { label: 'Pending', color: 'warning' },
  processing: { label: 'Processing', color: 'info' },
  shipped: { label: 'Shipped', color: 'primary' },
  delivered: { label: 'Delivered', color: 'success' },
  returned: { label: 'Returned', color: 'secondary' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export const orderPaymentStatusLooks: Looks<OrderPaymentStatus> = {
  unpaid: { label: 'Unpaid', color: 'error' },
  partially_paid: { label: 'Partially paid', color: 'warning' },
  paid: { label: 'Paid', color: 'success' },
  partially_refunded: { label: 'Partially refunded', color: 'secondary' },
  refunded: { label: 'Refunded', color: 'default' },
};

export const salePaymentStatusLooks: Looks<SalePaymentStatus> = orderPaymentStatusLooks;

export const saleStatusLooks: Looks<'completed' | 'cancelled'> = {
  completed: { label: 'Completed', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

/** One payment's status: a card charge is `pending` until the provider's answer is recorded, `failed` when declined. */
export const paymentStatusLooks: Looks<Payment['status']> = {
  pending: { label: 'Being confirmed', color: 'warning' },
  succeeded: { label: 'Received', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  refunded: { label: 'Refunded', color: 'default' },
};

export const purchaseStatusLooks: Looks<PurchaseStatus> = {
  draft: { label: 'Draft', color: 'default' },
  ordered: { label: 'Ordered', color: 'info' },
  received: { label: 'Received', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export const purchaseInvoiceStatusLooks: Looks<PurchaseInvoiceStatus> = {
  open: { label: 'Open', color: 'info' },
  final: { label: 'Final', color: 'success' },
  void: { label: 'Void', color: 'default' },
};

/** A return's way through the shop (docs/api.md#refunds-and-returns), in the order of the queue's tabs. */
export const returnStatusLooks: Looks<ReturnStatus> = {
  requested: { label: 'Requested', color: 'warning' },
  approved: { label: 'Approved', color: 'info' },
  received: { label: 'Received', color: 'primary' },
  refunded: { label: 'Refunded', color: 'success' },
  rejected: { label: 'Rejected', color: 'default' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

/** A refund: `pending` while the card provider gives it back. */
export const refundStatusLooks: Looks<RefundStatus> = {
  pending: { label: 'Being confirmed', color: 'warning' },
  succeeded: { label: 'Refunded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

export const refundKindLabels: Record<Refund['kind'], string> = {
  direct: 'Refund',
  return: 'Return',
  cancellation: 'Cancellation',
};

export const refundKindChoices = (Object.entries(refundKindLabels) as [Refund['kind'], string][]).map(([id, name]) => ({ id, name }));
