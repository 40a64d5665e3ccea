import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AuditLogEntity, AuditModule } from '@chance/audit';
import { CartEntity, CartModule } from '@chance/cart';
import { CatalogModule, CATALOG_ENTITIES } from '@chance/catalog';
import { CouponEntity, CouponsModule } from '@chance/coupons';
import { CreditNoteEntity, InvoiceEntity, InvoicesModule } from '@chance/invoices';
import { EmailEntity, MailModule } from '@chance/mail';
import { MessageEntity, NotificationEntity, NotificationsModule } from '@chance/notifications';
import { OFFLINE_SALES_ENTITIES, OfflineSalesModule } from '@chance/offline-sales';
import { ORDER_ENTITIES, OrdersModule } from '@chance/orders';
import { PURCHASING_ENTITIES, PurchasingModule } from '@chance/purchasing';
import { ReportsModule } from '@chance/reports';
import { RETURNS_ENTITIES, ReturnsModule } from '@chance/returns';
import { SERVICES_ENTITIES, ServicesModule } from '@chance/services';
import { CoreModule, type AppConfig } from '@chance/core';
import { ApiKeyEntity, CustomerAccountEntity, IdentityModule, ProfileEntity, UserEntity } from '@chance/identity';
import { SettingsModule } from '@chance/settings';
import { WEBHOOK_ENTITIES, WebhooksModule } from '@chance/webhooks';
import { HealthController } from './health.controller.js';

/** The composition root: every domain module, one database, one configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, queryLogger?: TypeOrmLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: [
            UserEntity,
            ProfileEntity,
            CustomerAccountEntity,
            ApiKeyEntity,
            ...CATALOG_ENTITIES,
            CouponEntity,
            CartEntity,
            InvoiceEntity,
            CreditNoteEntity,
            ...ORDER_ENTITIES,
            ...RETURNS_ENTITIES,
            ...PURCHASING_ENTITIES,
            ...OFFLINE_SALES_ENTITIES,
            ...SERVICES_ENTITIES,
            NotificationEntity,
            MessageEntity,
            AuditLogEntity,
            ...WEBHOOK_ENTITIES,
            EmailEntity,
          ],
          synchronize: false,
          migrationsRun: false,
          logging: queryLogger ? ['query'] : false,
          logger: queryLogger,
          extra: { max: Number(process.env.DB_POOL_SIZE ?? 20), application_name: 'chance-store-api' },
        }),
        CoreModule.forRoot(config),
        IdentityModule,
        SettingsModule,
        CatalogModule,
        CouponsModule,
        CartModule,
        InvoicesModule,
        OrdersModule,
        PurchasingModule,
        OfflineSalesModule,
        ServicesModule,
        ReturnsModule,
        NotificationsModule,
        AuditModule,
        ReportsModule,
        WebhooksModule,
        MailModule,
      ],
      controllers: [HealthController],
    };
  }
}
