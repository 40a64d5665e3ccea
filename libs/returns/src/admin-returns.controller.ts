import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
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
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { CreateReturnDto, ReceiveReturnDto, RefundReturnDto, RejectReturnDto, ReturnView } from './dto/returns.dto.js';
import { RETURN_LIST, ReturnsReader } from './returns-reader.js';
import { ReturnsService } from './returns.service.js';

@ApiTags('admin: refunds and returns')
@Controller('admin/returns')
@BackOffice()
export class AdminReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly reader: ReturnsReader,
  ) {}

  @Get()
  @ApiList(RETURN_LIST, {
    summary: 'List returns',
    description: 'Filters: status, source, orderId, offlineSaleId, customerId, requestedAt_gte/lte. q searches the return’s and the record’s numbers.',
    type: ReturnView,
  })
  list(@ListParams(RETURN_LIST) query: ListQuery): Promise<ListPage<ReturnView>> {
    return this.reader.list(query, 'admin');
  }

  @Get(':id')
  @ApiOperation({ summary: 'One return', description: 'With its lines, amounts and refund. 404 NOT_FOUND when no return has this id.' })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<ReturnView> {
    return this.reader.view(id, 'admin');
  }

  @Post()
  @ApiOperation({
    summary: 'Make a return (phone, counter)',
    description:
      'For an order that is shipped or delivered (an online order returned at the counter) or a completed in-store sale; no return window. ' +
      'Status approved. Each line at most what was sold less what other returns (not rejected or cancelled) hold: 409 RETURN_QUANTITY_EXCEEDED, also under concurrent requests. ' +
      'Other records: 409 RETURN_NOT_ALLOWED. An orderId or offlineSaleId that does not exist is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 201, type: ReturnView })
  @ApiErrors('RETURN_NOT_ALLOWED', 'RETURN_QUANTITY_EXCEEDED', 'NOT_FOUND')
  create(@Body() body: CreateReturnDto, @CurrentUser() caller: Caller): Promise<ReturnView> {
    return this.returns.create(body, caller.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a requested return',
    description: 'Only from requested (409 INVALID_TRANSITION otherwise); the customer then sends the goods back. 404 NOT_FOUND when no return has this id.',
  })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  approve(@Param('id', IdPipe) id: number): Promise<ReturnView> {
    return this.returns.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a requested return',
    description:
      'Its units may be returned again; the other open returns are priced again. Only from requested (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.',
  })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  reject(@Param('id', IdPipe) id: number, @Body() body: RejectReturnDto): Promise<ReturnView> {
    return this.returns.reject(id, body.reason);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive the goods of an approved return',
    description:
      'Restocked units go back with movement reason return_restocked; restock defaults to true for every line (false: damaged, not for sale again). Only from approved (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.',
  })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  receive(@Param('id', IdPipe) id: number, @Body() body: ReceiveReturnDto, @CurrentUser() caller: Caller): Promise<ReturnView> {
    return this.returns.receive(id, body ?? {}, caller.id);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiIdempotencyKey(false)
  @ApiOperation({
    summary: 'Refund a return',
    description:
      'From received, or from approved when nothing needs to come back (a damaged item the customer keeps). Gives back min(the return’s total, paid − refunded so far) ' +
      'through the record’s payments (card payments first, newest first; a provider charge through the provider unless `method` asks for another way, e.g. cash at ' +
      'the counter), with a credit note of the returned lines. Nothing paid: refunded with no refund. 409 INVALID_TRANSITION while a refund of it is being confirmed. More than what was paid and not yet refunded is 409 REFUND_EXCEEDS_PAID; a provider that refuses is 402 PAYMENT_DECLINED, one that does not answer 503 SERVICE_UNAVAILABLE (retry with the same key). 404 NOT_FOUND when no return has this id.',
  })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors(
    'NOT_FOUND',
    'INVALID_TRANSITION',
    'REFUND_EXCEEDS_PAID',
    'PAYMENT_DECLINED',
    'IDEMPOTENCY_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
    'SERVICE_UNAVAILABLE',
  )
  async refund(
    @Param('id', IdPipe) id: number,
    @Body() body: RefundReturnDto,
    @CurrentUser() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<ReturnView> {
    return replyWith(reply, await this.returns.refund(id, body ?? {}, caller.id, optionalIdempotencyKey(key)));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a return before its goods are received',
    description:
      'Its units may be returned again; the other open returns are priced again. Only from requested or approved (409 INVALID_TRANSITION otherwise). 404 NOT_FOUND when no return has this id.',
  })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number): Promise<ReturnView> {
    return this.returns.cancel(id);
  }
}
