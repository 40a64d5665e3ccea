import { Module } from '@nestjs/common';
import { CouponsModule } from '@chance/coupons';
import { SettingsModule } from '@chance/settings';
import { AdminOrdersController, AdminPaymentsController } from './admin-orders.controller.js';
import { CardPaymentsService } from './card-payments.service.js';
import { CheckoutService } from './checkout.service.js';
import { DraftOrdersService } from './draft-orders.service.js';
import { OrderEditingService } from './order-editing.service.js';
import { OrderPlacement } from './order-placement.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { OrderRefunds } from './order-refunds.js';
import { OrderReaderService } from './order-reader.service.js';
import { NoPaymentProvider, PaymentProvider, TestPaymentProvider } from './payment-provider.js';
import { PaymentReconciliation } from './payment-reconciliation.js';
import { StoreOrdersController } from './store-orders.controller.js';

@Module({
  imports: [CouponsModule, SettingsModule],
  controllers: [StoreOrdersController, AdminOrdersController, AdminPaymentsController],
  providers: [
    OrderPlacement,
    CheckoutService,
    DraftOrdersService,
    OrderEditingService,
    OrderReaderService,
    OrderLifecycleService,
    OrderRefunds,
    CardPaymentsService,
    PaymentReconciliation,
    { provide: PaymentProvider, useClass: process.env.NODE_ENV === 'production' ? NoPaymentProvider : TestPaymentProvider },
  ],
  exports: [OrderReaderService, OrderLifecycleService, OrderRefunds, PaymentProvider],
})
export class OrdersModule {}
