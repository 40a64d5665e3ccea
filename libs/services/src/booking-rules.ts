import { validationFailed, invalidTransition } from '@chance/core';

export const BOOKING_STATUSES = ['pending', 'completed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A booking moves once, from pending to completed or cancelled (docs/api.md#services-and-notifications). */
export function assertBookingMove(from: BookingStatus, to: BookingStatus): void {
  if (from !== 'pending' || to === 'pending') throw invalidTransition(`A ${from} booking cannot become ${to}`);
}

/** A visit is booked for the future. */
export function assertFuture(scheduledAt: Date, now: Date): void {
  if (scheduledAt.getTime() <= now.getTime()) throw validationFailed({ scheduledAt: 'must be in the future' });
}
