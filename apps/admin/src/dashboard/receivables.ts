/**
 * "Outstanding receivables" in its parts (docs/api.md#back-office-resources): what online orders,
 * in-store sales and completed bookings still owe, each with the list that shows those records.
 * The filters are the API's definitions of the figures, so each list adds up to its part.
 */
import type { OrderStatus } from '../common-sales/types';

/** Still owing: not paid in full yet (refunded records owe nothing). */
const owing = ['unpaid', 'partially_paid'];

/** Orders that count: neither drafts (not placed yet) nor cancelled (owe nothing). */
const placedStatuses: OrderStatus[] = ['pending', 'processing', 'shipped', 'delivered', 'returned'];

export interface ReceivablesPart {
  label: string;
  amount: number;
  resource: 'orders' | 'offline-sales' | 'bookings';
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

export function receivablesParts(report: { outstandingOnline: number; outstandingOffline: number; outstandingServices: number }): ReceivablesPart[] {
  return [
    {
      label: 'Online',
      amount: report.outstandingOnline,
      resource: 'orders',
      filter: { status: placedStatuses, paymentStatus: owing },
      sort: { field: 'placedAt', order: 'ASC' },
    },
    {
      label: 'In-store',
      amount: report.outstandingOffline,
      resource: 'offline-sales',
      filter: { status: 'completed', paymentStatus: owing },
      sort: { field: 'soldAt', order: 'ASC' },
    },
    {
      label: 'Services',
      amount: report.outstandingServices,
      resource: 'bookings',
      filter: { status: 'completed', paymentStatus: owing },
      sort: { field: 'scheduledAt', order: 'ASC' },
    },
  ];
}
