import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  DOCUMENT_SERIES,
  DomainError,
  DomainEventBus,
  documentNumberSql,
  actorContext,
  completeIdempotencyKey,
  publish,
  toErrorResponse,
  type ErrorBody,
} from '@chance/core';
import type { RefundOutcome } from '@chance/orders';
import { SettingsService } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import { directRefundNote } from './refund-amounts.js';
import { planRefund, refundRefused, type DrawablePayment } from './refund-rules.js';
import { RefundableRecords, recordColumn, recordColumns, refOf, type RecordRef, type RefundableRecord } from './refundable-records.js';
import { ReturnProgress } from './return-progress.js';
import { RefundEntity, type CreditNoteContent, type RefundKind } from './returns.entities.js';

/** What is to be given back, and why. */
export interface RefundAsk {
  kind: RefundKind;
  amount: number;
  /** on the credit note: "Refund: <reason>" */
  reason: string;
  paymentId?: number;
  /** how the money goes back, when not by the payment's own method (cash at the counter) */
  method?: string;
  returnId?: number;
  /** a return's credit note (its lines and amounts) and what it does to gross profit */
  returnNote?: { content: CreditNoteContent; profitEffect: number };
  /** the refunds of one ask share it: the client's Idempotency-Key, or one of their own */
  batch: { scope: string; key: string };
}

/** A refund written `pending`, for the payment provider to give back. */
export interface PendingRefund {
  refundId: number;
  number: string;
  providerKey: string;
  chargeReference: string;
  amount: number;
  recordNumber: string;
}

/** What a batch of refunds answers: the record or the return (201/200), or the provider's refusal (402). */
export type BatchAnswer = { status: number; body: unknown };

/**
 * The refunds ledger (docs/api.md#refunds-and-returns), inside the caller's transaction, the record locked: a
 * refund is planned over the record's payments, written (`succeeded` at once when it is paid out,
 * `pending` when the provider gives it back), and, once it succeeded, applied to the record's
 * payments, its credit note issued (in-transaction `refund.succeeded`), its return moved on, and
 * `refund.created` published.
 */
@Injectable()
export class RefundLedger {
  private readonly logger = new Logger('Refunds');

  constructor(
    private readonly records: RefundableRecords,
    private readonly settings: SettingsService,
    private readonly events: DomainEventBus,
    private readonly progress: ReturnProgress,
  ) {}

  /** What refunds still being confirmed hold of each payment of the record. */
  async pendingByPayment(manager: EntityManager, ref: RecordRef): Promise<Map<number, number>> {
    const rows: { draws: { paymentId: number; amount: number }[] }[] = await manager.query(
      `SELECT draws FROM refunds WHERE ${recordColumn(ref)} = $1 AND status = 'pending'`,
      [ref.id],
    );
    const pending = new Map<number, number>();
    for (const draw of rows.flatMap((r) => r.draws)) pending.set(draw.paymentId, (pending.get(draw.paymentId) ?? 0) + draw.amount);
    return pending;
  }

  /** The record's payments as a refund may draw on them. */
  async drawable(manager: EntityManager, record: RefundableRecord): Promise<DrawablePayment[]> {
    const pending = await this.pendingByPayment(manager, record.ref);
    return record.payments.map((p) => ({
      id: p.id,
      amount: p.amount,
      method: p.method,
      refundedAmount: p.refundedAmount,
      pending: pending.get(p.id) ?? 0,
      viaProvider: p.providerReference !== null,
      paidAt: p.paidAt,
    }));
  }

  /**
   * Writes the refunds of an ask on the locked record (409 REFUND_EXCEEDS_PAID beyond what is left
   * of what was paid): those paid out succeed at once; those the provider gives back are left
   * `pending`, returned for the caller to send outside any transaction.
   */
  async record(manager: EntityManager, record: RefundableRecord, ask: RefundAsk): Promise<PendingRefund[]> {
    const { currency } = await this.settings.currentIn(manager);
    const plan = planRefund(ask.amount, await this.drawable(manager, record), { paymentId: ask.paymentId, method: ask.method });
    if ('refusal' in plan) throw refundRefused(plan.refusal, currency);
    const pending: PendingRefund[] = [];
    const actorId = actorContext.getStore()?.actorId ?? null;
    for (const [i, planned] of plan.refunds.entries()) {
      const single = plan.refunds.length === 1 && ask.returnNote;
      const note: CreditNoteContent = single
        ? ask.returnNote!.content
        : { ...directRefundNote(planned.amount, ask.reason, record.taxRateBps), taxRateBps: record.taxRateBps };
      const profitEffect = ask.returnNote ? (i === 0 ? ask.returnNote.profitEffect : 0) : -note.subtotal;
      const chargeReference = planned.viaProvider ? record.payments.find((p) => p.id === planned.paymentId)!.providerReference : null;
      const columns = recordColumns(record.ref);
      const [row]: { id: number; number: string; provider_key: string | null }[] = await manager.query(
        `WITH ${REFUND_NUMBER.with}
         INSERT INTO refunds (number, order_id, offline_sale_id, booking_id, return_id, record_number, kind, payment_id, draws, amount, method,
                              via_provider, charge_reference, reason, status, refunded_at, record_cancelled, profit_effect, credit_note,
                              recorded_by_id, provider_key, request_scope, request_key, next_check_at)
         SELECT ${REFUND_NUMBER.number}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                CASE WHEN $11 THEN 'pending' ELSE 'succeeded' END, CASE WHEN $11 THEN NULL ELSE now() END,
                $14, $15, $16, $17, CASE WHEN $11 THEN $18 END, $19, $20, CASE WHEN $11 THEN now() END
           FROM next_number
         RETURNING id, number, provider_key`,
        [
          columns.orderId,
          columns.offlineSaleId,
          columns.bookingId,
          ask.returnId ?? null,
          record.number,
          ask.kind,
          planned.paymentId,
          JSON.stringify(planned.draws),
          planned.amount,
          planned.method,
          planned.viaProvider,
          chargeReference,
          ask.reason,
          record.cancelled,
          profitEffect,
          JSON.stringify(note),
          actorId,
          `rf_${randomUUID()}`,
          ask.batch.scope,
          ask.batch.key,
        ],
      );
      if (planned.viaProvider) {
        pending.push({
          refundId: row.id,
          number: row.number,
          providerKey: row.provider_key!,
          chargeReference: chargeReference!,
          amount: planned.amount,
          recordNumber: record.number,
        });
      } else {
        await this.succeeded(manager, record, await this.refund(manager, row.id), currency);
      }
    }
    // a return whose refunds were all paid out is refunded now
    if (ask.returnId !== undefined && pending.length === 0) await this.progress.afterRefunds(manager, record, ask.returnId, ask.batch);
    return pending;
  }

