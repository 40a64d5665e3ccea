import { DomainEventBus, paidAmountOf, refundedAmountOf, settle, type Settlement } from '@chance/core';
import type { EntityManager } from 'typeorm';

/** A booking's payments as the settlement rules read them. */
export function paymentsOf(manager: EntityManager, bookingId: number): Promise<{ amount: number; refundedAmount: number }[]> {
  return manager.query('SELECT amount, refunded_amount AS "refundedAmount" FROM booking_payments WHERE booking_id = $1', [bookingId]);
}

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
  const payments = await paymentsOf(manager, booking.id);
  const state = settle(booking.total, paidAmountOf(payments), refundedAmountOf(payments), booking.cancelled);
  await manager.query('UPDATE bookings SET paid_amount = $2, refunded_amount = $3, payment_status = $4, updated_at = now() WHERE id = $1', [
    booking.id,
    state.paidAmount,
    state.refundedAmount,
    state.paymentStatus,
  ]);
  await events.raise(manager, 'booking.payment_changed', {
    bookingId: booking.id,
    paidAmount: state.paidAmount,
    refundedAmount: state.refundedAmount,
    paymentStatus: state.paymentStatus,
  });
  return state;
}
