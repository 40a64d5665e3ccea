import type { EntityManager } from 'typeorm';
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
