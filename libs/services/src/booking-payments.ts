import { DomainEventBus, paidAmountOf, refundedAmountOf, settle, type Settlement } from '@chance/core';
import type { EntityManager } from 'typeorm';

/** A booking's payments as the settlement rules read them. */
export function paymentsOf(manager: EntityManager, bookingId: number): Promise<{ amount: number; refundedAmount: number }[]> {
  return manager.query('SELECT amount, refunded_amount AS "refundedAmount" FROM booking_payments WHERE booking_id = $1', [bookingId]);
}

/**
 * Paid and refunded amounts and the payment status of a booking, derived from its payment rows
 * with core's settlement rules (as orders' and in-store sales' are), in the caller's transaction,
 * the booking locked: after a payment, a refund or the cancellation. Its invoice follows
 * (`booking.payment_changed`, in the same transaction).
 */
export async function deriveBookingPayments(manager: EntityManager, events: DomainEventBus, bookingId: number): Promise<Settlement> {
  const [booking]: { total: number; status: string }[] = await manager.query('SELECT total, status FROM bookings WHERE id = $1', [bookingId]);
  const payments = await paymentsOf(manager, bookingId);
  const state = settle(booking.total, paidAmountOf(payments), refundedAmountOf(payments), booking.status === 'cancelled');
  await manager.query('UPDATE bookings SET paid_amount = $2, refunded_amount = $3, payment_status = $4, updated_at = now() WHERE id = $1', [
    bookingId,
    state.paidAmount,
    state.refundedAmount,
    state.paymentStatus,
  ]);
  await events.raise(manager, 'booking.payment_changed', {
    bookingId,
    paidAmount: state.paidAmount,
    refundedAmount: state.refundedAmount,
    paymentStatus: state.paymentStatus,
  });
  return state;
}
