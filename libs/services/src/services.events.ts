import type { BookingStatus } from './booking-rules.js';

/** Which booking an event is about, and whose it is. */
export interface BookingRef {
  bookingId: number;
  customerId: number;
  serviceName: string;
}

/** `booking.created`, after commit. */
export interface BookingCreated extends BookingRef {
  /** ISO 8601 */
  scheduledAt: string;
}

/** `booking.updated`, after commit: its status moved on, or its time, address or notes changed (`details`). */
export type BookingUpdated = BookingRef & ({ change: 'status'; from: BookingStatus; to: BookingStatus } | { change: 'details' });

declare module '@chance/core' {
  interface OutboxEvents {
    'booking.created': BookingCreated;
    'booking.updated': BookingUpdated;
  }
}
