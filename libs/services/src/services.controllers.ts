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
  @ApiList(SERVICE_TYPE_LIST)
  @ApiResponse({ status: 200, type: [ServiceTypeView] })
  @ApiErrors()
  list(@ListParams(SERVICE_TYPE_LIST) query: ListQuery): Promise<ListPage<ServiceTypeView>> {
    return this.bookings.listTypes(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: ServiceTypeView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<ServiceTypeView> {
    return this.bookings.getType(id);
  }

  @Post()
  @ApiResponse({ status: 201, type: ServiceTypeView })
  @ApiErrors()
  create(@Body() body: CreateServiceTypeDto): Promise<ServiceTypeView> {
    return this.bookings.createType(body);
  }

  @Put(':id')
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
  @ApiOperation({ summary: 'Bookings', description: 'Sorted by time by default; filters status, customerId, serviceTypeId, scheduledAt_gte/lte.' })
  @ApiList(ADMIN_BOOKING_LIST)
  @ApiResponse({ status: 200, type: [BookingView] })
  @ApiErrors()
  list(@ListParams(ADMIN_BOOKING_LIST) query: ListQuery): Promise<ListPage<BookingView>> {
    return this.bookings.list(query);
  }

  @Get(':id')
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
  @ApiOperation({ summary: 'Reschedule a pending booking (time, address, notes)' })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateBookingDto): Promise<BookingView> {
    return this.bookings.reschedule(id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete or cancel a pending booking' })
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
  @ApiOperation({ summary: 'Services on offer (active only)' })
  @ApiList(STORE_SERVICE_TYPE_LIST)
  @ApiResponse({ status: 200, type: [ServiceTypeView] })
  @ApiErrors()
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
  @ApiOperation({ summary: 'Your bookings' })
  @ApiList(STORE_BOOKING_LIST)
  @ApiResponse({ status: 200, type: [BookingView] })
  @ApiErrors()
  mine(@CurrentUser() caller: Caller, @ListParams(STORE_BOOKING_LIST) query: ListQuery): Promise<ListPage<BookingView>> {
    return this.bookings.list(query, caller.id);
  }

  @Get('bookings/:id')
  @SignedIn()
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND')
  one(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.get(id, caller.id);
  }

  @Post('bookings/:id/cancel')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel your own pending booking' })
  @ApiResponse({ status: 200, type: BookingView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<BookingView> {
    return this.bookings.move(id, 'cancelled', caller.id);
  }
}
