/**
 * The customer timeline's words, links and signs (GET /api/admin/customers/:id/timeline): pure, so
 * they are tested beside this file.
 */
import type { Look } from '../common-sales/labels';
import { orderPaymentStatusLooks, orderStatusLooks, refundStatusLooks, saleStatusLooks } from '../common-sales/labels';
import { customerMessagesPath } from '../messages/customerPages';
import type { TimelineEntry, TimelineKind } from './types';

/** The timeline's resource path under /api/admin, for the data provider's getList. */
export const timelineResource = (customerId: number | string): string => `customers/${customerId}/timeline`;

export const timelineKindLabels: Record<TimelineKind, string> = {
  order: 'Order',
  offline_sale: 'In-store sale',
  booking: 'Booking',
  refund: 'Refund',
  message: 'Message',
};

const bookingStatusLooks: Record<string, Look> = {
  pending: { label: 'Pending', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

const messageLooks: Record<string, Look> = {
  to_customer: { label: 'To customer', color: 'primary' },
  from_customer: { label: 'From customer', color: 'secondary' },
};

const statusLooksOf: Record<TimelineKind, Record<string, Look>> = {
  order: orderStatusLooks,
  offline_sale: saleStatusLooks,
  booking: bookingStatusLooks,
  refund: refundStatusLooks,
  message: messageLooks,
};

/** The entry's status as its record's own pages word it ("Delivered", "Refunded", "From customer"). */
export function timelineStatusLook(entry: Pick<TimelineEntry, 'kind' | 'status'>): Look {
  return statusLooksOf[entry.kind][entry.status] ?? { label: entry.status, color: 'default' };
}

/** The payment status of an order, sale or booking ("Partially paid"); null for refunds and messages. */
export function timelinePaymentLook(entry: Pick<TimelineEntry, 'paymentStatus'>): Look | null {
  if (!entry.paymentStatus) return null;
  return orderPaymentStatusLooks[entry.paymentStatus as keyof typeof orderPaymentStatusLooks] ?? { label: entry.paymentStatus, color: 'default' };
}

/** What the entry is called: its number, and for a booking its service, for a refund its record, for a message its title. */
export function timelineEntryName(entry: Pick<TimelineEntry, 'kind' | 'number' | 'title'>): string {
  if (entry.kind === 'refund') return entry.title ? `${entry.number ?? ''} of ${entry.title}`.trim() : (entry.number ?? '');
  if (entry.kind === 'booking' || entry.kind === 'message') return entry.title ?? '';
  return entry.number ?? '';
}

/**
 * The amount as it moves the customer's value: a refund gives money back (negative); a message
 * has none (null).
 */
export function signedTimelineAmount(entry: Pick<TimelineEntry, 'kind' | 'amount'>): number | null {
  if (entry.amount === null) return null;
  return entry.kind === 'refund' ? -entry.amount : entry.amount;
}

/** Where an entry opens: its record's page; a message (no page of its own) the customer's messages, filtered to them. */
export function timelineEntryPath(entry: Pick<TimelineEntry, 'kind' | 'resource' | 'recordId'>, customerId: number): string {
  if (entry.kind === 'message') return customerMessagesPath(customerId);
  return `/${entry.resource}/${entry.recordId}/show`;
}
