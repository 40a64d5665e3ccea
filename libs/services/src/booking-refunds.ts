import { Injectable } from '@nestjs/common';
import { DomainEventBus, drawRefund, paidAmountOf, publish, refundedAmountOf, type RefundDraw } from '@chance/core';
import type { EntityManager } from 'typeorm';
import { billToOf } from './booking-bill-to.js';
import { deriveBookingPayments } from './booking-payments.js';
import { bookingNumber, type BookingStatus } from './booking-rules.js';
import { BookingsService } from './bookings.service.js';
import type { BookingView } from './dto/services.dto.js';

/** A booking as a refund needs it: its figures, its payments and whom a credit note is addressed to. */
export interface RefundableBooking {
  id: number;
  /** how refunds and credit notes name it: `Booking 31 (Electrician)` */
  number: string;
  serviceName: string;
  status: BookingStatus;
  /** the account it is for; null for an in-store customer */
  customerId: number | null;
  createdAt: Date;
  billTo: { name: string; email: string | null; phone: string | null; address: string };
  subtotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  /** what was ever paid, also on a cancelled booking */
  paid: number;
  refunded: number;
  /** newest first; a booking's payment is received as it is recorded, so every one counts */
  payments: { id: number; amount: number; method: string; refundedAmount: number; paidAt: Date }[];
}

/**
 * What the refunds library asks of a booking (docs/api.md#refunds-and-returns and docs/api.md#services-and-notifications), in its transaction: the
 * booking locked with its payments, and a succeeded refund applied to them with one conditional
 * update each (never beyond a payment's amount: 409 REFUND_EXCEEDS_PAID), as orders and in-store
 * sales do; its payment state and its invoice's follow.
 */
@Injectable()
export class BookingRefunds {
  constructor(
    private readonly bookings: BookingsService,
    private readonly events: DomainEventBus,
  ) {}

  /** The booking, locked for the rest of the caller's transaction. */
  async lockForRefund(manager: EntityManager, bookingId: number): Promise<RefundableBooking> {
    const booking = await this.bookings.lock(manager, bookingId);
    const billTo = await billToOf(manager, booking);
    const payments: RefundableBooking['payments'] = await manager.query(
      `SELECT id, amount, method, refunded_amount AS "refundedAmount", paid_at AS "paidAt"
         FROM booking_payments WHERE booking_id = $1 ORDER BY paid_at DESC, id DESC`,
      [bookingId],
    );
    return {
      id: booking.id,
      number: bookingNumber(booking),
      serviceName: booking.serviceName,
      status: booking.status,
      customerId: booking.customerId,
      createdAt: booking.createdAt,
      billTo: { name: billTo.name, email: billTo.email || null, phone: billTo.phone, address: booking.address },
      subtotal: booking.subtotal,
      taxRateBps: booking.taxRateBps,
      taxTotal: booking.taxTotal,
      total: booking.total,
      paid: paidAmountOf(payments),
      refunded: refundedAmountOf(payments),
      payments,
    };
  }

  /** Adds a succeeded refund to the payments it was drawn on, then derives the booking's payment state again. */
  async applyRefund(manager: EntityManager, bookingId: number, draws: readonly RefundDraw[]): Promise<void> {
    await drawRefund(draws, async (draw) => {
      const [, updated] = await manager.query(
        `UPDATE booking_payments SET refunded_amount = refunded_amount + $3
          WHERE id = $1 AND booking_id = $2 AND refunded_amount + $3 <= amount`,
        [draw.paymentId, bookingId, draw.amount],
      );
      return updated;
    });
    const [booking]: { total: number; status: BookingStatus; customerId: number | null; serviceName: string }[] = await manager.query(
      'SELECT total, status, customer_id AS "customerId", service_name AS "serviceName" FROM bookings WHERE id = $1',
      [bookingId],
    );
    await deriveBookingPayments(manager, this.events, { id: bookingId, total: booking.total, cancelled: booking.status === 'cancelled' });
    await publish(manager, 'booking.updated', { bookingId, customerId: booking.customerId, serviceName: booking.serviceName, change: 'refund' });
  }

  viewIn(manager: EntityManager, bookingId: number): Promise<BookingView> {
    return this.bookings.getIn(manager, bookingId);
  }
}
