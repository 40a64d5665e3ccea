import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  applyToEach,
  ApiErrors,
  ApiIdempotencyKey,
  BULK_MAX_IDS,
  BulkResultView,
  assertIdempotencyKey,
  IdempotencyKeyHeader,
  ApiList,
  ApiListExport,
  ExportParams,
  IdPipe,
  ListParams,
  optionalIdempotencyKey,
  replyWith,
  type ListPage,
  type ListQuery,
} from '@chance/core';
import { COUPON_REFUSALS } from '@chance/coupons';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { CreateDraftOrderDto, UpdateOrderDto } from './dto/order-edit.dto.js';
import { BulkOrderStatusDto, ChangeStatusDto, MarkPaidDto, OrderView, PaymentView, RecordPaymentDto } from './dto/order.dto.js';
import { DraftOrdersService } from './draft-orders.service.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { ADMIN_ORDER_LIST, ORDER_CSV, OrderReaderService, PAYMENT_CSV, PAYMENT_LIST } from './order-reader.service.js';

@ApiTags('admin: orders')
@Controller('admin/orders')
@BackOffice()
export class AdminOrdersController {
  constructor(
    private readonly reader: OrderReaderService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly drafts: DraftOrdersService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a draft order (phone or counter order)',
    description:
      'For a customer account (`customerId`) or a guest (`email`). A draft takes no stock, has no number (null until placed) and no invoice, and ' +
      'counts in no report. `unitPrice` on a line overrides the catalog’s price (the audit log records who did it). Place it with POST /:id/place.' +
      ` A couponCode that does not apply is refused with its code (COUPON_NOT_FOUND, ${COUPON_REFUSALS.join(', ')}); a variant of a product withdrawn from sale is 409 OUT_OF_STOCK (a draft takes no stock: placing it checks the quantities).`,
  })
  @ApiResponse({ status: 201, type: OrderView })
  @ApiErrors('VALIDATION_FAILED', 'OUT_OF_STOCK', 'COUPON_NOT_FOUND', ...COUPON_REFUSALS)
  create(@Body() body: CreateDraftOrderDto): Promise<OrderView> {
    return this.drafts.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit a draft, or a pending or processing order',
    description:
      'A draft: any of its fields. A placed order (pending or processing): `lines` (the whole new list; a line with its `lineId` keeps its ' +
      'snapshot unless its variant changes), `shippingAddress`, `couponCode` (null removes it). Every total is recomputed with the order’s own ' +
      'tax rate, the stock moves by the difference only (409 OUT_OF_STOCK and nothing changed when short), the coupon is checked again, and the ' +
      'invoice is revised (same number, revision + 1). Below what was paid: 409 REFUND_REQUIRED. Any other status: 409 INVALID_TRANSITION.' +
      ` A coupon that does not apply is refused with its code (COUPON_NOT_FOUND, ${COUPON_REFUSALS.join(', ')}). 404 NOT_FOUND when no order has this id.`,
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'VALIDATION_FAILED', 'OUT_OF_STOCK', 'INVALID_TRANSITION', 'REFUND_REQUIRED', 'COUPON_NOT_FOUND', ...COUPON_REFUSALS)
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateOrderDto): Promise<OrderView> {
    return this.drafts.update(id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a draft',
    description: 'Only a draft (409 INVALID_TRANSITION otherwise: cancel a placed order). Answers the deleted draft. 404 NOT_FOUND when no order has this id.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  delete(@Param('id', IdPipe) id: number): Promise<OrderView> {
    return this.drafts.delete(id);
  }

  @Post(':id/place')
  @HttpCode(200)
  @ApiIdempotencyKey(true)
  @ApiOperation({
    summary: 'Place a draft',
    description:
      'Runs the checkout’s rules and transaction: the lines priced again from the catalog (prices set by hand stay), the coupon checked, ' +
      'the stock taken (409 OUT_OF_STOCK), the number given, the invoice issued. Answers the pending order. A guest’s order carries its accessToken.' +
      ` A draft only (409 INVALID_TRANSITION otherwise); a coupon that no longer applies is refused with its code (${COUPON_REFUSALS.join(', ')}). 404 NOT_FOUND when no order has this id.`,
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors(
    'NOT_FOUND',
    'OUT_OF_STOCK',
    'INVALID_TRANSITION',
    'IDEMPOTENCY_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    'COUPON_INACTIVE',
    'COUPON_EXPIRED',
    'COUPON_MIN_PURCHASE',
    'COUPON_USAGE_LIMIT',
    'COUPON_CUSTOMER_LIMIT',
  )
  async place(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply, @IdempotencyKeyHeader() key?: string): Promise<OrderView> {
    return replyWith(reply, await this.drafts.place(id, assertIdempotencyKey(key)));
  }

  @Get()
  @ApiList(ADMIN_ORDER_LIST, {
    summary: 'List orders',
    description: 'q searches number and e-mail. Filters: status, paymentStatus, paymentMethod, customerId, placedAt_gte/lte.',
    type: OrderView,
  })
  list(@ListParams(ADMIN_ORDER_LIST) query: ListQuery): Promise<ListPage<OrderView>> {
    return this.reader.listForAdmin(query);
  }

  @Get('export.csv')
  @ApiListExport(ADMIN_ORDER_LIST, ORDER_CSV.map((c) => c.header))
  exportCsv(@ExportParams(ADMIN_ORDER_LIST) query: ListQuery): StreamableFile {
    return this.reader.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One order',
    description: 'With its lines (snapshots), totals, payments summary and derived paymentStatus; drafts too. 404 NOT_FOUND when no order has this id.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<OrderView> {
    return this.reader.view(id, 'admin');
  }

  @Post(':id/payments')
  @ApiIdempotencyKey(false)
  @ApiOperation({
    summary: 'Record a payment',
    description:
      'A positive amount up to the balance due, less any card payment still being confirmed (409 OVERPAYMENT above it); a cancelled order takes none. Paid in full ⇒ delivered. A cancelled order is 409 INVALID_TRANSITION. 404 NOT_FOUND when no order has this id.',
  })
  @ApiResponse({ status: 201, type: OrderView })
  @ApiErrors('NOT_FOUND', 'OVERPAYMENT', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED')
  async recordPayment(
    @Param('id', IdPipe) id: number,
    @Body() body: RecordPaymentDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OrderView> {
    return replyWith(reply, await this.lifecycle.recordPayment(id, body, caller.id, optionalIdempotencyKey(key)));
  }

  @Post(':id/mark-paid')
  @HttpCode(200)
  @ApiIdempotencyKey(false)
  @ApiOperation({
    summary: 'Record the remaining balance as paid',
    description:
      'One payment of the balance due, by `method` (default: the order’s payment method). 409 INVALID_TRANSITION when nothing is due, while a card payment of it is being confirmed, or on a cancelled order. 404 NOT_FOUND when no order has this id.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED')
  async markPaid(
    @Param('id', IdPipe) id: number,
    @Body() body: MarkPaidDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OrderView> {
    return replyWith(reply, await this.lifecycle.markPaid(id, body ?? {}, caller.id, optionalIdempotencyKey(key)));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the order on',
    description:
      'pending → processing → shipped → delivered; cancelled from pending or processing. Anything else is 409 INVALID_TRANSITION. 404 NOT_FOUND when no order has this id.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  changeStatus(@Param('id', IdPipe) id: number, @Body() body: ChangeStatusDto): Promise<OrderView> {
    return this.lifecycle.changeStatus(id, body.status);
  }

  @Post('bulk-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move several orders on',
    description:
      `POST /:id/status for each order named (1 to ${BULK_MAX_IDS} distinct ids, else 400 VALIDATION_FAILED), one after another, each in its own ` +
      'transaction with the same rules, events, notifications and audit entries as the single route (`cancelled` cancels, returning stock and payments). ' +
      'An order that cannot move (409 INVALID_TRANSITION, 404 NOT_FOUND, ...) is left unchanged and listed in `failed` with that code and message; ' +
      'the others are moved. The answer is 200 whatever each order’s outcome.',
  })
  @ApiResponse({ status: 200, type: BulkResultView })
  @ApiErrors()
  changeStatuses(@Body() body: BulkOrderStatusDto): Promise<BulkResultView> {
    return applyToEach(body.ids, (id) => this.lifecycle.changeStatus(id, body.status));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an order',
    description:
      'Returns the stock and the coupon use, and gives back every payment through refunds, each with its credit note (card payments charged online through the payment provider, after commit; the others recorded as paid out). 409 INVALID_TRANSITION while a card payment is being confirmed. Only from pending or processing (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no order has this id.',
  })
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
  @ApiList(PAYMENT_LIST, {
    summary: 'Payments of orders (read only)',
    description: 'Filters: orderId, method, status (pending, succeeded, failed, refunded), paidAt_gte/lte. q searches the reference.',
    type: PaymentView,
  })
  list(@ListParams(PAYMENT_LIST) query: ListQuery): Promise<ListPage<PaymentView>> {
    return this.reader.listPayments(query);
  }

  @Get('export.csv')
  @ApiListExport(PAYMENT_LIST, PAYMENT_CSV.map((c) => c.header))
  exportCsv(@ExportParams(PAYMENT_LIST) query: ListQuery): StreamableFile {
    return this.reader.exportPaymentsCsv(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One payment',
    description: 'Read only: pending, succeeded, failed or refunded, with refundedAmount. 404 NOT_FOUND when no payment has this id.',
  })
  @ApiResponse({ status: 200, type: PaymentView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<PaymentView> {
    return this.reader.payment(id);
  }
}
