import { DomainEventBus, derivePaymentState, type PaymentLedger, type Settlement } from '@chance/core';
import type { EntityManager } from 'typeorm';

/** A booking's payments as the settlement rules read them. */
export function paymentsOf(manager: EntityManager, bookingId: number): Promise<{ amount: number; refundedAmount: number }[]> {
  return manager.query('SELECT amount, refunded_amount AS "refundedAmount" FROM booking_payments WHERE booking_id = $1', [bookingId]);
}

/** Where a booking's payment state lives: its payment rows, and its own paid and refunded amounts and payment status. */
const BOOKING_PAYMENTS: PaymentLedger = {
  paymentsOf,
  write: (manager, id, state) =>
    manager.query('UPDATE bookings SET paid_amount = $2, refunded_amount = $3, payment_status = $4, updated_at = now() WHERE id = $1', [
      id,
      state.paidAmount,
      state.refundedAmount,
      state.paymentStatus,
    ]),
};

/**
 * Paid and refunded amounts and the payment status of a booking, derived from its payment rows
 * with core's settlement rules (as orders' and in-store sales' are), in the caller's transaction,
 * the booking locked (its total and whether it is cancelled as the caller holds them): after a
 * payment, a refund or the cancellation. Its invoice follows (`booking.payment_changed`, in the
 * same transaction).
 */
export async function deriveBookingPayments(
  manager: EntityManager,
  events: DomainEventBus,
  booking: { id: number; total: number; cancelled: boolean },
): Promise<Settlement> {
  const state = await derivePaymentState(manager, BOOKING_PAYMENTS, booking);
  await events.raise(manager, 'booking.payment_changed', {
    bookingId: booking.id,
    paidAmount: state.paidAmount,
    refundedAmount: state.refundedAmount,
    paymentStatus: state.paymentStatus,
  });
  return state;
}
