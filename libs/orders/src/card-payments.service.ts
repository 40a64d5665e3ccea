import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  DomainError,
  balanceToPay,
  callWithIntent,
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyResult,
  requestHash,
  toErrorResponse,
  unlessRefused,
  type AppConfig,
  type ErrorBody,
  type IdempotentResult,
} from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrderView } from './dto/order.dto.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { OrderReaderService, type OrderCredentials } from './order-reader.service.js';
import { PaymentProvider, type ChargeOutcome, type ChargeRequest } from './payment-provider.js';

/** A card payment written `pending`, about to be charged. */
interface CardIntent {
  paymentId: number;
  charge: ChargeRequest;
}

/** What a pay request answers: the order (201) or the decline (402), stored as its key's result. */
type Answer = IdempotentResult<OrderView | ErrorBody>;

const scopeOf = (orderId: number) => `order-payment:${orderId}`;

/**
 * The customer's online card payment (docs/api.md#orders-payments-and-invoices: "no charge without a record, no record
 * without a charge"): the payment is written `pending` with a fresh provider key and the
 * client's Idempotency-Key claimed, in one short transaction; the provider is charged with that
 * key outside any transaction; the outcome is settled in a second transaction (`succeeded` with
 * the sync rules, or `failed`, a 402 PAYMENT_DECLINED), which also stores the key's result. A
 * crash in between leaves the payment `pending`: PaymentReconciliation settles it through
 * `settle` below, by asking the provider about the key.
 */
@Injectable()
export class CardPaymentsService {
  private readonly logger = new Logger('CardPayments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: OrderReaderService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly settings: SettingsService,
    private readonly provider: PaymentProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Charges the balance due by card, at most once per Idempotency-Key and at most once per balance. */
  async payOnline(orderId: number, credentials: OrderCredentials, paymentToken: string, key: string): Promise<IdempotentResult<OrderView>> {
    const request = { scope: scopeOf(orderId), key, hash: requestHash({ paymentToken }) };
    const answer = await callWithIntent<CardIntent, ChargeOutcome, Answer>(this.dataSource, {
      timeoutMs: this.config.payments.callTimeoutMs,
      record: async (manager) => {
        await this.reader.reachIn(manager, orderId, credentials);
        const stored = await claimIdempotencyKey<OrderView | ErrorBody>(manager, request);
        if (stored) return { result: stored };
        const order = await this.lifecycle.lock(manager, orderId);
        // the balance less any card charge still being confirmed: a second request never charges it again
        const balance = balanceToPay(await this.lifecycle.payable(manager, order));
        if ('refusal' in balance) throw await this.lifecycle.refused(manager, balance.refusal);
        const { currency } = await this.settings.currentIn(manager);
        const providerKey = `pay_${randomUUID()}`;
        const [{ id }] = await manager.query(
          `INSERT INTO payments (order_id, amount, method, status, provider_key, request_key, next_check_at)
           VALUES ($1, $2, 'card', 'pending', $3, $4, now()) RETURNING id`,
          [order.id, balance.amount, providerKey, key],
        );
        return {
          intent: { paymentId: id, charge: { key: providerKey, amount: balance.amount, currency, paymentToken, description: `Order ${order.number}` } },
        };
      },
      call: (intent, signal) => this.provider.charge(intent.charge, signal),
      settle: async (manager, intent, outcome) => ({ ...(await this.settle(manager, intent.paymentId, outcome)), replayed: false }),
      unknownOutcome: (intent, cause) => {
        this.logger.warn(`card payment ${intent.paymentId}: no answer from the provider (${(cause as Error)?.message}); left pending for reconciliation`);
        return new DomainError(
          'SERVICE_UNAVAILABLE',
          'The payment provider did not answer: the payment is being confirmed. Retry with the same Idempotency-Key to see its result.',
          undefined,
          { 'Retry-After': String(Math.ceil(this.config.payments.reconcileAfterMs / 1000)) },
        );
      },
    });
    return unlessRefused(answer);
  }

  /**
   * Settles a pending card payment with the provider's outcome (null: the provider never received
   * the charge), in the caller's transaction: `succeeded` applies the sync rules, anything else
   * is `failed`; the client's key gets its result. A payment settled meanwhile (by the request or
   * by a reconciliation) is left as it is, and its stored result answered.
   */
  async settle(manager: EntityManager, paymentId: number, outcome: ChargeOutcome | null): Promise<Omit<Answer, 'replayed'>> {
    const [{ order_id: orderId }] = await manager.query('SELECT order_id FROM payments WHERE id = $1', [paymentId]);
    const order = await this.lifecycle.lock(manager, orderId); // settling a payment of an order queues behind the order, as paying does
    const [payment] = await manager.query('SELECT status, request_key FROM payments WHERE id = $1', [paymentId]);
    const key = { scope: scopeOf(order.id), key: payment.request_key as string };
    if (payment.status !== 'pending') {
      const recorded = payment.status !== 'failed';
      if (outcome && (outcome.status === 'succeeded') !== recorded) {
        this.logger.error(
          `card payment ${paymentId} was settled ${payment.status}, but the provider now answers ${outcome.status}: check it with the provider`,
        );
      }
      return (await idempotencyResult<OrderView | ErrorBody>(manager, key)) ?? this.answer(manager, order.id, recorded ? null : 'The payment failed');
    }
    const succeeded = outcome?.status === 'succeeded';
    await manager.query(
      `UPDATE payments SET status = $2, reference = $3, paid_at = CASE WHEN $2 = 'succeeded' THEN now() ELSE paid_at END, next_check_at = NULL
        WHERE id = $1`,
      [paymentId, succeeded ? 'succeeded' : 'failed', succeeded ? outcome.reference : null],
    );
    if (succeeded) await this.lifecycle.syncPayments(manager, order);
    const declined = outcome?.status === 'declined' ? outcome.reason : 'The charge did not reach the payment provider: pay again with a new Idempotency-Key';
    const answer = await this.answer(manager, order.id, succeeded ? null : declined);
    await completeIdempotencyKey(manager, key, answer);
    return answer;
  }

  /** The order as the store shows it (201), or the decline (402) with its reason. */
  private async answer(manager: EntityManager, orderId: number, declined: string | null): Promise<Omit<Answer, 'replayed'>> {
    if (declined !== null) return { status: 402, body: toErrorResponse(new DomainError('PAYMENT_DECLINED', declined)).body };
    return { status: 201, body: await this.reader.viewIn(manager, orderId, 'store') };
  }
}
