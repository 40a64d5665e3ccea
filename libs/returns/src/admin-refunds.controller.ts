import { Body, Controller, Get, Param, Post, Res, applyDecorators, type Type, type StreamableFile } from '@nestjs/common';
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
  ApiListExport,
  ExportParams,
} from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import { OfflineSaleView } from '@chance/offline-sales';
import { OrderView } from '@chance/orders';
import { BookingView } from '@chance/services';
import type { FastifyReply } from 'fastify';
import { DirectRefundDto, RefundView } from './dto/returns.dto.js';
import type { RecordKind } from './refundable-records.js';
import { RefundsService } from './refunds.service.js';
import { REFUND_CSV, REFUND_LIST, ReturnsReader } from './returns-reader.js';

const REFUND_ERRORS = [
  'NOT_FOUND',
  'REFUND_EXCEEDS_PAID',
  'PAYMENT_DECLINED',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'SERVICE_UNAVAILABLE',
] as const;

const DIRECT_REFUND =
  'A refund with no goods back (goodwill, a price adjustment), at most what was paid and not yet refunded (409 REFUND_EXCEEDS_PAID, also under concurrent requests). ' +
  'Without paymentId, card payments are refunded first, newest first, then the others. A card payment the payment provider charged is refunded through ' +
  'the provider, outside any database transaction (402 PAYMENT_DECLINED when it refuses; 503 SERVICE_UNAVAILABLE when it does not answer: the refund is ' +
  'settled within about a minute, retry with the same Idempotency-Key); any other payment is recorded as paid out. Each refund issues a credit note. ' +
  'A paymentId that is not one of the record’s payments is 400 VALIDATION_FAILED (errors.paymentId); 404 NOT_FOUND when no record has this id.';

/** The route of a direct refund of one kind of record, answered with the record as its own library shows it (201). */
function RefundRoute(path: string, summary: string, type: Type, description = DIRECT_REFUND): MethodDecorator {
  return applyDecorators(
    Post(path),
    ApiIdempotencyKey(false),
    ApiOperation({ summary, description }),
    ApiResponse({ status: 201, type }),
    ApiErrors(...REFUND_ERRORS),
  );
}

@ApiTags('admin: refunds and returns')
@Controller('admin')
@BackOffice()
export class AdminRefundsController {
  constructor(
    private readonly refunds: RefundsService,
    private readonly reader: ReturnsReader,
  ) {}

  @Get('refunds')
  @ApiList(REFUND_LIST, {
    summary: 'Refunds (read only)',
    description:
      'Filters: orderId, offlineSaleId, bookingId, returnId, status, method, kind, refundedAt_gte/lte. q searches the number, the record’s number, the reference and the reason.',
    type: RefundView,
  })
  list(@ListParams(REFUND_LIST) query: ListQuery): Promise<ListPage<RefundView>> {
    return this.reader.listRefunds(query);
  }

  @Get('refunds/export.csv')
  @ApiListExport(REFUND_LIST, REFUND_CSV.map((c) => c.header))
  exportCsv(@ExportParams(REFUND_LIST) query: ListQuery): StreamableFile {
    return this.reader.exportRefundsCsv(query);
  }

  @Get('refunds/:id')
  @ApiOperation({
    summary: 'One refund',
    description: 'Read only: pending, succeeded or failed, with its credit note once it succeeded. 404 NOT_FOUND when no refund has this id.',
  })
  @ApiResponse({ status: 200, type: RefundView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<RefundView> {
    return this.reader.refund(id);
  }

  @RefundRoute('orders/:id/refunds', 'Refund an order', OrderView)
  refundOrder(
    @Param('id', IdPipe) id: number,
    @Body() body: DirectRefundDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<unknown> {
    return this.refund('order', id, body, caller, reply, key);
  }

  @RefundRoute('offline-sales/:id/refunds', 'Refund an in-store sale', OfflineSaleView)
  refundSale(
    @Param('id', IdPipe) id: number,
    @Body() body: DirectRefundDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<unknown> {
    return this.refund('offline_sale', id, body, caller, reply, key);
  }

  @RefundRoute(
    'bookings/:id/refunds',
    'Refund a booking',
    BookingView,
    `${DIRECT_REFUND} A booking's payments are all recorded by staff, so they are paid out; the credit note is addressed to the booking's invoice once it is completed.`,
  )
  refundBooking(
    @Param('id', IdPipe) id: number,
    @Body() body: DirectRefundDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<unknown> {
    return this.refund('booking', id, body, caller, reply, key);
  }

  private async refund(kind: RecordKind, id: number, body: DirectRefundDto, caller: Caller, reply: FastifyReply, key?: string): Promise<unknown> {
    const input = { amount: body.amount, reason: body.reason.trim(), paymentId: body.paymentId };
    return replyWith(reply, await this.refunds.refundRecord({ kind, id }, input, caller.id, optionalIdempotencyKey(key)));
  }
}
