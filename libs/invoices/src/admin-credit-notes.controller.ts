import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { CreditNoteView, toCreditNoteView } from './credit-note.view.js';
import { CREDIT_NOTE_LIST, CreditNotesService } from './credit-notes.service.js';

@ApiTags('admin: invoices')
@Controller('admin/credit-notes')
@BackOffice()
export class AdminCreditNotesController {
  constructor(private readonly notes: CreditNotesService) {}

  @Get()
  @ApiOperation({
    summary: 'Credit notes (read only)',
    description:
      'One per refund that succeeded. Filters: orderId, offlineSaleId, bookingId, invoiceId, refundId, returnId, issuedAt_gte/lte. q searches the numbers and the customer’s name and e-mail.',
  })
  @ApiList(CREDIT_NOTE_LIST)
  @ApiResponse({ status: 200, type: [CreditNoteView] })
  @ApiErrors()
  async list(@ListParams(CREDIT_NOTE_LIST) query: ListQuery): Promise<ListPage<CreditNoteView>> {
    return (await this.notes.list(query)).map(toCreditNoteView);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: CreditNoteView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CreditNoteView> {
    return toCreditNoteView(await this.notes.get(id));
  }

  @Get(':id/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The printable credit note' })
  @ApiErrors('NOT_FOUND')
  async pdf(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const note = await this.notes.get(id);
    reply.header('Content-Disposition', `inline; filename="${note.number}.pdf"`);
    return this.notes.pdf(note);
  }
}
