import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe, CartToken } from '@chance/core';
import { ApplyCouponDto, COUPON_REFUSALS } from '@chance/coupons';
import { CurrentUser, Public, SignedIn, type Caller } from '@chance/identity';
import type { FastifyRequest } from 'fastify';
import { CartsService, type CartCredentials } from './carts.service.js';
import { AddCartItemDto, CartView, UpdateCartItemDto } from './dto/cart.dto.js';

const credentials = (caller: Caller | undefined, token: string | undefined): CartCredentials => ({
  userId: caller?.id,
  email: caller?.email,
  cartToken: token,
});

@ApiTags('store: carts')
@Controller('store/carts')
export class StoreCartsController {
  constructor(private readonly carts: CartsService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'Start a cart',
    description:
      'Anonymous: a guest cart with its token (send it as X-Cart-Token afterwards), at most RATE_LIMIT_GUEST_CARTS_PER_MINUTE (default 60) per IP per minute ' +
      '(429 RATE_LIMITED with Retry-After beyond). Signed in: your active cart.',
  })
  @ApiResponse({ status: 201, type: CartView })
  @ApiErrors('RATE_LIMITED')
  create(@Req() request: FastifyRequest, @CurrentUser() caller?: Caller): Promise<CartView> {
    return caller ? this.carts.mine(caller.id) : this.carts.createGuestCart(request.ip);
  }

  @Get('mine')
  @SignedIn()
  @ApiOperation({
    summary: 'Your active cart (created if needed)',
    description:
      'Signed in only (401 UNAUTHENTICATED without a bearer token): the caller’s active cart, created empty when they have none, with live prices and totals.',
  })
  @ApiResponse({ status: 200, type: CartView })
  mine(@CurrentUser() caller: Caller): Promise<CartView> {
    return this.carts.mine(caller.id);
  }

  @Post('merge')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a guest cart into yours',
    description:
      'Quantities add up, capped by stock; the guest cart is closed. Repeating it returns your cart unchanged. A guest cart that is unknown, not active, or not reached by its X-Cart-Token is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  merge(@CurrentUser() caller: Caller, @CartToken(true) token?: string): Promise<CartView> {
    return this.carts.merge(caller.id, token);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Your cart',
    description:
      'Live prices and totals (SPEC section 6). A guest sends the cart’s X-Cart-Token; a signed-in customer reaches their own cart with the bearer token. Another’s cart, or a guest cart without its right token, is 404 NOT_FOUND.',
  })
  @Public()
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @CartToken() token?: string): Promise<CartView> {
    return this.carts.get(id, credentials(caller, token));
  }

  @Post(':id/items')
  @Public()
  @ApiOperation({
    summary: 'Add a variant (adds to its line when present)',
    description:
      'A variant already in the cart gets the quantity added to its line. More than the available stock is 409 OUT_OF_STOCK; an unknown or inactive variant is 400 VALIDATION_FAILED; a closed cart is 409 INVALID_TRANSITION; a cart you may not reach is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 201, type: CartView })
  @ApiErrors('NOT_FOUND', 'OUT_OF_STOCK', 'INVALID_TRANSITION')
  addItem(@Param('id', IdPipe) id: number, @Body() body: AddCartItemDto, @CurrentUser() caller?: Caller, @CartToken() token?: string): Promise<CartView> {
    return this.carts.addItem(id, credentials(caller, token), body);
  }

  @Put(':id/items/:itemId')
  @ApiOperation({
    summary: 'Change a line’s quantity',
    description:
      'More than the available stock is 409 OUT_OF_STOCK; a closed cart (checked out or merged) is 409 INVALID_TRANSITION; a line or cart you may not reach is 404 NOT_FOUND.',
  })
  @Public()
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'OUT_OF_STOCK', 'INVALID_TRANSITION')
  updateItem(
    @Param('id', IdPipe) id: number,
    @Param('itemId', IdPipe) itemId: number,
    @Body() body: UpdateCartItemDto,
    @CurrentUser() caller?: Caller,
    @CartToken() token?: string,
  ): Promise<CartView> {
    return this.carts.updateItem(id, itemId, credentials(caller, token), body);
  }

  @Delete(':id/items/:itemId')
  @ApiOperation({
    summary: 'Remove a line',
    description: 'Answers the cart without the line. A closed cart is 409 INVALID_TRANSITION; a line or cart you may not reach is 404 NOT_FOUND.',
  })
  @Public()
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  removeItem(
    @Param('id', IdPipe) id: number,
    @Param('itemId', IdPipe) itemId: number,
    @CurrentUser() caller?: Caller,
    @CartToken() token?: string,
  ): Promise<CartView> {
    return this.carts.removeItem(id, itemId, credentials(caller, token));
  }

  @Post(':id/coupon')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply a coupon',
    description:
      'Refusals: COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED, COUPON_MIN_PURCHASE (400), COUPON_USAGE_LIMIT, COUPON_CUSTOMER_LIMIT (409). ' +
      'At most RATE_LIMIT_COUPON_TRIES_PER_MINUTE (default 30) tries per IP per minute, right or wrong (429 RATE_LIMITED with Retry-After beyond).',
  })
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'COUPON_NOT_FOUND', ...COUPON_REFUSALS, 'RATE_LIMITED')
  applyCoupon(
    @Param('id', IdPipe) id: number,
    @Body() body: ApplyCouponDto,
    @Req() request: FastifyRequest,
    @CurrentUser() caller?: Caller,
    @CartToken() token?: string,
  ): Promise<CartView> {
    return this.carts.applyCoupon(id, credentials(caller, token), body.code, request.ip);
  }

  @Delete(':id/coupon')
  @ApiOperation({
    summary: 'Remove the coupon',
    description:
      'Answers the cart re-priced without it (nothing happens when it has none). A closed cart is 409 INVALID_TRANSITION; a cart you may not reach is 404 NOT_FOUND.',
  })
  @Public()
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  removeCoupon(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @CartToken() token?: string): Promise<CartView> {
    return this.carts.removeCoupon(id, credentials(caller, token));
  }
}
