import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  findPage,
  notFound,
  OnTransactionEvent,
  type TransactionEvent,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  SETTLEMENT_STATUSES,
  ReadReplica,
} from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { type InvoiceView } from './dto/invoice.dto.js';
import { toInvoiceView } from './invoice-view.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { InvoiceEntity, type BillTo, type InvoiceLine } from './invoice.entity.js';

export const INVOICE_LIST: ListSpec = {
  resource: 'invoices',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'issuedAt', 'total', 'paymentStatus'],
  defaultSort: ['issuedAt', 'DESC'],
  searchable: true,
  filters: {
    orderId: { type: 'int' },
    bookingId: { type: 'int' },
    paymentStatus: { type: 'enum', values: SETTLEMENT_STATUSES },
    issuedAt_gte: { type: 'date' },
    issuedAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 'i.id',
    number: 'i.number',
    issuedAt: 'i.issuedAt',
    total: 'i.total',
    paymentStatus: 'i.paymentStatus',
    orderId: 'i.orderId',
    bookingId: 'i.bookingId',
  },
  search: ['i.number', 'i.orderNumber'],
  searchConditions: ["i.bill_to->>'email' ILIKE :listQ", "i.bill_to->>'name' ILIKE :listQ"],
};

/** The invoices export's columns (docs/api.md#exports). */
export const INVOICE_CSV: readonly CsvColumn<InvoiceView>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'number', value: (i) => i.number },
  { header: 'issuedAt', value: (i) => i.issuedAt },
  { header: 'orderId', value: (i) => i.orderId },
  { header: 'orderNumber', value: (i) => i.orderNumber },
  { header: 'bookingId', value: (i) => i.bookingId },
  { header: 'billToName', value: (i) => i.billTo?.name },
  { header: 'billToEmail', value: (i) => i.billTo?.email },
  { header: 'currency', value: (i) => i.currency },
  { header: 'subtotal', value: (i) => i.subtotal },
  { header: 'discountTotal', value: (i) => i.discountTotal },
  { header: 'shippingTotal', value: (i) => i.shippingTotal },
  { header: 'taxTotal', value: (i) => i.taxTotal },
  { header: 'total', value: (i) => i.total },
  { header: 'paidAmount', value: (i) => i.paidAmount },
  { header: 'paymentStatus', value: (i) => i.paymentStatus },
];

/** What an invoice is issued from: the order's (or the booking's) snapshot, totals and payment state. */
export interface InvoiceSource {
  orderId: number | null;
  orderNumber: string | null;
  bookingId: number | null;
  issuedAt: Date;
  billTo: BillTo;
  lines: InvoiceLine[];
  currency: string;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  paymentStatus: string;
}

