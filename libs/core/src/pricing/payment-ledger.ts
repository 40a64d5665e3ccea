import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { paidAmountOf, refundedAmountOf, settle, type PaymentRow, type Settlement } from './settlement.js';

/**
 * Where a payable record's payment state lives, as the library that owns its tables reads and
 * writes it (each names only its own tables: docs/architecture.md#table-ownership).
 */
export interface PaymentLedger {
  /** the record's payment rows */
  paymentsOf(manager: EntityManager, id: number): Promise<readonly PaymentRow[]>;
  /** writes the derived paid and refunded amounts and payment status onto the record */
  write(manager: EntityManager, id: number, state: Settlement): Promise<unknown>;
}

/**
 * A record's paid and refunded amounts and payment status, derived from its payment rows with the
 * one settlement rule (`settle`) and written back, in the caller's transaction, the record locked
 * (its total and whether it is cancelled as the caller holds them): after a payment, a refund or
 * the cancellation of an in-store sale or a booking.
 */
export async function derivePaymentState(
  manager: EntityManager,
  ledger: PaymentLedger,
  record: { id: number; total: number; cancelled: boolean },
): Promise<Settlement> {
  const payments = await ledger.paymentsOf(manager, record.id);
  const state = settle(record.total, paidAmountOf(payments), refundedAmountOf(payments), record.cancelled);
  await ledger.write(manager, record.id, state);
  return state;
}

/** A part of a refund drawn on one payment. */
export interface RefundDraw {
  paymentId: number;
  amount: number;
}

/**
 * Adds a succeeded refund to the payments it was drawn on, in payment id order (concurrent refunds
 * of a record take their payments' locks in one order): `refundFrom` is one conditional update of
 * the payment, answering how many rows it changed; none when the payment has less than that left
 * to refund, which is 409 REFUND_EXCEEDS_PAID (the caller's transaction rolls back).
 */
export async function drawRefund(draws: readonly RefundDraw[], refundFrom: (draw: RefundDraw) => Promise<number>): Promise<void> {
  for (const draw of [...draws].sort((a, b) => a.paymentId - b.paymentId)) {
    if ((await refundFrom(draw)) !== 1) throw new DomainError('REFUND_EXCEEDS_PAID', `Payment ${draw.paymentId} has less than that left to refund`);
  }
}
