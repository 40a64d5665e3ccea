import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Scheduler, reconcileIntents, type AppConfig, type ScheduledJob } from '@chance/core';
import { DataSource } from 'typeorm';
import { CardPaymentsService } from './card-payments.service.js';
import { PaymentProvider, type ChargeOutcome } from './payment-provider.js';

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
    this.intervalMs = Math.min(30_000, Math.max(100, Math.floor(config.payments.reconcileAfterMs / 2)));
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  /** One pass over the due payments; returns how many were settled. */
  run(): Promise<number> {
    const after = this.config.payments.reconcileAfterMs / 1000;
    return reconcileIntents<PendingPayment, ChargeOutcome>(this.dataSource, {
      timeoutMs: this.config.payments.callTimeoutMs,
      // due: older than the delay and not claimed (or its claim lapsed); the claim lasts one delay
      claimDue: async (manager, limit) => {
        const [rows] = await manager.query(
          `UPDATE payments SET next_check_at = now() + make_interval(secs => $1)
            WHERE id IN (SELECT id FROM payments WHERE status = 'pending' AND next_check_at <= now() AND created_at <= now() - make_interval(secs => $1)
                          ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, provider_key`,
          [after, limit],
        );
        return rows;
      },
      lookup: (payment, signal) => this.provider.lookup(payment.provider_key, signal),
      settle: async (manager, payment, outcome) => {
        const answer = await this.cards.settle(manager, payment.id, outcome);
        this.logger.log(`card payment ${payment.id} reconciled: ${answer.status === 201 ? 'succeeded' : 'failed'}`);
      },
    });
  }
}
