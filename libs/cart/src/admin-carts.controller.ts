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
  @ApiOperation({ summary: 'Carts, read only', description: 'Filter guest/customer, status, hasItems and updatedAt_lte to find abandoned carts.' })
  @ApiList(ADMIN_CART_LIST)
  @ApiResponse({ status: 200, type: [CartView] })
  @ApiErrors()
  list(@ListParams(ADMIN_CART_LIST) query: ListQuery): Promise<ListPage<CartView>> {
    return this.carts.list(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: CartView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<CartView> {
    return this.carts.get(id);
  }
}
