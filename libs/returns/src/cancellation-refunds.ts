import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  DomainError,
  OnTransactionEvent,
  OutboxRelay,
  inTransaction,
  withDeadline,
  type AppConfig,
  type OutboxEvent,
  type TransactionEvent,
} from '@chance/core';
import { PaymentProvider, type RefundOutcome } from '@chance/orders';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { RefundLedger, type PendingRefund } from './refund-ledger.js';
import { leftOf } from './refund-rules.js';
import { RefundableRecords, recordColumn, type RecordRef } from './refundable-records.js';
import { RefundsService } from './refunds.service.js';

/**
 * Cancelling a paid order, in-store sale or booking gives back every payment through refunds (docs/api.md#refunds-and-returns), in the cancelling transaction: those paid out succeed there, each with its credit
 * note; a card payment the provider charged is written `pending` and given back right after the
 * commit by the relay's after-commit handler of `order.cancelled` (outside any transaction; the
 * refund reconciliation settles it should that fail or the process die). Refunds recorded before
 * the cancellation stop counting in revenue reports, as the record does.
 */
@Injectable()
export class CancellationRefunds implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly records: RefundableRecords,
    private readonly ledger: RefundLedger,
    private readonly refunds: RefundsService,
    private readonly provider: PaymentProvider,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.relay.registerAfterCommit('order.cancelled', 'cancellation-card-refunds', (event, delivery) => this.sendCardRefunds(event, delivery));
  }

  @OnTransactionEvent('order.cancelled')
  async orderCancelled({ manager, payload }: TransactionEvent<'order.cancelled'>): Promise<void> {
    await this.refundEverything(manager, { kind: 'order', id: payload.orderId }, payload.number);
  }

  @OnTransactionEvent('offline_sale.cancelled')
  async saleCancelled({ manager, payload }: TransactionEvent<'offline_sale.cancelled'>): Promise<void> {
    const [held] = await manager.query(`SELECT count(*)::int AS n FROM returns WHERE offline_sale_id = $1 AND status NOT IN ('rejected', 'cancelled')`, [
      payload.saleId,
    ]);
    // its returned goods are back in stock already, and their money on its way: the sale stays as it is
    if (held.n > 0) throw new DomainError('INVALID_TRANSITION', 'A sale with returns cannot be cancelled: refund what is left instead');
    await this.refundEverything(manager, { kind: 'offline_sale', id: payload.saleId }, payload.number);
  }

  @OnTransactionEvent('booking.cancelled')
  async bookingCancelled({ manager, payload }: TransactionEvent<'booking.cancelled'>): Promise<void> {
    await this.refundEverything(manager, { kind: 'booking', id: payload.bookingId }, payload.number);
  }

  private async refundEverything(manager: EntityManager, ref: RecordRef, number: string): Promise<void> {
    await manager.query(`UPDATE refunds SET record_cancelled = true WHERE ${recordColumn(ref)} = $1 AND NOT record_cancelled`, [ref.id]);
    const record = await this.records.lock(manager, ref);
    const left = (await this.ledger.drawable(manager, record)).reduce((sum, p) => sum + leftOf(p), 0);
    if (left === 0) return;
    await this.ledger.record(manager, record, {
      kind: 'cancellation',
      amount: left,
      reason: `Cancellation of ${number}`,
      batch: { scope: `cancel:${ref.kind}:${ref.id}`, key: `internal:${randomUUID()}` },
    });
  }

  /** After the cancellation committed: the card refunds it left pending go to the provider, and are settled with the delivery. */
  private async sendCardRefunds(event: OutboxEvent<'order.cancelled'>, delivery: { record(manager: EntityManager): Promise<void> }): Promise<void> {
    const pending: (PendingRefund & { status: string })[] = await this.dataSource.query(
      `SELECT id AS "refundId", number, provider_key AS "providerKey", charge_reference AS "chargeReference", amount, record_number AS "recordNumber", status
         FROM refunds WHERE order_id = $1 AND kind = 'cancellation' AND status = 'pending' ORDER BY id`,
      [event.payload.orderId],
    );
    const { currency } = await this.settings.current();
    const outcomes: RefundOutcome[] = [];
    for (const refund of pending)
      outcomes.push(await withDeadline((signal) => this.provider.refund(this.refunds.request(refund, currency), signal), this.config.payments.callTimeoutMs));
    await inTransaction(this.dataSource, async (manager) => {
      for (const [i, refund] of pending.entries()) await this.ledger.settle(manager, refund.refundId, outcomes[i]);
      await delivery.record(manager);
    });
  }
}
