import { Module } from '@nestjs/common';
import { SettingsModule } from '@chance/settings';
import { AdminOfflineCustomersController, AdminOfflineSalesController } from './admin-offline-sales.controller.js';
import { OfflineCustomersService } from './offline-customers.service.js';
import { OfflineSalesService } from './offline-sales.service.js';

@Module({
  imports: [SettingsModule],
  controllers: [AdminOfflineCustomersController, AdminOfflineSalesController],
  providers: [OfflineCustomersService, OfflineSalesService],
  exports: [OfflineSalesService],
})
export class OfflineSalesModule {}
