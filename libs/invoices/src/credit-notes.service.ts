import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DOCUMENT_SERIES,
  documentNumberSql,
  findPage,
  notFound,
  OnTransactionEvent,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  type TransactionEvent,
} from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource } from 'typeorm';
import { renderCreditNotePdf } from './credit-note-pdf.js';
import { CreditNoteEntity } from './credit-note.entity.js';

export const CREDIT_NOTE_LIST: ListSpec = {
  resource: 'credit-notes',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'issuedAt', 'total'],
  defaultSort: ['issuedAt', 'DESC'],
  searchable: true,
  filters: {
    orderId: { type: 'int' },
    offlineSaleId: { type: 'int' },
    bookingId: { type: 'int' },
    invoiceId: { type: 'int' },
    refundId: { type: 'int' },
    returnId: { type: 'int' },
    issuedAt_gte: { type: 'date' },
    issuedAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 'c.id',
    number: 'c.number',
    issuedAt: 'c.issuedAt',
    total: 'c.total',
    orderId: 'c.orderId',
    offlineSaleId: 'c.offlineSaleId',
    bookingId: 'c.bookingId',
    invoiceId: 'c.invoiceId',
    refundId: 'c.refundId',
    returnId: 'c.returnId',
  },
  search: ['c.number', 'c.recordNumber'],
  searchConditions: ["c.bill_to->>'name' ILIKE :listQ", "c.bill_to->>'email' ILIKE :listQ"],
};

/**
 * Credit notes (docs/api.md#refunds-and-returns): exactly one per succeeded refund, issued in the refund's
 * transaction on the refunds library's `refund.succeeded`, under the id the refund reserved for
 * it, numbered CN-<year>-<6 digits> from a gapless counter like invoices, and addressed to the
 * record's invoice when it has one (an order's; a booking's once it is completed).
 */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** Numbers and inserts the credit note in one statement, the refund's last: the counter row it locks is held until commit. */
  @OnTransactionEvent('refund.succeeded')
  async issue({ manager, payload: p }: TransactionEvent<'refund.succeeded'>): Promise<void> {
    await manager.query(
      `WITH ${CREDIT_NOTE_NUMBER.with}
       INSERT INTO credit_notes (id, number, invoice_id, order_id, offline_sale_id, booking_id, refund_id, return_id, record_number, customer_id,
                                 issued_at, bill_to, currency, tax_rate_bps, reason, lines, subtotal, discount_total, shipping_total, tax_total, total)
       OVERRIDING SYSTEM VALUE
       SELECT $1, ${CREDIT_NOTE_NUMBER.number}, (SELECT id FROM invoices WHERE order_id = $3 OR booking_id = $5), $3, $4, $5, $6, $7, $8, $9,
              $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20
         FROM next_number`,
      [
        p.creditNoteId,
        p.issuedAt.getUTCFullYear(),
        p.orderId,
        p.offlineSaleId,
        p.bookingId,
        p.refundId,
        p.returnId,
        p.recordNumber,
        p.customerId,
        p.issuedAt,
        JSON.stringify(p.billTo),
        p.currency,
        p.content.taxRateBps,
        p.reason,
        JSON.stringify(p.content.lines),
        p.content.subtotal,
        p.content.discountTotal,
        p.content.shippingTotal,
        p.content.taxTotal,
        p.total,
      ],
    );
  }

  list(query: ListQuery): Promise<ListPage<CreditNoteEntity>> {
    return findPage('credit-notes', this.dataSource.manager.createQueryBuilder(CreditNoteEntity, 'c'), query, COLUMNS);
  }

  async get(id: number): Promise<CreditNoteEntity> {
    const note = await this.dataSource.manager.findOneBy(CreditNoteEntity, { id });
    if (!note) throw notFound('Credit note');
    return note;
  }

  /** An order's credit notes, oldest first. */
  ofOrder(orderId: number): Promise<CreditNoteEntity[]> {
    return this.dataSource.manager.find(CreditNoteEntity, { where: { orderId }, order: { id: 'ASC' } });
  }

  async pdf(note: CreditNoteEntity): Promise<Buffer> {
    return renderCreditNotePdf(note, await this.settings.current());
  }
}

const CREDIT_NOTE_NUMBER = documentNumberSql(DOCUMENT_SERIES.creditNote, '$2::int');
