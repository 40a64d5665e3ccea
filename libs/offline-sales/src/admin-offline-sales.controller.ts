import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Res, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiIdempotencyKey,
  IdempotencyKeyHeader,
  ApiList,
  IdPipe,
  ListParams,
  assertIdempotencyKey,
  replyWith,
  optionalIdempotencyKey,
  type ListPage,
  type ListQuery,
  ApiListExport,
  ExportParams,
  ApiPdf,
} from '@chance/core';
import { COUPON_REFUSALS } from '@chance/coupons';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import {
  CreateOfflineCustomerDto,
  CreateOfflineSaleDto,
  OfflineCustomerView,
  OfflineSaleView,
  SalePaymentDto,
  UpdateOfflineCustomerDto,
} from './dto/offline-sales.dto.js';
import { OFFLINE_CUSTOMER_CSV, OFFLINE_CUSTOMER_LIST, OfflineCustomersService } from './offline-customers.service.js';
import { OFFLINE_SALE_CSV, OFFLINE_SALE_LIST, OfflineSalesService } from './offline-sales.service.js';

@ApiTags('admin: in-store customers')
@Controller('admin/offline-customers')
@BackOffice()
export class AdminOfflineCustomersController {
  constructor(private readonly customers: OfflineCustomersService) {}

  @Get()
  @ApiList(OFFLINE_CUSTOMER_LIST, {
    summary: 'In-store customers with their outstanding balance',
    description: 'q searches name, phone and e-mail; filter owing=true for those who owe.',
    type: OfflineCustomerView,
  })
  list(@ListParams(OFFLINE_CUSTOMER_LIST) query: ListQuery): Promise<ListPage<OfflineCustomerView>> {
    return this.customers.list(query);
  }

