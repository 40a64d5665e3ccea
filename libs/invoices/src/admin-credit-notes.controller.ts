import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery, ApiPdf } from '@chance/core';
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
  @ApiList(CREDIT_NOTE_LIST, {
    summary: 'Credit notes (read only)',
    description:
      'One per refund that succeeded. Filters: orderId, offlineSaleId, bookingId, invoiceId, refundId, returnId, issuedAt_gte/lte. q searches the numbers and the customer’s name and e-mail.',
    type: CreditNoteView,
  })
  async list(@ListParams(CREDIT_NOTE_LIST) query: ListQuery): Promise<ListPage<CreditNoteView>> {
    return (await this.notes.list(query)).map(toCreditNoteView);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One credit note',
    description: 'Read only: credit notes are issued by refunds, never edited. 404 NOT_FOUND when no credit note has this id.',
  })
  @ApiResponse({ status: 200, type: CreditNoteView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CreditNoteView> {
    return toCreditNoteView(await this.notes.get(id));
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'A credit note as a PDF',
    description:
      'The printable credit note with the seller’s legal details from settings (application/pdf, inline). 404 NOT_FOUND when no credit note has this id.',
  })
  @Header('Content-Type', 'application/pdf')
  @ApiPdf('credit note')
  @ApiErrors('NOT_FOUND')
  async pdf(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const note = await this.notes.get(id);
    reply.header('Content-Disposition', `inline; filename="${note.number}.pdf"`);
    return this.notes.pdf(note);
  }
}
