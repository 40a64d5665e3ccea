/**
 * What the back office may do with an order (docs/api.md#orders-payments-and-invoices), so that it only offers moves the
 * API accepts: pending → processing → shipped → delivered; cancelled from pending or processing;
 * payments while money is owed and the order is not cancelled.
 */
import type { Order, OrderStatus } from '../common-sales/types';

const nextOf: Record<OrderStatus, OrderStatus[]> = {
  // a draft is placed or deleted, never moved by hand
  draft: [],
  pending: ['processing'],
  processing: ['shipped'],
  shipped: ['delivered'],
  delivered: [],
  // automatic: every unit came back and was refunded
  returned: [],
  cancelled: [],
};

/** The statuses an order can be moved to by hand (cancelling has its own action). */
export function nextStatuses(status: OrderStatus): OrderStatus[] {
  return nextOf[status] ?? [];
}

export function canCancel(order: Pick<Order, 'status'>): boolean {
  return order.status === 'pending' || order.status === 'processing';
}

export function canTakePayment(order: Pick<Order, 'status' | 'balanceDue'>): boolean {
  return order.status !== 'cancelled' && order.status !== 'draft' && order.balanceDue > 0;
}

/** Staff may edit a draft, or a placed order while it is pending or processing (docs/api.md#draft-orders-and-order-editing). */
export function canEdit(order: Pick<Order, 'status'>): boolean {
  return order.status === 'draft' || order.status === 'pending' || order.status === 'processing';
}
