import { Module } from '@nestjs/common';
import { BookingsService } from './bookings.service.js';
import { AdminBookingsController, AdminServiceTypesController, StoreServicesController } from './services.controllers.js';

@Module({
  controllers: [AdminServiceTypesController, AdminBookingsController, StoreServicesController],
  providers: [BookingsService],
  exports: [BookingsService],
})
export class ServicesModule {}
