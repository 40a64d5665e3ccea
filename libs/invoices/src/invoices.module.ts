import { Module } from '@nestjs/common';
import { SettingsModule } from '@chance/settings';
import { AdminInvoicesController } from './admin-invoices.controller.js';
import { InvoicesService } from './invoices.service.js';

@Module({
  imports: [SettingsModule],
  controllers: [AdminInvoicesController],
  providers: [InvoicesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}
