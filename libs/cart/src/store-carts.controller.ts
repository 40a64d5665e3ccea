import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe } from '@chance/core';
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
const CART_TOKEN = { name: 'X-Cart-Token', required: false, description: 'A guest cart’s token (from its creation)' };

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
  @ApiOperation({ summary: 'Your active cart (created if needed)' })
  @ApiResponse({ status: 200, type: CartView })
  mine(@CurrentUser() caller: Caller): Promise<CartView> {
    return this.carts.mine(caller.id);
  }

  @Post('merge')
  @SignedIn()
  @HttpCode(200)
  @ApiHeader({ ...CART_TOKEN, required: true })
  @ApiOperation({
    summary: 'Move a guest cart into yours',
    description: 'Quantities add up, capped by stock; the guest cart is closed. Repeating it returns your cart unchanged.',
  })
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  merge(@CurrentUser() caller: Caller, @Headers('x-cart-token') token?: string): Promise<CartView> {
    return this.carts.merge(caller.id, token);
  }

  @Get(':id')
  @Public()
  @ApiHeader(CART_TOKEN)
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @Headers('x-cart-token') token?: string): Promise<CartView> {
    return this.carts.get(id, credentials(caller, token));
  }

  @Post(':id/items')
  @Public()
  @ApiHeader(CART_TOKEN)
  @ApiOperation({ summary: 'Add a variant (adds to its line when present)' })
  @ApiResponse({ status: 201, type: CartView })
  @ApiErrors('NOT_FOUND', 'OUT_OF_STOCK', 'INVALID_TRANSITION')
  addItem(
    @Param('id', IdPipe) id: number,
    @Body() body: AddCartItemDto,
    @CurrentUser() caller?: Caller,
    @Headers('x-cart-token') token?: string,
  ): Promise<CartView> {
    return this.carts.addItem(id, credentials(caller, token), body);
  }

  @Put(':id/items/:itemId')
  @Public()
  @ApiHeader(CART_TOKEN)
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'OUT_OF_STOCK', 'INVALID_TRANSITION')
  updateItem(
    @Param('id', IdPipe) id: number,
    @Param('itemId', IdPipe) itemId: number,
    @Body() body: UpdateCartItemDto,
    @CurrentUser() caller?: Caller,
    @Headers('x-cart-token') token?: string,
  ): Promise<CartView> {
    return this.carts.updateItem(id, itemId, credentials(caller, token), body);
  }

  @Delete(':id/items/:itemId')
  @Public()
  @ApiHeader(CART_TOKEN)
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  removeItem(
    @Param('id', IdPipe) id: number,
    @Param('itemId', IdPipe) itemId: number,
    @CurrentUser() caller?: Caller,
    @Headers('x-cart-token') token?: string,
  ): Promise<CartView> {
    return this.carts.removeItem(id, itemId, credentials(caller, token));
  }

  @Post(':id/coupon')
  @Public()
  @HttpCode(200)
  @ApiHeader(CART_TOKEN)
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
    @Headers('x-cart-token') token?: string,
  ): Promise<CartView> {
    return this.carts.applyCoupon(id, credentials(caller, token), body.code, request.ip);
  }

  @Delete(':id/coupon')
  @Public()
  @ApiHeader(CART_TOKEN)
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  removeCoupon(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @Headers('x-cart-token') token?: string): Promise<CartView> {
    return this.carts.removeCoupon(id, credentials(caller, token));
  }
}
