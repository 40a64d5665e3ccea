import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe } from '@chance/core';
import { CurrentUser, Public, type Caller } from '@chance/identity';
import { ORDER_TOKEN_HEADER, OrderReaderService, orderCredentials } from '@chance/orders';
import type { FastifyReply } from 'fastify';
import { InvoicesService } from './invoices.service.js';
import { InvoiceView } from './dto/invoice.dto.js';
import { toInvoiceView } from './invoice-view.js';

/** The invoice of an order, for whoever may see the order (its customer, or a guest with its token); anyone else gets 404. */
@ApiTags('store: checkout and orders')
@Controller('store')
export class StoreInvoicesController {
  constructor(
    private readonly reader: OrderReaderService,
    private readonly invoices: InvoicesService,
  ) {}

  @Get('orders/:id/invoice')
  @Public()
  @ApiHeader(ORDER_TOKEN_HEADER)
  // the operation ids the API had while these routes were served by the orders library
  @ApiOperation({ operationId: 'StoreOrdersController_invoice' })
  @ApiResponse({ status: 200, type: InvoiceView })
  @ApiErrors('NOT_FOUND')
  async invoice(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @Headers('x-order-token') token?: string): Promise<InvoiceView> {
    await this.reader.reach(id, orderCredentials(caller, token));
    return toInvoiceView(await this.invoices.ofOrder(id));
  }

  @Get('orders/:id/invoice.pdf')
  @Public()
  @ApiHeader(ORDER_TOKEN_HEADER)
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ operationId: 'StoreOrdersController_invoicePdf' })
  @ApiResponse({ status: 200, description: 'The printable invoice' })
  @ApiErrors('NOT_FOUND')
  async invoicePdf(
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @Headers('x-order-token') token?: string,
  ): Promise<Buffer> {
    await this.reader.reach(id, orderCredentials(caller, token));
    const invoice = await this.invoices.ofOrder(id);
    reply.header('Content-Disposition', `inline; filename="${invoice.number}.pdf"`);
    return this.invoices.pdf(invoice);
  }
}
