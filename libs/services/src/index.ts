export * from './services.module.js';
export { SERVICES_ENTITIES } from './services.entities.js';
export type * from './services.events.js';
export { BookingsService } from './bookings.service.js';
export { BookingRefunds, type RefundableBooking } from './booking-refunds.js';
export { BookingView } from './dto/services.dto.js';