  /**
   * Settles a pending refund with the provider's outcome, in the caller's transaction (the record
   * is locked first, as refunding does): `succeeded` applies it; a decline is `failed`. A refund
   * settled meanwhile (by its request or by the reconciliation) is left as it is.
   */
  async settle(manager: EntityManager, refundId: number, outcome: RefundOutcome): Promise<void> {
    const [first] = await manager.query(
      'SELECT order_id AS "orderId", offline_sale_id AS "offlineSaleId", booking_id AS "bookingId" FROM refunds WHERE id = $1',
      [refundId],
    );
    const record = await this.records.lock(manager, refOf(first));
    const [locked] = await manager.query('SELECT status FROM refunds WHERE id = $1 FOR UPDATE', [refundId]);
    if (locked.status !== 'pending') {
      if ((outcome.status === 'succeeded') !== (locked.status === 'succeeded'))
        this.logger.error(`refund ${refundId} was settled ${locked.status}, but the provider now answers ${outcome.status}: check it with the provider`);
      return;
    }
    if (outcome.status === 'succeeded') {
      await manager.query(`UPDATE refunds SET status = 'succeeded', reference = $2, refunded_at = now(), next_check_at = NULL WHERE id = $1`, [
        refundId,
        outcome.reference,
      ]);
    } else {
      await manager.query(`UPDATE refunds SET status = 'failed', failure_reason = $2, next_check_at = NULL WHERE id = $1`, [refundId, outcome.reason]);
    }
    const refund = await this.refund(manager, refundId);
    if (outcome.status === 'succeeded') await this.succeeded(manager, record, refund, (await this.settings.currentIn(manager)).currency);
    if (refund.returnId !== null) await this.progress.afterRefunds(manager, record, refund.returnId, { scope: refund.requestScope!, key: refund.requestKey! });
  }

  /** A refund that succeeded: the record's payments follow, its credit note is issued, and the customer is told. */
  private async succeeded(manager: EntityManager, record: RefundableRecord, refund: RefundEntity, currency: string): Promise<void> {
    await this.records.applyRefund(manager, record.ref, refund.draws);
    const about = { ...recordColumns(record.ref), recordNumber: record.number, customerId: record.customerId };
    await publish(manager, 'refund.created', {
      ...about,
      refundId: refund.id,
      number: refund.number,
      amount: refund.amount,
      currency,
      method: refund.method,
      returnId: refund.returnId,
      creditNoteId: refund.creditNoteId,
      email: record.billTo.email ?? null,
    });
    // last: the credit note takes the year's gapless counter, held until commit
    await this.events.raise(manager, 'refund.succeeded', {
      ...about,
      refundId: refund.id,
      creditNoteId: refund.creditNoteId,
      returnId: refund.returnId,
      issuedAt: refund.refundedAt!,
      billTo: record.billTo,
      currency,
      reason: refund.reason,
      content: refund.creditNote,
      total: refund.amount,
    });
  }

  /**
   * A batch's answer once none of its refunds is pending any more: the provider's refusal (402) if
   * one was declined, else the given success; the client's Idempotency-Key (if the batch has one)
   * stores it. Null while a refund of the batch is still being confirmed.
   */
  async finishBatch(manager: EntityManager, batch: { scope: string; key: string }, success: () => Promise<BatchAnswer>): Promise<BatchAnswer | null> {
    const rows: { status: string; failure_reason: string | null }[] = await manager.query(
      'SELECT status, failure_reason FROM refunds WHERE request_scope = $1 AND request_key = $2 ORDER BY id',
      [batch.scope, batch.key],
    );
    if (rows.some((r) => r.status === 'pending')) return null;
    const declined = rows.find((r) => r.status === 'failed');
    const answer: BatchAnswer = declined ? { status: 402, body: declinedBody(declined.failure_reason) } : await success();
    await completeIdempotencyKey(manager, batch, answer);
    return answer;
  }

  private async refund(manager: EntityManager, id: number): Promise<RefundEntity> {
    return (await manager.findOneBy(RefundEntity, { id }))!;
  }
}

const REFUND_NUMBER = documentNumberSql(DOCUMENT_SERIES.refund);

function declinedBody(reason: string | null): ErrorBody {
  return toErrorResponse(new DomainError('PAYMENT_DECLINED', `The payment provider refused the refund: ${reason ?? 'no reason given'}`)).body;
}
