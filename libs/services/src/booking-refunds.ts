import { Injectable } from '@nestjs/common';
import { DomainError } from '@chance/core';
import { contactOf } from '@chance/identity';
import type { EntityManager } from 'typeorm';
import { BookingsService } from './bookings.service.js';
import type { BookingView } from './dto/services.dto.js';
import type { BookingStatus } from './booking-rules.js';

/** A booking as a refund needs it: its figures, its payments and whom a credit note is addressed to. */
export interface RefundableBooking {
  id: number;
  serviceName: string;
  status: BookingStatus;
  customerId: number;
  createdAt: Date;
  billTo: { name: string; email: string | null; phone: string | null; address: string };
  total: number;
  taxRateBps: number;
  paid: number;
  refunded: number;
  /** newest first */
  payments: { id: number; amount: number; method: string; refundedAmount: number; paidAt: Date }[];
}

/**
 * What the refunds library asks of a booking (docs/api.md#refunds-and-returns and docs/api.md#services-and-notifications), in its transaction.
 * Bookings take no payments yet: nothing is paid on any, so every refund of a booking is refused
 * with 409 REFUND_EXCEEDS_PAID. When bookings take payments, `lockForRefund` lists them (with
 * their refunded amounts), `applyRefund` adds a refund to them with one conditional update each,
 * as orders and in-store sales do, and the booking's payment status follows; nothing else changes.
 */
@Injectable()
export class BookingRefunds {
  constructor(private readonly bookings: BookingsService) {}

  /** The booking, locked for the rest of the caller's transaction. */
  async lockForRefund(manager: EntityManager, bookingId: number): Promise<RefundableBooking> {
    const booking = await this.bookings.lock(manager, bookingId);
    const contact = await contactOf(manager, booking.customerId);
    return {
      id: booking.id,
      serviceName: booking.serviceName,
      status: booking.status,
      customerId: booking.customerId,
      createdAt: booking.createdAt,
      billTo: { name: contact?.fullName || contact?.email || '', email: contact?.email ?? null, phone: contact?.phone ?? null, address: booking.address },
      total: booking.price,
      // the booking's own tax rate comes with its totals (docs/api.md#services-and-notifications)
      taxRateBps: 0,
      paid: 0,
      refunded: booking.refundedAmount,
      payments: [],
    };
  }

  /** Adds a succeeded refund to the payments it was drawn on: a booking has none yet, so no refund can reach here. */
  async applyRefund(manager: EntityManager, bookingId: number, draws: readonly { paymentId: number; amount: number }[]): Promise<void> {
    if (draws.length > 0) throw new DomainError('REFUND_EXCEEDS_PAID', 'Nothing has been paid on this booking');
    await manager.query('UPDATE bookings SET updated_at = now() WHERE id = $1', [bookingId]);
  }

  viewIn(manager: EntityManager, bookingId: number): Promise<BookingView> {
    return this.bookings.getIn(manager, bookingId);
  }
}
