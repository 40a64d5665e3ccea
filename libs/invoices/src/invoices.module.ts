import { Module } from '@nestjs/common';
import { OrdersModule } from '@chance/orders';
import { SettingsModule } from '@chance/settings';
import { AdminInvoicesController } from './admin-invoices.controller.js';
import { InvoicesService } from './invoices.service.js';
import { StoreInvoicesController } from './store-invoices.controller.js';

/** Customer invoices: they follow the orders library's events (invoices depend on orders, never the other way). */
@Module({
  imports: [OrdersModule, SettingsModule],
  controllers: [AdminInvoicesController, StoreInvoicesController],
  providers: [InvoicesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}
