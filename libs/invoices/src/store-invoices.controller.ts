import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe, OrderToken, ApiPdf } from '@chance/core';
import { CurrentUser, Public, type Caller } from '@chance/identity';
import { OrderReaderService, orderCredentials } from '@chance/orders';
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
  // the operation ids the API had while these routes were served by the orders library
  @ApiOperation({
    operationId: 'StoreOrdersController_invoice',
    summary: 'Your order’s invoice',
    description:
      'A guest sends the order’s X-Order-Token; a signed-in customer reaches their own with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: InvoiceView })
  @ApiErrors('NOT_FOUND')
  async invoice(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<InvoiceView> {
    await this.reader.reach(id, orderCredentials(caller, token));
    return toInvoiceView(await this.invoices.ofOrder(id));
  }

  @Get('orders/:id/invoice.pdf')
  @Public()
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({
    operationId: 'StoreOrdersController_invoicePdf',
    summary: 'Your order’s invoice as a PDF',
    description:
      'The printable invoice with the seller’s legal details. A guest sends the order’s X-Order-Token; another’s order, or a guest order without its right token, is 404 NOT_FOUND.',
  })
  @ApiPdf('invoice')
  @ApiErrors('NOT_FOUND')
  async invoicePdf(
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @OrderToken() token?: string,
  ): Promise<Buffer> {
    await this.reader.reach(id, orderCredentials(caller, token));
    const invoice = await this.invoices.ofOrder(id);
    reply.header('Content-Disposition', `inline; filename="${invoice.number}.pdf"`);
    return this.invoices.pdf(invoice);
  }
}
