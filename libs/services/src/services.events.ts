import type { SettlementStatus } from '@chance/core';
import type { BookingStatus } from './booking-rules.js';

/** Which booking an event is about, and whose it is. */
export interface BookingRef {
  bookingId: number;
  /** the account it is for; null for a booking of an in-store customer (nobody to notify) */
  customerId: number | null;
  serviceName: string;
}

/** `booking.created`, after commit. */
export interface BookingCreated extends BookingRef {
  /** ISO 8601 */
  scheduledAt: string;
}

/**
 * `booking.updated`, after commit: its status moved on, its time, address, notes or assignee
 * changed (`details`), a payment was recorded (`payment`) or money was given back (`refund`).
 */
export type BookingUpdated = BookingRef &
  ({ change: 'status'; from: BookingStatus; to: BookingStatus } | { change: 'details' } | { change: 'payment' } | { change: 'refund' });

/** Whom a booking's invoice is addressed to (the invoice's `billTo`): the customer and the visit's address. */
export interface BookingBillTo {
  name: string;
  email: string;
  line1: string;
  line2: null;
  city: string;
  postalCode: string;
  country: string;
  phone: string | null;
}

/**
 * `booking.completed`, in the completing transaction, last: the booking's invoice is to be issued
 * under the id reserved for it (`invoiceId`), with its totals and payment state (libs/invoices).
 */
export interface BookingCompletedInTransaction {
  bookingId: number;
  invoiceId: number;
  completedAt: Date;
  serviceName: string;
  billTo: BookingBillTo;
  currency: string;
  subtotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  paymentStatus: SettlementStatus;
}

/** `booking.payment_changed`, in the transaction: a payment, a refund or the cancellation changed what the booking has been paid or given back. */
export interface BookingPaymentChanged {
  bookingId: number;
  paidAmount: number;
  refundedAmount: number;
  paymentStatus: SettlementStatus;
}

/**
 * `booking.cancelled`, in the cancelling transaction, after the booking became cancelled: what was
 * paid on it is to go back (the refunds library refunds every payment in this same transaction).
 */
export interface BookingCancelledInTransaction {
  bookingId: number;
  /** how refunds and credit notes name it */
  number: string;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'booking.created': BookingCreated;
    'booking.updated': BookingUpdated;
  }
  interface TransactionEvents {
    'booking.completed': BookingCompletedInTransaction;
    'booking.payment_changed': BookingPaymentChanged;
    'booking.cancelled': BookingCancelledInTransaction;
  }
}
