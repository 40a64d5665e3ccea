import { Module } from '@nestjs/common';
import { SettingsModule } from '@chance/settings';
import { BookingRefunds } from './booking-refunds.js';
import { BookingsService } from './bookings.service.js';
import { ServiceTypesService } from './service-types.service.js';
import { AdminBookingsController, AdminServiceTypesController, StoreServicesController } from './services.controllers.js';

@Module({
  imports: [SettingsModule],
  controllers: [AdminServiceTypesController, AdminBookingsController, StoreServicesController],
  providers: [BookingsService, ServiceTypesService, BookingRefunds],
  exports: [BookingsService, BookingRefunds],
})
export class ServicesModule {}
