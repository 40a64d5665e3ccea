import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
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
  type ListPage,
  type ListQuery,
  CartToken,
  OrderToken,
} from '@chance/core';
import { COUPON_REFUSALS } from '@chance/coupons';
import { CurrentUser, Public, SignedIn, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { CardPaymentsService } from './card-payments.service.js';
import { CheckoutService } from './checkout.service.js';
import { CheckoutDto, OnlinePaymentDto, OrderView } from './dto/order.dto.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { OrderReaderService, STORE_ORDER_LIST, orderCredentials } from './order-reader.service.js';

@ApiTags('store: checkout and orders')
@Controller('store')
export class StoreOrdersController {
  constructor(
    private readonly checkoutService: CheckoutService,
    private readonly reader: OrderReaderService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly cards: CardPaymentsService,
  ) {}

  @Post('checkout')
  @Public()
  @ApiIdempotencyKey(true)
  @ApiOperation({
    summary: 'Place an order from a cart',
    description:
      'One transaction: re-prices the cart, checks the coupon, takes the stock of every line, redeems the coupon, creates the order and its invoice, closes the cart. ' +
      'Guests get an accessToken in the order (send it as X-Order-Token). A failed checkout stores nothing, so it may be retried with the same key.' +
      ` Refusals: a cart you may not reach, 404 NOT_FOUND; a cart already checked out or merged, 409 INVALID_TRANSITION; an empty cart, 400 VALIDATION_FAILED (errors.cartId); a line short of stock or of a product withdrawn from sale, 409 OUT_OF_STOCK; a coupon that no longer applies, its code (${COUPON_REFUSALS.join(', ')}).`,
  })
  @ApiResponse({ status: 201, type: OrderView })
  @ApiErrors('NOT_FOUND', 'OUT_OF_STOCK', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', ...COUPON_REFUSALS)
  async checkout(
    @Body() body: CheckoutDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @IdempotencyKeyHeader() key?: string,
    @CartToken() cartToken?: string,
  ): Promise<OrderView> {
    return replyWith(reply, await this.checkoutService.checkout(body, { userId: caller?.id, cartToken, idempotencyKey: assertIdempotencyKey(key) }));
  }

  @Get('orders')
  @SignedIn()
  @ApiList(STORE_ORDER_LIST, {
    summary: 'Your orders',
    description: 'Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s own orders, never drafts. Filter status.',
    type: OrderView,
  })
  list(@CurrentUser() caller: Caller, @ListParams(STORE_ORDER_LIST) query: ListQuery): Promise<ListPage<OrderView>> {
    return this.reader.listForCustomer(caller.id, query);
  }

  @Get('orders/:id')
  @ApiOperation({
    summary: 'Your order',
    description:
      'A guest sends the order’s X-Order-Token; a signed-in customer reaches their own with the bearer token. Another’s order, a draft, or a guest order without its right token is 404 NOT_FOUND.',
  })
  @Public()
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<OrderView> {
    await this.reader.reach(id, orderCredentials(caller, token));
    return this.reader.view(id, 'store');
  }

  @Post('orders/:id/cancel')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel your own pending order',
    description:
      'Stock and coupon use are returned; every payment is refunded (a card payment back to the card). Only while pending (409 INVALID_TRANSITION otherwise); another’s order, or a guest order without its right X-Order-Token, is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: OrderView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  async cancel(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<OrderView> {
    await this.reader.reach(id, orderCredentials(caller, token));
    await this.lifecycle.cancel(id, 'pending');
    return this.reader.view(id, 'store');
  }

  @Post('orders/:id/payments')
  @Public()
  @ApiIdempotencyKey(true)
  @ApiOperation({
    summary: 'Pay the balance by card',
    description:
      'Charges balanceDue through the payment provider, with a key of its own, outside any database transaction: the payment is recorded pending first, ' +
      'then succeeded (201, the order paid) or failed (402 PAYMENT_DECLINED, also the stored result of this Idempotency-Key: a new attempt takes a new key). ' +
      'A retry with the same key never charges again: 409 IDEMPOTENCY_IN_PROGRESS while the first is being confirmed, then its result. ' +
      'While one card payment is being confirmed, another (other key) is 409 INVALID_TRANSITION. 503 SERVICE_UNAVAILABLE when the provider does not answer: ' +
      'the payment is settled within about a minute by asking the provider; retry with the same key. Test provider: tok_visa succeeds, tok_declined is declined.',
  })
  @ApiResponse({ status: 201, type: OrderView })
  @ApiErrors('NOT_FOUND', 'PAYMENT_DECLINED', 'INVALID_TRANSITION', 'IDEMPOTENCY_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', 'SERVICE_UNAVAILABLE')
  async pay(
    @Param('id', IdPipe) id: number,
    @Body() body: OnlinePaymentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @OrderToken() token?: string,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OrderView> {
    return replyWith(reply, await this.cards.payOnline(id, orderCredentials(caller, token), body.paymentToken, assertIdempotencyKey(key)));
  }
}
