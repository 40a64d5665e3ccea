import type { CreditNoteContent } from './returns.entities.js';
import type { ReturnStatus } from './return-rules.js';

/** Which record money went back on: exactly one of the three. */
export interface RefundedRecord {
  orderId: number | null;
  offlineSaleId: number | null;
  bookingId: number | null;
  /** ORD-000042, SALE-000012, or the booking's service */
  recordNumber: string;
  /** the customer account to tell, if the record has one */
  customerId: number | null;
}

/** `refund.created`, after commit: a refund succeeded (the money went back) and its credit note was issued. */
export interface RefundCreated extends RefundedRecord {
  refundId: number;
  number: string;
  amount: number;
  currency: string;
  method: string;
  returnId: number | null;
  creditNoteId: number;
  /** where the customer is told by e-mail: the order's address, the in-store customer's or the booking customer's; null when there is none */
  email: string | null;
}

/** `return.updated`, after commit: a return was requested or created (`from` null), or its status moved on. */
export interface ReturnUpdated {
  returnId: number;
  number: string;
  orderId: number | null;
  offlineSaleId: number | null;
  recordNumber: string;
  customerId: number | null;
  from: ReturnStatus | null;
  to: ReturnStatus;
  /** where the customer is told by e-mail: the order's address or the in-store customer's; null when there is none */
  email: string | null;
}

/**
 * `refund.succeeded`, in the transaction in which a refund succeeded: everything its credit note
 * copies (docs/api.md#refunds-and-returns). Raised after the payments and the record have followed the refund; the
 * credit note takes the year's gapless CN counter, so listeners keep to one statement.
 */
export interface RefundSucceeded extends RefundedRecord {
  refundId: number;
  /** reserved for the credit note when the refund was written (refunds.credit_note_id) */
  creditNoteId: number;
  returnId: number | null;
  issuedAt: Date;
  billTo: { name: string; email?: string | null; phone?: string | null; address?: string | null; lines?: string[] };
  currency: string;
  reason: string;
  content: CreditNoteContent;
  /** the refund's amount */
  total: number;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'refund.created': RefundCreated;
    'return.updated': ReturnUpdated;
  }
  interface TransactionEvents {
    'refund.succeeded': RefundSucceeded;
  }
}
