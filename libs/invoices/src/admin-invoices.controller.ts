import { Controller, Get, Header, Param, Res, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery, ApiListExport, ExportParams, ApiPdf } from '@chance/core';
import { BackOffice } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { INVOICE_CSV, INVOICE_LIST, InvoicesService } from './invoices.service.js';
import { InvoiceView } from './dto/invoice.dto.js';
import { toInvoiceView } from './invoice-view.js';

@ApiTags('admin: invoices')
@Controller('admin/invoices')
@BackOffice()
export class AdminInvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @ApiList(INVOICE_LIST, {
    summary: 'Invoices (read only)',
    description: 'q searches the invoice and order numbers and the customer’s name and e-mail.',
    type: InvoiceView,
  })
  async list(@ListParams(INVOICE_LIST) query: ListQuery): Promise<ListPage<InvoiceView>> {
    return (await this.invoices.list(query)).map(toInvoiceView);
  }

  @Get('export.csv')
  @ApiListExport(INVOICE_LIST, INVOICE_CSV.map((c) => c.header))
  exportCsv(@ExportParams(INVOICE_LIST) query: ListQuery): StreamableFile {
    return this.invoices.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One invoice',
    description: 'Read only: its totals follow its order’s (a revised order revises it, same number, revision + 1). 404 NOT_FOUND when no invoice has this id.',
  })
  @ApiResponse({ status: 200, type: InvoiceView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<InvoiceView> {
    return toInvoiceView(await this.invoices.get(id));
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'An invoice as a PDF',
    description: 'The printable invoice with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no invoice has this id.',
  })
  @Header('Content-Type', 'application/pdf')
  @ApiPdf('invoice')
  @ApiErrors('NOT_FOUND')
  async pdf(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const invoice = await this.invoices.get(id);
    reply.header('Content-Disposition', `inline; filename="${invoice.number}.pdf"`);
    return this.invoices.pdf(invoice);
  }
}
