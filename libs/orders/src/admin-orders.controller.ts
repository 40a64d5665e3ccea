import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import { ChangeStatusDto, MarkPaidDto, OrderView, PaymentView, RecordPaymentDto } from './dto/order.dto.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { ADMIN_ORDER_LIST, OrderReaderService, PAYMENT_LIST } from './order-reader.service.js';

@ApiTags('admin: orders')
@Controller('admin/orders')
@BackOffice()
export class AdminOrdersController {
  constructor(
    private readonly reader: OrderReaderService,
    private readonly lifecycle: OrderLifecycleService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Orders',
    description: 'q searches number and e-mail. Filters: status, paymentStatus, paymentMethod, customerId, placedAt_gte/lte.',
  })
  @ApiList(ADMIN_ORDER_LIST)
  @ApiResponse({ status: 200, type: [OrderView] })
  @ApiErrors()
  list(@ListParams(ADMIN_ORDER_LIST) query: ListQuery): Promise<ListPage<OrderView>> {
    return this.reader.listForAdmin(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<OrderView> {
    return this.reader.view(id, 'admin');
  }

  @Post(':id/payments')
  @ApiOperation({
    summary: 'Record a payment',
    description: 'A positive amount up to the balance due (409 OVERPAYMENT above it); a cancelled order takes none. Paid in full ⇒ delivered.',
  })
  @ApiResponse({ status: 201, type: OrderView })
  @ApiErrors('NOT_FOUND', 'OVERPAYMENT', 'INVALID_TRANSITION')
  recordPayment(@Param('id', IdPipe) id: number, @Body() body: RecordPaymentDto, @CurrentUser() caller: Caller): Promise<OrderView> {
    return this.lifecycle.recordPayment(id, body, caller.id);
  }

  @Post(':id/mark-paid')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the remaining balance as paid' })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  markPaid(@Param('id', IdPipe) id: number, @Body() body: MarkPaidDto, @CurrentUser() caller: Caller): Promise<OrderView> {
    return this.lifecycle.markPaid(id, body ?? {}, caller.id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the order on',
    description: 'pending → processing → shipped → delivered; cancelled from pending or processing. Anything else is 409 INVALID_TRANSITION.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  changeStatus(@Param('id', IdPipe) id: number, @Body() body: ChangeStatusDto): Promise<OrderView> {
    return this.lifecycle.changeStatus(id, body.status);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel', description: 'Returns the stock and the coupon use, refunds the payments.' })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number): Promise<OrderView> {
    return this.lifecycle.cancel(id);
  }
}

@ApiTags('admin: payments')
@Controller('admin/payments')
@BackOffice()
export class AdminPaymentsController {
  constructor(private readonly reader: OrderReaderService) {}

  @Get()
  @ApiOperation({ summary: 'Payments of orders (read only)' })
  @ApiList(PAYMENT_LIST)
  @ApiResponse({ status: 200, type: [PaymentView] })
  @ApiErrors()
  list(@ListParams(PAYMENT_LIST) query: ListQuery): Promise<ListPage<PaymentView>> {
    return this.reader.listPayments(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: PaymentView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<PaymentView> {
    return this.reader.payment(id);
  }
}
