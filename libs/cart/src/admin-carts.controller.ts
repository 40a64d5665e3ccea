import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice } from '@chance/identity';
import { ADMIN_CART_LIST, AdminCartsService } from './admin-carts.service.js';
import { CartView } from './dto/cart.dto.js';

@ApiTags('admin: carts')
@Controller('admin/carts')
@BackOffice()
export class AdminCartsController {
  constructor(private readonly carts: AdminCartsService) {}

  @Get()
  @ApiList(ADMIN_CART_LIST, {
    summary: 'Carts, read only',
    description: 'Filter guest/customer, status, hasItems and updatedAt_lte to find abandoned carts.',
    type: CartView,
  })
  list(@ListParams(ADMIN_CART_LIST) query: ListQuery): Promise<ListPage<CartView>> {
    return this.carts.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One cart, read only',
    description: 'A guest’s or a customer’s cart with live prices and totals; its token is never shown. 404 NOT_FOUND when no cart has this id.',
  })
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<CartView> {
    return this.carts.get(id);
  }
}
