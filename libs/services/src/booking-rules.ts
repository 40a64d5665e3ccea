import { computeTotals, validationFailed, invalidTransition } from '@chance/core';

export const BOOKING_STATUSES = ['pending', 'completed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A booking moves once, from pending to completed or cancelled (docs/api.md#services-and-notifications). */
export function assertBookingMove(from: BookingStatus, to: BookingStatus): void {
  if (from !== 'pending' || to === 'pending') throw invalidTransition(`A ${from} booking cannot become ${to}`);
}

/** Only a pending booking is rescheduled or reassigned (409 INVALID_TRANSITION, in its own words). */
export function assertReschedulable(status: BookingStatus): void {
  if (status !== 'pending') throw invalidTransition(`A ${status} booking cannot be rescheduled or reassigned`);
}

/** A visit is booked for the future. */
export function assertFuture(scheduledAt: Date, now: Date): void {
  if (scheduledAt.getTime() <= now.getTime()) throw validationFailed({ scheduledAt: 'must be in the future' });
}

/** Whom a booking is for: an account or an in-store customer, exactly one of them (400 VALIDATION_FAILED otherwise). */
export type BookingParty = { kind: 'account'; customerId: number } | { kind: 'in_store'; offlineCustomerId: number };

export function bookingParty(customerId: number | null | undefined, offlineCustomerId: number | null | undefined): BookingParty {
  const account = customerId !== undefined && customerId !== null;
  const inStore = offlineCustomerId !== undefined && offlineCustomerId !== null;
  if (account && inStore) {
    const message = 'give either customerId or offlineCustomerId, not both';
    throw validationFailed({ customerId: message, offlineCustomerId: message });
  }
  if (account) return { kind: 'account', customerId };
  if (inStore) return { kind: 'in_store', offlineCustomerId };
  const message = 'give the account (customerId) or the in-store customer (offlineCustomerId)';
  throw validationFailed({ customerId: message, offlineCustomerId: message });
}

export interface BookingTotals {
  subtotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

/**
 * A booking's totals, like a sale's with one line (docs/api.md#services-and-notifications): the service's price
 * is the subtotal, taxed at the store's rate when booked with the one totals function:
 * taxTotal = roundHalfUp(subtotal × taxRateBps / 10000), total = subtotal + taxTotal.
 */
export function bookingTotals(price: number, taxRateBps: number): BookingTotals {
  const totals = computeTotals([{ unitPrice: price, quantity: 1 }], null, taxRateBps);
  return { subtotal: totals.subtotal, taxRateBps, taxTotal: totals.taxTotal, total: totals.total };
}

/** How refunds, credit notes and the invoice's facts name a booking (it has no number of its own). */
export const bookingNumber = (booking: { id: number; serviceName: string }): string => `Booking ${booking.id} (${booking.serviceName})`;
