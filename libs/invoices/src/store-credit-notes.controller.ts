import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe, notFound } from '@chance/core';
import { CurrentUser, Public, type Caller } from '@chance/identity';
import { ORDER_TOKEN_HEADER, OrderReaderService, orderCredentials, type OrderCredentials } from '@chance/orders';
import type { FastifyReply } from 'fastify';
import type { CreditNoteEntity } from './credit-note.entity.js';
import { CreditNoteView, toCreditNoteView } from './credit-note.view.js';
import { CreditNotesService } from './credit-notes.service.js';

/** A customer's own credit notes (a guest's with the order's token); anyone else's are 404. */
@ApiTags('store: checkout and orders')
@Controller('store')
export class StoreCreditNotesController {
  constructor(
    private readonly reader: OrderReaderService,
    private readonly notes: CreditNotesService,
  ) {}

  @Get('orders/:id/credit-notes')
  @Public()
  @ApiHeader(ORDER_TOKEN_HEADER)
  @ApiOperation({ summary: 'The credit notes of your order (one per refund), oldest first' })
  @ApiResponse({ status: 200, type: [CreditNoteView] })
  @ApiErrors('NOT_FOUND')
  async ofOrder(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @Headers('x-order-token') token?: string): Promise<CreditNoteView[]> {
    await this.reader.reach(id, orderCredentials(caller, token));
    return (await this.notes.ofOrder(id)).map(toCreditNoteView);
  }

  @Get('credit-notes/:id.pdf')
  @Public()
  @ApiHeader(ORDER_TOKEN_HEADER)
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'One of your credit notes, printable', description: 'A guest sends the order’s X-Order-Token.' })
  @ApiResponse({ status: 200, description: 'The printable credit note' })
  @ApiErrors('NOT_FOUND')
  async pdf(
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @Headers('x-order-token') token?: string,
  ): Promise<Buffer> {
    const note = await this.reachable(id, orderCredentials(caller, token));
    reply.header('Content-Disposition', `inline; filename="${note.number}.pdf"`);
    return this.notes.pdf(note);
  }

  /** The credit note when the caller may see its record (the order's credentials, or the booking's customer), otherwise 404. */
  private async reachable(id: number, who: OrderCredentials): Promise<CreditNoteEntity> {
    const note = await this.notes.get(id);
    if (note.orderId !== null) {
      await this.reader.reach(note.orderId, who).catch(() => {
        throw notFound('Credit note');
      });
      return note;
    }
    if (note.customerId !== null && note.customerId === who.userId) return note;
    throw notFound('Credit note');
  }
}
