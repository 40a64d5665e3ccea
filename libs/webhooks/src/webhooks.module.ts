import { Module } from '@nestjs/common';
import { retentionRule } from '@chance/core';
import { CatalogModule } from '@chance/catalog';
import { IdentityModule } from '@chance/identity';
import { OfflineSalesModule } from '@chance/offline-sales';
import { OrdersModule } from '@chance/orders';
import { PurchasingModule } from '@chance/purchasing';
import { ReturnsModule } from '@chance/returns';
import { ServicesModule } from '@chance/services';
import { AdminWebhookDeliveriesController, AdminWebhooksController } from './admin-webhooks.controller.js';
import { WebhookDeliveries } from './webhook-deliveries.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookFanOut } from './webhook-fanout.js';
import { WebhookRecords } from './webhook-records.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [IdentityModule, CatalogModule, OrdersModule, PurchasingModule, OfflineSalesModule, ServicesModule, ReturnsModule],
  controllers: [AdminWebhooksController, AdminWebhookDeliveriesController],
  providers: [
    WebhooksService,
    WebhookDeliveries,
    WebhookDispatcher,
    WebhookFanOut,
    WebhookRecords,
    // attempts first: an event goes once no attempt names it
    retentionRule({
      name: 'webhook-deliveries',
      table: 'webhook_deliveries',
      age: 'created_at',
      where: "status <> 'pending'",
      keepDays: { variable: 'RETENTION_WEBHOOK_DELIVERIES_DAYS', default: 30 },
      why: 'a finished attempt (succeeded or failed) is what the deliveries list shows to look into a receiver; a pending one is never deleted (retries run for 24 h)',
    }),
    retentionRule({
      name: 'webhook-events',
      table: 'webhook_events',
      age: 'created_at',
      where: 'NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id)',
      keepDays: { variable: 'RETENTION_WEBHOOK_DELIVERIES_DAYS', default: 30 },
      why: 'the signed body of an event, kept while any attempt names it',
    }),
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
