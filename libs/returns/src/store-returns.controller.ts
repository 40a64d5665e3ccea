import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, notFound, type ListPage, type ListQuery, OrderToken } from '@chance/core';
import { CurrentUser, Public, SignedIn, type Caller } from '@chance/identity';
import { OrderReaderService, orderCredentials } from '@chance/orders';
import { RequestReturnDto, ReturnView } from './dto/returns.dto.js';
import { STORE_RETURN_LIST, ReturnsReader } from './returns-reader.js';
import { ReturnsService } from './returns.service.js';

/** A customer's returns of their own orders (a guest's with the order's token); anyone else's are 404. */
@ApiTags('store: returns')
@Controller('store')
export class StoreReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly reader: ReturnsReader,
    private readonly orders: OrderReaderService,
  ) {}

  @Post('orders/:id/returns')
  @Public()
  @ApiOperation({
    summary: 'Ask to return goods of your delivered order',
    description:
      'Within the store’s returnWindowDays (settings, default 30) of delivery; otherwise, or for an order that is not delivered, 409 RETURN_NOT_ALLOWED. ' +
      'Each line at most what was bought less what your other returns (not rejected or cancelled) hold: 409 RETURN_QUANTITY_EXCEEDED. Status requested: ' +
      'the shop approves it, receives the goods and refunds you.',
  })
  @ApiResponse({ status: 201, type: ReturnView })
  @ApiErrors('NOT_FOUND', 'RETURN_NOT_ALLOWED', 'RETURN_QUANTITY_EXCEEDED')
  request(@Param('id', IdPipe) id: number, @Body() body: RequestReturnDto, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<ReturnView> {
    return this.returns.request(id, orderCredentials(caller, token), body.lines);
  }

  @Get('orders/:id/returns')
  @Public()
  @ApiOperation({
    summary: 'The returns of your order, oldest first',
    description:
      'A guest sends the order’s X-Order-Token; a signed-in customer reaches their own order with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: [ReturnView] })
  @ApiErrors('NOT_FOUND')
  async ofOrder(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<ReturnView[]> {
    await this.orders.reach(id, orderCredentials(caller, token));
    return this.reader.ofOrder(id, 'store');
  }

  @Get('returns')
  @SignedIn()
  @ApiList(STORE_RETURN_LIST, { summary: 'Your returns', description: 'Filters: status, orderId.', type: ReturnView })
  list(@CurrentUser() caller: Caller, @ListParams(STORE_RETURN_LIST) query: ListQuery): Promise<ListPage<ReturnView>> {
    return this.reader.list(query, 'store', caller.id);
  }

  @Get('returns/:id')
  @Public()
  @ApiOperation({ summary: 'One of your returns', description: 'A guest sends the order’s X-Order-Token.' })
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<ReturnView> {
    const orderId = await this.reader.orderOf(id);
    if (orderId === null) throw notFound('Return');
    await this.orders.reach(orderId, orderCredentials(caller, token));
    return this.reader.view(id, 'store');
  }
}