  @Get('export.csv')
  @ApiListExport(OFFLINE_CUSTOMER_LIST, OFFLINE_CUSTOMER_CSV.map((c) => c.header))
  exportCsv(@ExportParams(OFFLINE_CUSTOMER_LIST) query: ListQuery): StreamableFile {
    return this.customers.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One in-store customer',
    description: 'With outstandingBalance, the balance of their sales that are not cancelled. 404 NOT_FOUND when no customer has this id.',
  })
  @ApiResponse({ status: 200, type: OfflineCustomerView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<OfflineCustomerView> {
    return this.customers.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an in-store customer', description: 'name and phone are required; outstandingBalance is derived, never sent.' })
  @ApiResponse({ status: 201, type: OfflineCustomerView })
  @ApiErrors()
  create(@Body() body: CreateOfflineCustomerDto): Promise<OfflineCustomerView> {
    return this.customers.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change an in-store customer, or link it to a customer account',
    description:
      'A partial update of the contact fields, and `userId`: the customer account this in-store customer is linked to (null unlinks). ' +
      'An account is linked to at most one in-store customer: an account linked to another one, or a user who is not a customer, is a 400 ' +
      'VALIDATION_FAILED on userId and changes nothing. The account’s customers row then counts this customer’s sales and balance (those ' +
      'made before the link too); relinking moves them to the new account, in the same transaction. 404 NOT_FOUND when no customer has this id.',
  })
  @ApiResponse({ status: 200, type: OfflineCustomerView })
  @ApiErrors('NOT_FOUND')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateOfflineCustomerDto): Promise<OfflineCustomerView> {
    return this.customers.update(id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete an in-store customer without sales or bookings',
    description: '409 CONFLICT once they have sales or bookings (their history stays). 404 NOT_FOUND when no customer has this id.',
  })
  @ApiResponse({ status: 200, type: OfflineCustomerView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  remove(@Param('id', IdPipe) id: number): Promise<OfflineCustomerView> {
    return this.customers.remove(id);
  }
}

@ApiTags('admin: in-store sales')
@Controller('admin/offline-sales')
@BackOffice()
export class AdminOfflineSalesController {
  constructor(private readonly sales: OfflineSalesService) {}

  @Get()
  @ApiList(OFFLINE_SALE_LIST, {
    summary: 'List in-store sales',
    description: 'q searches the number, the coupon code and the customer’s name and phone; filter walkIn=true for the sales without a customer.',
    type: OfflineSaleView,
  })
  list(@ListParams(OFFLINE_SALE_LIST) query: ListQuery): Promise<ListPage<OfflineSaleView>> {
    return this.sales.list(query);
  }

  @Get('export.csv')
  @ApiListExport(OFFLINE_SALE_LIST, OFFLINE_SALE_CSV.map((c) => c.header))
  exportCsv(@ExportParams(OFFLINE_SALE_LIST) query: ListQuery): StreamableFile {
    return this.sales.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One in-store sale',
    description: 'With its lines (snapshots), payments and the derived paidAmount, balance and paymentStatus. 404 NOT_FOUND when no sale has this id.',
  })
  @ApiResponse({ status: 200, type: OfflineSaleView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<OfflineSaleView> {
    return this.sales.view(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Record a sale',
    description:
      'Takes the stock at once (409 OUT_OF_STOCK and nothing saved when short); paidAmount records a first payment (above the total: 409 OVERPAYMENT). ' +
      'Without customerId it is a walk-in sale, which must be paid in full at once (paidAmount = total), else 400 VALIDATION_FAILED on customerId ' +
      '("a sale on credit needs a customer"). couponCode applies a coupon with the rules, limits and refusals of online coupons: 400 COUPON_NOT_FOUND (no such code), ' +
      '400 COUPON_INACTIVE, 400 COUPON_NOT_STARTED (before validFrom), 400 COUPON_EXPIRED (after validTo), 400 COUPON_MIN_PURCHASE (subtotal below minPurchase), ' +
      '409 COUPON_USAGE_LIMIT (used up, also when online checkouts and counter sales race for the last use), 409 COUPON_CUSTOMER_LIMIT (the customer’s uses reached perCustomerLimit); ' +
      'its use is counted once per sale, atomically against its limit, and given back if the sale is cancelled. A coupon with a per-customer limit ' +
      'needs the customer (400 on customerId), and a sale takes a coupon or a manual discount, not both (400 on discount). ' +
      'With an Idempotency-Key header, a retry records it once.',
  })
  @ApiIdempotencyKey(false)
  @ApiResponse({ status: 201, type: OfflineSaleView })
  @ApiErrors('OUT_OF_STOCK', 'OVERPAYMENT', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', 'COUPON_NOT_FOUND', ...COUPON_REFUSALS)
  async create(
    @Body() body: CreateOfflineSaleDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OfflineSaleView> {
    if (key === undefined) return this.sales.create(body, caller.id);
    return replyWith(reply, await this.sales.createOnce(body, caller.id, assertIdempotencyKey(key)));
  }

  @Post(':id/payments')
  @ApiIdempotencyKey(false)
  @ApiOperation({
    summary: 'Add a payment',
    description:
      'Payments together never exceed the total (409 OVERPAYMENT); a cancelled sale takes none (409 INVALID_TRANSITION). 404 NOT_FOUND when no sale has this id.',
  })
  @ApiResponse({ status: 201, type: OfflineSaleView })
  @ApiErrors('NOT_FOUND', 'OVERPAYMENT', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED')
  async addPayment(
    @Param('id', IdPipe) id: number,
    @Body() body: SalePaymentDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OfflineSaleView> {
    return replyWith(reply, await this.sales.addPayment(id, body, caller.id, optionalIdempotencyKey(key)));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a sale',
    description:
      'Returns the stock (offline_sale_cancelled); its balance becomes 0. A sale already cancelled is 409 INVALID_TRANSITION. 404 NOT_FOUND when no sale has this id.',
  })
  @ApiResponse({ status: 200, type: OfflineSaleView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<OfflineSaleView> {
    return this.sales.cancel(id, caller.id);
  }

  @Get(':id/receipt.pdf')
  @ApiOperation({
    summary: 'A sale’s receipt as a PDF',
    description: 'The printable receipt with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no sale has this id.',
  })
  @Header('Content-Type', 'application/pdf')
  @ApiPdf('receipt')
  @ApiErrors('NOT_FOUND')
  async receipt(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const pdf = await this.sales.receipt(id);
    reply.header('Content-Disposition', `inline; filename="receipt-${id}.pdf"`);
    return pdf;
  }
}
