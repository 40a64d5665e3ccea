import { Module } from '@nestjs/common';
import { CouponsModule } from '@chance/coupons';
import { SettingsModule } from '@chance/settings';
import { AdminOfflineCustomersController, AdminOfflineSalesController } from './admin-offline-sales.controller.js';
import { OfflineCustomersService } from './offline-customers.service.js';
import { OfflineSalesService } from './offline-sales.service.js';
import { SaleRefunds } from './sale-refunds.js';

@Module({
  imports: [SettingsModule, CouponsModule],
  controllers: [AdminOfflineCustomersController, AdminOfflineSalesController],
  providers: [OfflineCustomersService, OfflineSalesService, SaleRefunds],
  exports: [OfflineSalesService, SaleRefunds],
})
export class OfflineSalesModule {}
