import { Module } from '@nestjs/common';
import { BookingRefunds } from './booking-refunds.js';
import { BookingsService } from './bookings.service.js';
import { AdminBookingsController, AdminServiceTypesController, StoreServicesController } from './services.controllers.js';

@Module({
  controllers: [AdminServiceTypesController, AdminBookingsController, StoreServicesController],
  providers: [BookingsService, BookingRefunds],
  exports: [BookingsService, BookingRefunds],
})
export class ServicesModule {}
