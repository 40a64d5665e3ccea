import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiIdempotencyKey,
  ApiList,
  IdPipe,
  IdempotencyKeyHeader,
  ListParams,
  optionalIdempotencyKey,
  replyWith,
  type ListPage,
  type ListQuery,
} from '@chance/core';
import type { FastifyReply } from 'fastify';
import { BackOffice, CurrentUser, Public, SignedIn, type Caller } from '@chance/identity';
import { ADMIN_BOOKING_LIST, BookingsService, STORE_BOOKING_LIST } from './bookings.service.js';
import { SERVICE_TYPE_LIST, STORE_SERVICE_TYPE_LIST, ServiceTypesService } from './service-types.service.js';
import {
  AdminBookingDto,
  BookingPaymentDto,
  BookingStatusDto,
  BookingView,
  CreateServiceTypeDto,
  ServiceTypeView,
  StoreBookingDto,
  UpdateBookingDto,
  UpdateServiceTypeDto,
} from './dto/services.dto.js';

@ApiTags('admin: services')
@Controller('admin/service-types')
@BackOffice()
export class AdminServiceTypesController {
  constructor(private readonly types: ServiceTypesService) {}

  @Get()
  @ApiList(SERVICE_TYPE_LIST, {
    summary: 'List service types',
    description: 'Active and inactive; filter isActive; q searches name and description.',
    type: ServiceTypeView,
  })
  list(@ListParams(SERVICE_TYPE_LIST) query: ListQuery): Promise<ListPage<ServiceTypeView>> {
    return this.types.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service type', description: '404 NOT_FOUND when no service type has this id.' })
  @ApiResponse({ status: 200, type: ServiceTypeView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<ServiceTypeView> {
    return this.types.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a service type', description: 'price in minor units, durationMinutes a positive whole number.' })
  @ApiResponse({ status: 201, type: ServiceTypeView })
  @ApiErrors()
  create(@Body() body: CreateServiceTypeDto): Promise<ServiceTypeView> {
    return this.types.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change a service type (partial)',
    description: 'Takes only the fields to change; bookings keep the name and price they were made with. 404 NOT_FOUND when no service type has this id.',
  })
  @ApiResponse({ status: 200, type: ServiceTypeView })
  @ApiErrors('NOT_FOUND')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateServiceTypeDto): Promise<ServiceTypeView> {
    return this.types.update(id, body);
  }
}

@ApiTags('admin: bookings')
@Controller('admin/bookings')
@BackOffice()
export class AdminBookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Get()
  @ApiList(ADMIN_BOOKING_LIST, {
    summary: 'List bookings',
    description:
      'Sorted by time by default. Filters: status, customerId, offlineCustomerId, assigneeId, serviceTypeId, paymentStatus, scheduledAt_gte/lte, and the ' +
      'calendar’s window `from`/`to` on scheduledAt (both inclusive; a date-only `to` means the end of that UTC day, a date-only `from` its start).',
    type: BookingView,
  })
  list(@ListParams(ADMIN_BOOKING_LIST) query: ListQuery): Promise<ListPage<BookingView>> {
    return this.bookings.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One booking', description: 'With serviceName and price as snapshots. 404 NOT_FOUND when no booking has this id.' })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<BookingView> {
    return this.bookings.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Book a visit for a customer',
    description:
      'For an account (customerId) or an in-store customer (offlineCustomerId): exactly one of them, else 400 VALIDATION_FAILED. assigneeId, when given, ' +
      'is an active admin or staff member (else 400 on assigneeId). The booking copies the service’s name, price (its subtotal) and duration, and is taxed ' +
      'at the store’s tax rate now (taxTotal = roundHalfUp(subtotal × taxRateBps / 10000), total = subtotal + taxTotal). A time in the past is a 400.',
  })
  @ApiResponse({ status: 201, type: BookingView })
  @ApiErrors()
  create(@Body() body: AdminBookingDto, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.book(body, caller.id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Reschedule or reassign a pending booking',
    description:
      'Takes the fields to change: scheduledAt (in the future), address, notes, assigneeId (an active admin or staff member; null unassigns). ' +
      'A completed or cancelled booking is 409 INVALID_TRANSITION; a time in the past is 400 VALIDATION_FAILED. 404 NOT_FOUND when no booking has this id.',
  })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateBookingDto): Promise<BookingView> {
    return this.bookings.reschedule(id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete or cancel a pending booking',
    description:
      'Completing issues the booking’s invoice in the INV series (invoiceId on the booking, bookingId on the invoice; its payment status follows the ' +
      'booking’s) and counts its total in servicesRevenue on the completion day. Cancelling refunds every payment in full (each refund with its credit ' +
      'note); a cancelled booking shows paidAmount 0 and takes no more payments. Anything but a pending booking is 409 INVALID_TRANSITION. 404 NOT_FOUND when no booking has this id.',
  })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  move(@Param('id', IdPipe) id: number, @Body() body: BookingStatusDto): Promise<BookingView> {
    return this.bookings.move(id, body.status);
  }

  @Post(':id/payments')
  @ApiIdempotencyKey(false)
  @ApiOperation({
    summary: 'Record a payment of a booking',
    description:
      'A positive amount in minor units (else 400 VALIDATION_FAILED) of at most the balance (409 OVERPAYMENT, also under concurrent requests); a cancelled ' +
      'booking takes none (409 INVALID_TRANSITION). Pending and completed bookings take payments, in several parts and methods; paidAmount, balance and ' +
      'paymentStatus are derived, and the invoice of a completed booking follows. An optional Idempotency-Key records a retried request once. 404 NOT_FOUND when no booking has this id.',
  })
  @ApiResponse({ status: 201, type: BookingView })
  @ApiErrors('NOT_FOUND', 'OVERPAYMENT', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED')
  async pay(
    @Param('id', IdPipe) id: number,
    @Body() body: BookingPaymentDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<BookingView> {
    return replyWith(reply, await this.bookings.pay(id, body, caller.id, optionalIdempotencyKey(key)));
  }
}

@ApiTags('store: services')
@Controller('store')
export class StoreServicesController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly serviceTypes: ServiceTypesService,
  ) {}

  @Get('service-types')
  @Public()
  @ApiList(STORE_SERVICE_TYPE_LIST, {
    summary: 'Services on offer (active only)',
    description: 'Public: the active service types with their price and duration; q searches name and description.',
    type: ServiceTypeView,
  })
  types(@ListParams(STORE_SERVICE_TYPE_LIST) query: ListQuery): Promise<ListPage<ServiceTypeView>> {
    return this.serviceTypes.list(query, true);
  }

  @Post('bookings')
  @SignedIn()
  @ApiOperation({
    summary: 'Book a visit',
    description: 'For the signed-in customer; taxed at the store’s tax rate now, like an admin booking. A time in the past is a 400.',
  })
  @ApiResponse({ status: 201, type: BookingView })
  @ApiErrors()
  book(@Body() body: StoreBookingDto, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.book({ ...body, customerId: caller.id }, caller.id, true);
  }

  @Get('bookings')
  @SignedIn()
  @ApiList(STORE_BOOKING_LIST, {
    summary: 'Your bookings',
    description: 'Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s own bookings.',
    type: BookingView,
  })
  mine(@CurrentUser() caller: Caller, @ListParams(STORE_BOOKING_LIST) query: ListQuery): Promise<ListPage<BookingView>> {
    return this.bookings.list(query, caller.id);
  }

  @Get('bookings/:id')
  @ApiOperation({ summary: 'One of your bookings', description: 'Another customer’s booking is 404 NOT_FOUND, as one that does not exist.' })
  @SignedIn()
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND')
  one(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.get(id, caller.id);
  }

  @Post('bookings/:id/cancel')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel your own pending booking',
    description: 'Only while pending (409 INVALID_TRANSITION otherwise). Another customer’s booking is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.move(id, 'cancelled', caller.id);
  }
}
