import { Module } from '@nestjs/common';
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
  providers: [WebhooksService, WebhookDeliveries, WebhookDispatcher, WebhookFanOut, WebhookRecords],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
