import { Module } from '@nestjs/common';
import { AdminSettingsController } from './admin-settings.controller.js';
import { SettingsService } from './settings.service.js';
import { StoreSettingsController } from './store-settings.controller.js';

@Module({
  controllers: [AdminSettingsController, StoreSettingsController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
