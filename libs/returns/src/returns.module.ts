import { Module } from '@nestjs/common';
import { OfflineSalesModule } from '@chance/offline-sales';
import { OrdersModule } from '@chance/orders';
import { ServicesModule } from '@chance/services';
import { SettingsModule } from '@chance/settings';
import { AdminRefundsController } from './admin-refunds.controller.js';
import { AdminReturnsController } from './admin-returns.controller.js';
import { CancellationRefunds } from './cancellation-refunds.js';
import { RefundLedger } from './refund-ledger.js';
import { RefundReconciliation } from './refund-reconciliation.js';
import { RefundableRecords } from './refundable-records.js';
import { RefundsService } from './refunds.service.js';
import { ReturnProgress } from './return-progress.js';
import { ReturnsReader } from './returns-reader.js';
import { ReturnsService } from './returns.service.js';
import { StoreReturnsController } from './store-returns.controller.js';

/**
 * Refunds and returns of orders, in-store sales and bookings (docs/api.md#refunds-and-returns). A library of its
 * own rather than part of orders: money goes back on three kinds of record, each kept by its own
 * library, and returns span two of them (an online order can come back at the counter); so this
 * library depends on orders, offline-sales and services, and none of them on it (they raise
 * in-transaction events on cancellation, which it follows). Credit notes are documents like
 * invoices and live in libs/invoices, issued on this library's `refund.succeeded`.
 */
@Module({
  imports: [OrdersModule, OfflineSalesModule, ServicesModule, SettingsModule],
  controllers: [AdminRefundsController, AdminReturnsController, StoreReturnsController],
  providers: [RefundableRecords, RefundLedger, ReturnProgress, RefundsService, ReturnsReader, ReturnsService, RefundReconciliation, CancellationRefunds],
  exports: [ReturnsReader],
})
export class ReturnsModule {}
