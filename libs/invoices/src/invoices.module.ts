import { Module } from '@nestjs/common';
import { OrdersModule } from '@chance/orders';
import { SettingsModule } from '@chance/settings';
import { AdminCreditNotesController } from './admin-credit-notes.controller.js';
import { AdminInvoicesController } from './admin-invoices.controller.js';
import { CreditNotesService } from './credit-notes.service.js';
import { InvoicesService } from './invoices.service.js';
import { StoreCreditNotesController } from './store-credit-notes.controller.js';
import { StoreInvoicesController } from './store-invoices.controller.js';

/**
 * Customer invoices and credit notes: invoices follow the orders library's events, credit notes the
 * refunds library's (`refund.succeeded`); neither of those libraries knows this one exists.
 */
@Module({
  imports: [OrdersModule, SettingsModule],
  controllers: [AdminInvoicesController, StoreInvoicesController, AdminCreditNotesController, StoreCreditNotesController],
  providers: [InvoicesService, CreditNotesService],
  exports: [InvoicesService, CreditNotesService],
})
export class InvoicesModule {}
