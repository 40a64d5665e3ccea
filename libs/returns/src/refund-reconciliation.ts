import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Scheduler, reconcileIntents, type AppConfig, type ScheduledJob } from '@chance/core';
import { PaymentProvider, claimDuePending, reconcileIntervalMs, type RefundOutcome } from '@chance/orders';
import { SettingsService } from '@chance/settings';
import { DataSource } from 'typeorm';
import { RefundLedger } from './refund-ledger.js';
import { RefundsService } from './refunds.service.js';

interface PendingRow {
  id: number;
  number: string;
  provider_key: string;
  charge_reference: string;
  amount: number;
  record_number: string;
  request_scope: string;
  request_key: string;
}

/**
 * Settles card refunds a crash (or a provider that did not answer) left `pending` (docs/api.md#orders-payments-and-invoices and docs/api.md#refunds-and-returns), like PaymentReconciliation does for charges: every pending refund older than
 * PAYMENT_RECONCILE_AFTER_MS is looked up at the provider by its key; one the provider never
 * received is sent again with that same key (the refund was promised and recorded: it is owed,
 * and the key keeps it to one). Then it is settled, and the request's Idempotency-Key gets its
 * answer once none of its refunds is pending. Claims are shared between processes with
 * `FOR UPDATE SKIP LOCKED`; the provider is asked outside any transaction.
 */
@Injectable()
export class RefundReconciliation implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'refund-reconciliation';
  readonly coordination = 'self';
  readonly intervalMs: number;
  private readonly logger = new Logger('RefundReconciliation');

  constructor(
    private readonly scheduler: Scheduler,
    private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly refunds: RefundsService,
    private readonly ledger: RefundLedger,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalMs = reconcileIntervalMs(config.payments.reconcileAfterMs);
  }

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  /** One pass over the due refunds; returns how many were settled. */
  run(): Promise<number> {
    const after = this.config.payments.reconcileAfterMs / 1000;
    return reconcileIntents<PendingRow, RefundOutcome>(this.dataSource, {
      timeoutMs: this.config.payments.callTimeoutMs,
      claimDue: (manager, limit) =>
        claimDuePending(manager, 'refunds', 'id, number, provider_key, charge_reference, amount, record_number, request_scope, request_key', after, limit),
      lookup: async (row, signal) =>
        (await this.provider.lookupRefund(row.provider_key, signal)) ??
        this.provider.refund(
          this.refunds.request(
            { providerKey: row.provider_key, chargeReference: row.charge_reference, amount: row.amount, number: row.number, recordNumber: row.record_number },
            // read only for a refund to send again: most passes find nothing due
            (await this.settings.current()).currency,
          ),
          signal,
        ),
      settle: async (manager, row, outcome) => {
        if (!outcome) return; // not reachable: a refund the provider never received was sent again above
        await this.ledger.settle(manager, row.id, outcome);
        if (!row.request_key.startsWith('internal:'))
          await this.ledger.finishBatch(manager, { scope: row.request_scope, key: row.request_key }, () => this.refunds.answerOf(manager, row.request_scope));
        this.logger.log(`refund ${row.number} reconciled: ${outcome.status}`);
      },
    });
  }
}
