import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  DomainError,
  callWithIntent,
  claimIdempotencyKey,
  requestHash,
  unlessRefused,
  type AppConfig,
  type ErrorBody,
  type IdempotentResult,
} from '@chance/core';
import { PaymentProvider, type RefundOutcome } from '@chance/orders';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { RefundLedger, type BatchAnswer, type PendingRefund, type RefundAsk } from './refund-ledger.js';
import { RefundableRecords, type RecordKind, type RecordRef, type RefundableRecord } from './refundable-records.js';
import { ReturnsReader } from './returns-reader.js';

/** Refunds written `pending`, to be sent to the provider, and the batch that answers for them. */
interface RefundIntent {
  pending: PendingRefund[];
  currency: string;
  batch: { scope: string; key: string };
}

/** What a refund request gives money back on: a record directly, or a return. */
export type RefundTarget = { record: RecordRef } | { returnId: number };

/**
 * The scope of a refund request's Idempotency-Key (per staff member), which also names what it
 * refunds: the request's answer follows from it (`RefundsService.answerOf`), so the
 * reconciliation that settles the request after a crash answers it as the request would have.
 */
export function refundScope(target: RefundTarget, actorId: number): string {
  return 'record' in target ? `refund:${target.record.kind}:${target.record.id}:staff:${actorId}` : `return-refund:${target.returnId}:staff:${actorId}`;
}

function targetOf(scope: string): RefundTarget {
  const [what, ...rest] = scope.split(':');
  return what === 'return-refund' ? { returnId: Number(rest[0]) } : { record: { kind: rest[0] as RecordKind, id: Number(rest[1]) } };
}

/** How one kind of refund request is made; it is answered from its scope. */
export interface RefundCommand {
  /** the client's Idempotency-Key (optional) and what it is scoped to (`refundScope`) */
  scope: string;
  key?: string;
  body: unknown;
  /** in the first transaction: locks the record (and what else the command needs), checks it, and says what to give back; null: nothing to refund */
  ask(manager: EntityManager, batch: { scope: string; key: string }): Promise<{ record: RefundableRecord; ask: RefundAsk | null }>;
}

/**
 * Refund requests (docs/api.md#refunds-and-returns), "no refund without a record, no record without a refund":
 * the refunds are written in one short transaction (those paid out succeed in it; those the
 * provider gives back stay `pending` with the key the provider receives, and the client's
 * Idempotency-Key is claimed); the provider is called outside any transaction; the outcomes are
 * settled in a second transaction, which stores the key's answer. A crash in between leaves the
 * refunds pending: RefundReconciliation settles them by asking the provider about their keys.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RefundableRecords,
    private readonly ledger: RefundLedger,
    private readonly reader: ReturnsReader,
    private readonly settings: SettingsService,
    private readonly provider: PaymentProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A direct refund (goodwill, a price adjustment; no goods back) of an order, in-store sale or booking. */
  refundRecord(
    ref: RecordRef,
    input: { amount: number; reason: string; paymentId?: number },
    actorId: number,
    key?: string,
  ): Promise<IdempotentResult<unknown>> {
    return this.run({
      scope: refundScope({ record: ref }, actorId),
      key,
      body: input,
      ask: async (manager, batch) => {
        const record = await this.records.lock(manager, ref);
        return { record, ask: { kind: 'direct', amount: input.amount, reason: input.reason, paymentId: input.paymentId, batch } };
      },
    });
  }

  /** The success answer of a refund request, from its scope: the record refunded (201), or the return (200). */
  async answerOf(manager: EntityManager, scope: string): Promise<BatchAnswer> {
    const target = targetOf(scope);
    if ('returnId' in target) return { status: 200, body: await this.reader.viewIn(manager, target.returnId, 'admin') };
    return { status: 201, body: await this.records.view(manager, target.record) };
  }

  /** Runs a refund command: record, call the provider for what it gives back, settle, answer. */
  async run<T>(command: RefundCommand): Promise<IdempotentResult<T>> {
    const batch = { scope: command.scope, key: command.key ?? `internal:${randomUUID()}` };
    const answer = await callWithIntent<RefundIntent, RefundOutcome[], IdempotentResult<T | ErrorBody>>(this.dataSource, {
      timeoutMs: this.config.payments.callTimeoutMs,
      record: async (manager) => {
        if (command.key !== undefined) {
          const stored = await claimIdempotencyKey<T | ErrorBody>(manager, { scope: command.scope, key: command.key, hash: requestHash(command.body) });
          if (stored) return { result: stored };
        }
        const { record, ask } = await command.ask(manager, batch);
        const pending = ask ? await this.ledger.record(manager, record, ask) : [];
        if (pending.length > 0) return { intent: { pending, batch, currency: (await this.settings.currentIn(manager)).currency } };
        const done = (await this.ledger.finishBatch(manager, batch, () => this.answerOf(manager, command.scope)))!;
        return { result: { ...(done as { status: number; body: T }), replayed: false } };
      },
      call: async (intent, signal) => {
        const outcomes: RefundOutcome[] = [];
        for (const refund of intent.pending) outcomes.push(await this.provider.refund(this.request(refund, intent.currency), signal));
        return outcomes;
      },
      settle: async (manager, intent, outcomes) => {
        for (const [i, refund] of intent.pending.entries()) await this.ledger.settle(manager, refund.refundId, outcomes[i]);
        const done = await this.ledger.finishBatch(manager, intent.batch, () => this.answerOf(manager, command.scope));
        return { ...(done as BatchAnswer as { status: number; body: T }), replayed: false };
      },
      unknownOutcome: (intent, cause) => {
        this.logger.warn(`refunds ${intent.pending.map((r) => r.number).join(', ')}: no answer from the provider (${(cause as Error)?.message}); left pending`);
        return new DomainError(
          'SERVICE_UNAVAILABLE',
          'The payment provider did not answer: the refund is being confirmed. Retry with the same Idempotency-Key to see its result.',
          undefined,
          { 'Retry-After': String(Math.ceil(this.config.payments.reconcileAfterMs / 1000)) },
        );
      },
    });
    return unlessRefused(answer);
  }

  /** What the provider receives for a pending refund. */
  request(refund: Pick<PendingRefund, 'providerKey' | 'chargeReference' | 'amount' | 'number' | 'recordNumber'>, currency: string) {
    return {
      key: refund.providerKey,
      chargeReference: refund.chargeReference,
      amount: refund.amount,
      currency,
      description: `Refund ${refund.number} of ${refund.recordNumber}`,
    };
  }
}
