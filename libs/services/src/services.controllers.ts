import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice, CurrentUser, Public, SignedIn, type Caller } from '@chance/identity';
import { ADMIN_BOOKING_LIST, BookingsService, SERVICE_TYPE_LIST, STORE_BOOKING_LIST, STORE_SERVICE_TYPE_LIST } from './bookings.service.js';
import {
  AdminBookingDto,
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
  constructor(private readonly bookings: BookingsService) {}

  @Get()
  @ApiList(SERVICE_TYPE_LIST, {
    summary: 'List service types',
    description: 'Active and inactive; filter isActive; q searches name and description.',
    type: ServiceTypeView,
  })
  list(@ListParams(SERVICE_TYPE_LIST) query: ListQuery): Promise<ListPage<ServiceTypeView>> {
    return this.bookings.listTypes(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service type', description: '404 NOT_FOUND when no service type has this id.' })
  @ApiResponse({ status: 200, type: ServiceTypeView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<ServiceTypeView> {
    return this.bookings.getType(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a service type', description: 'price in minor units, durationMinutes a positive whole number.' })
  @ApiResponse({ status: 201, type: ServiceTypeView })
  @ApiErrors()
  create(@Body() body: CreateServiceTypeDto): Promise<ServiceTypeView> {
    return this.bookings.createType(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change a service type (partial)',
    description: 'Takes only the fields to change; bookings keep the name and price they were made with. 404 NOT_FOUND when no service type has this id.',
  })
  @ApiResponse({ status: 200, type: ServiceTypeView })
  @ApiErrors('NOT_FOUND')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateServiceTypeDto): Promise<ServiceTypeView> {
    return this.bookings.updateType(id, body);
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
    description: 'Sorted by time by default; filters status, customerId, serviceTypeId, scheduledAt_gte/lte.',
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
  @ApiOperation({ summary: 'Book a visit for a customer', description: 'A time in the past is a 400.' })
  @ApiResponse({ status: 201, type: BookingView })
  @ApiErrors()
  create(@Body() body: AdminBookingDto, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.book(body, caller.id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Reschedule a pending booking (time, address, notes)',
    description:
      'Only while pending (409 INVALID_TRANSITION otherwise); a time in the past is 400 VALIDATION_FAILED. 404 NOT_FOUND when no booking has this id.',
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
      'Only from pending, to completed or cancelled (409 INVALID_TRANSITION otherwise); the customer gets a booking_update notification. 404 NOT_FOUND when no booking has this id.',
  })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  move(@Param('id', IdPipe) id: number, @Body() body: BookingStatusDto): Promise<BookingView> {
    return this.bookings.move(id, body.status);
  }
}

@ApiTags('store: services')
@Controller('store')
export class StoreServicesController {
  constructor(private readonly bookings: BookingsService) {}

  @Get('service-types')
  @Public()
  @ApiList(STORE_SERVICE_TYPE_LIST, {
    summary: 'Services on offer (active only)',
    description: 'Public: the active service types with their price and duration; q searches name and description.',
    type: ServiceTypeView,
  })
  types(@ListParams(STORE_SERVICE_TYPE_LIST) query: ListQuery): Promise<ListPage<ServiceTypeView>> {
    return this.bookings.listTypes(query, true);
  }

  @Post('bookings')
  @SignedIn()
  @ApiOperation({ summary: 'Book a visit', description: 'A time in the past is a 400.' })
  @ApiResponse({ status: 201, type: BookingView })
  @ApiErrors()
  book(@Body() body: StoreBookingDto, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.book({ ...body, customerId: caller.id }, caller.id);
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