/**
 * One invoice per order, issued in the order's transaction, and one per completed booking, issued
 * in the completing transaction, numbered INV-<year>-<6 digits> from one gapless counter; its
 * payment state follows the order's or booking's in the same transaction. All of it happens on the
 * orders' and services' in-transaction events, which they raise without knowing of invoices.
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
  ) {}

  /** A placed order's invoice, under the id the order reserved for it, from the order's snapshot. */
  @OnTransactionEvent('order.placed')
  async issueForOrder({ manager, payload: order }: TransactionEvent<'order.placed'>): Promise<void> {
    await this.issue(manager, order.invoiceId, {
      orderId: order.orderId,
      orderNumber: order.number,
      bookingId: null,
      issuedAt: order.placedAt,
      billTo: { ...order.shippingAddress, email: order.email },
      lines: order.lines,
      currency: order.currency,
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      shippingTotal: order.shippingTotal,
      taxRateBps: order.taxRateBps,
      taxTotal: order.taxTotal,
      total: order.total,
      paidAmount: order.paidAmount,
      paymentStatus: order.paymentStatus,
    });
  }

  /**
   * An edited order's invoice is revised in the edit's transaction: same number, the order's new
   * lines, address and totals, `revision` + 1 (docs/api.md#draft-orders-and-order-editing).
   */
  @OnTransactionEvent('order.edited')
  async reviseForOrder({ manager, payload: order }: TransactionEvent<'order.edited'>): Promise<void> {
    await manager.query(
      `UPDATE invoices SET revision = revision + 1, bill_to = $2, lines = $3, subtotal = $4, discount_total = $5, shipping_total = $6,
                           tax_rate_bps = $7, tax_total = $8, total = $9
        WHERE order_id = $1`,
      [
        order.orderId,
        JSON.stringify({ ...order.shippingAddress, email: order.email }),
        JSON.stringify(order.lines),
        order.subtotal,
        order.discountTotal,
        order.shippingTotal,
        order.taxRateBps,
        order.taxTotal,
        order.total,
      ],
    );
  }

  /**
   * A completed booking's invoice (docs/api.md#services-and-notifications), under the id the booking reserved for
   * it: one line, the service at the booking's subtotal, with the booking's tax and payment state.
   */
  @OnTransactionEvent('booking.completed')
  async issueForBooking({ manager, payload: booking }: TransactionEvent<'booking.completed'>): Promise<void> {
    await this.issue(manager, booking.invoiceId, {
      orderId: null,
      orderNumber: null,
      bookingId: booking.bookingId,
      issuedAt: booking.completedAt,
      billTo: booking.billTo,
      lines: [
        {
          productId: null,
          variantId: null,
          productName: booking.serviceName,
          sku: '',
          attributes: {},
          unitPrice: booking.subtotal,
          quantity: 1,
          lineTotal: booking.subtotal,
          shippingCost: 0,
        },
      ],
      currency: booking.currency,
      subtotal: booking.subtotal,
      discountTotal: 0,
      shippingTotal: 0,
      taxRateBps: booking.taxRateBps,
      taxTotal: booking.taxTotal,
      total: booking.total,
      paidAmount: booking.paidAmount,
      paymentStatus: booking.paymentStatus,
    });
  }

  /** Keeps a booking's invoice's paid amount and payment status equal to the booking's (a booking not completed yet has none). */
  @OnTransactionEvent('booking.payment_changed')
  async followBookingPayment({ manager, payload }: TransactionEvent<'booking.payment_changed'>): Promise<void> {
    await manager.query('UPDATE invoices SET paid_amount = $2, payment_status = $3 WHERE booking_id = $1', [
      payload.bookingId,
      payload.paidAmount,
      payload.paymentStatus,
    ]);
  }

  /** Keeps the invoice's paid amount and payment status equal to the order's. */
  @OnTransactionEvent('order.payment_changed')
  async followPayment({ manager, payload }: TransactionEvent<'order.payment_changed'>): Promise<void> {
    await manager.query('UPDATE invoices SET paid_amount = $2, payment_status = $3 WHERE order_id = $1', [
      payload.orderId,
      payload.paidAmount,
      payload.paymentStatus,
    ]);
  }

  /**
   * Inserts the invoice unnumbered: its gapless number (INV-<year>-…) is taken when the transaction
   * commits, by the `invoices_number_at_commit` trigger (migration 1765103000000), so the series'
   * counter row is locked only during PostgreSQL's own commit, never across a round trip to the API.
   */
  private async issue(manager: EntityManager, id: number, source: InvoiceSource): Promise<void> {
    await manager.query(
      `INSERT INTO invoices (id, order_id, order_number, issued_at, bill_to, lines, currency, subtotal, discount_total,
                             shipping_total, tax_rate_bps, tax_total, total, paid_amount, payment_status, booking_id)
       OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        id,
        source.orderId,
        source.orderNumber,
        source.issuedAt,
        JSON.stringify(source.billTo),
        JSON.stringify(source.lines),
        source.currency,
        source.subtotal,
        source.discountTotal,
        source.shippingTotal,
        source.taxRateBps,
        source.taxTotal,
        source.total,
        source.paidAmount,
        source.paymentStatus,
        source.bookingId,
      ],
    );
  }

  list(query: ListQuery): Promise<ListPage<InvoiceEntity>> {
    return this.reads.onReplica((manager) => findPage('invoices', manager.createQueryBuilder(InvoiceEntity, 'i'), query, COLUMNS));
  }

  /** Every invoice the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: INVOICE_LIST,
        columns: COLUMNS,
        query: (manager) => manager.createQueryBuilder(InvoiceEntity, 'i'),
        view: (_manager, rows) => rows.map(toInvoiceView),
        csv: INVOICE_CSV,
      },
      query,
    );
  }

  async get(id: number): Promise<InvoiceEntity> {
    const invoice = await this.dataSource.manager.findOneBy(InvoiceEntity, { id });
    if (!invoice) throw notFound('Invoice');
    return invoice;
  }

  async ofOrder(orderId: number): Promise<InvoiceEntity> {
    const invoice = await this.dataSource.manager.findOneBy(InvoiceEntity, { orderId });
    if (!invoice) throw notFound('Invoice');
    return invoice;
  }

  async pdf(invoice: InvoiceEntity): Promise<Buffer> {
    return renderInvoicePdf(invoice, await this.settings.current());
  }
}
