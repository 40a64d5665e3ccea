import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe, notFound, OrderToken, ApiPdf } from '@chance/core';
import { CurrentUser, Public, type Caller } from '@chance/identity';
import { OrderReaderService, orderCredentials, type OrderCredentials } from '@chance/orders';
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
  @ApiOperation({
    summary: 'The credit notes of your order (one per refund), oldest first',
    description:
      'A guest sends the order’s X-Order-Token; a signed-in customer reaches their own order with the bearer token. Another’s order, or a guest order without its right token, is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: [CreditNoteView] })
  @ApiErrors('NOT_FOUND')
  async ofOrder(@Param('id', IdPipe) id: number, @CurrentUser() caller?: Caller, @OrderToken() token?: string): Promise<CreditNoteView[]> {
    await this.reader.reach(id, orderCredentials(caller, token));
    return (await this.notes.ofOrder(id)).map(toCreditNoteView);
  }

  @Get('credit-notes/:id.pdf')
  @Public()
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: 'One of your credit notes, printable', description: 'A guest sends the order’s X-Order-Token.' })
  @ApiPdf('credit note')
  @ApiErrors('NOT_FOUND')
  async pdf(
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() caller?: Caller,
    @OrderToken() token?: string,
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
