import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Scheduler, reconcileIntents, type AppConfig, type ScheduledJob } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { CardPaymentsService } from './card-payments.service.js';
import { PaymentProvider, type ChargeOutcome } from './payment-provider.js';

/** How often a reconciliation looks for due intents: half the delay, within 100 ms and 30 s. */
export const reconcileIntervalMs = (reconcileAfterMs: number): number => Math.min(30_000, Math.max(100, Math.floor(reconcileAfterMs / 2)));

/**
 * Claims up to `limit` `pending` rows of `table` (card payments, card refunds) due for a check, in
 * one statement: older than `afterSeconds` and not claimed (or their claim lapsed); the claim
 * moves their next check one delay later, and `FOR UPDATE SKIP LOCKED` shares them between
 * processes. Answers the `returning` columns.
 */
export async function claimDuePending<T>(
  manager: EntityManager,
  table: 'payments' | 'refunds',
  returning: string,
  afterSeconds: number,
  limit: number,
): Promise<T[]> {
  const [rows] = await manager.query(
    `UPDATE ${table} SET next_check_at = now() + make_interval(secs => $1)
      WHERE id IN (SELECT id FROM ${table} WHERE status = 'pending' AND next_check_at <= now() AND created_at <= now() - make_interval(secs => $1)
                    ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING ${returning}`,
    [afterSeconds, limit],
  );
  return rows;
}

interface PendingPayment {
  id: number;
  provider_key: string;
}

/**
 * Settles card payments a crash (or a provider that did not answer) left `pending`
 * (docs/api.md#orders-payments-and-invoices): every pending payment older than PAYMENT_RECONCILE_AFTER_MS (a minute) is looked up at the
 * provider by its key and settled `succeeded` or `failed` (the provider never received it).
 * Runs on every API process: each pass claims due payments with `FOR UPDATE SKIP LOCKED` and
 * moves their next check one delay later, so processes share the work and a claim of a process
 * that dies lapses; the provider is asked outside any transaction.
 */
@Injectable()
export class PaymentReconciliation implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'payment-reconciliation';
  readonly coordination = 'self';
  readonly intervalMs: number;
  private readonly logger = new Logger('PaymentReconciliation');

  constructor(
    private readonly scheduler: Scheduler,
    private readonly dataSource: DataSource,
    private readonly cards: CardPaymentsService,
    private readonly provider: PaymentProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalMs = reconcileIntervalMs(config.payments.reconcileAfterMs);
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  /** One pass over the due payments; returns how many were settled. */
  run(): Promise<number> {
    const after = this.config.payments.reconcileAfterMs / 1000;
    return reconcileIntents<PendingPayment, ChargeOutcome>(this.dataSource, {
      timeoutMs: this.config.payments.callTimeoutMs,
      claimDue: (manager, limit) => claimDuePending(manager, 'payments', 'id, provider_key', after, limit),
      lookup: (payment, signal) => this.provider.lookup(payment.provider_key, signal),
      settle: async (manager, payment, outcome) => {
        const answer = await this.cards.settle(manager, payment.id, outcome);
        this.logger.log(`card payment ${payment.id} reconciled: ${answer.status === 201 ? 'succeeded' : 'failed'}`);
      },
    });
  }
}
