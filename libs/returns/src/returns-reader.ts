import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  STORE_MAX_ROWS,
  findPage,
  loadChildren,
  notFound,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  ReadReplica,
  type CsvColumn,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { RefundView, ReturnView } from './dto/returns.dto.js';
import { REFUND_METHODS } from './dto/returns.dto.js';
import { returnRefundAmount, returnTotal } from './refund-amounts.js';
import { RefundableRecords, refKey, refOf } from './refundable-records.js';
import { OPEN_RETURN_STATUSES, RETURN_STATUSES } from './return-rules.js';
import { RefundEntity, ReturnEntity, ReturnLineEntity } from './returns.entities.js';

export type Audience = 'admin' | 'store';

export const RETURN_LIST: ListSpec = {
  resource: 'returns',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'requestedAt', 'status', 'refundedAt'],
  defaultSort: ['requestedAt', 'DESC'],
  searchable: true,
  filters: {
    status: { type: 'enum', values: RETURN_STATUSES },
    source: { type: 'enum', values: ['store', 'admin'] },
    orderId: { type: 'int' },
    offlineSaleId: { type: 'int' },
    customerId: { type: 'int' },
    requestedAt_gte: { type: 'date' },
    requestedAt_lte: { type: 'date' },
  },
};

export const STORE_RETURN_LIST: ListSpec = {
  resource: 'returns',
  maxRows: STORE_MAX_ROWS,
  sortable: ['id', 'requestedAt'],
  defaultSort: ['requestedAt', 'DESC'],
  filters: { status: { type: 'enum', values: RETURN_STATUSES }, orderId: { type: 'int' } },
};

const RETURN_COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 'r.id',
    number: 'r.number',
    requestedAt: 'r.requestedAt',
    refundedAt: 'r.refundedAt',
    status: 'r.status',
    source: 'r.source',
    orderId: 'r.orderId',
    offlineSaleId: 'r.offlineSaleId',
    customerId: 'r.customerId',
  },
  search: ['r.number', 'r.recordNumber'],
};

export const REFUND_LIST: ListSpec = {
  resource: 'refunds',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'createdAt', 'refundedAt', 'amount', 'status'],
  defaultSort: ['createdAt', 'DESC'],
  searchable: true,
  filters: {
    orderId: { type: 'int' },
    offlineSaleId: { type: 'int' },
    bookingId: { type: 'int' },
    returnId: { type: 'int' },
    status: { type: 'enum', values: ['pending', 'succeeded', 'failed'] },
    method: { type: 'enum', values: REFUND_METHODS },
    kind: { type: 'enum', values: ['direct', 'return', 'cancellation'] },
    refundedAt_gte: { type: 'date' },
    refundedAt_lte: { type: 'date' },
  },
};

const REFUND_COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 'f.id',
    number: 'f.number',
    createdAt: 'f.createdAt',
    refundedAt: 'f.refundedAt',
    amount: 'f.amount',
    status: 'f.status',
    method: 'f.method',
    kind: 'f.kind',
    orderId: 'f.orderId',
    offlineSaleId: 'f.offlineSaleId',
    bookingId: 'f.bookingId',
    returnId: 'f.returnId',
  },
  search: ['f.number', 'f.recordNumber', 'f.reference', 'f.reason'],
};

export const toRefundView = (f: RefundEntity): RefundView => ({
  id: f.id,
  number: f.number,
  orderId: f.orderId,
  offlineSaleId: f.offlineSaleId,
  bookingId: f.bookingId,
  returnId: f.returnId,
  recordNumber: f.recordNumber,
  kind: f.kind,
  paymentId: f.paymentId,
  amount: f.amount,
  method: f.method,
  reference: f.reference,
  reason: f.reason,
  status: f.status,
  failureReason: f.failureReason,
  creditNoteId: f.status === 'succeeded' ? f.creditNoteId : null,
  refundedAt: f.refundedAt,
  createdAt: f.createdAt,
  recordedById: f.recordedById,
});

/** The refunds export's columns (docs/api.md#exports). */
export const REFUND_CSV: readonly CsvColumn<RefundView>[] = [
  { header: 'id', value: (f) => f.id },
  { header: 'number', value: (f) => f.number },
  { header: 'createdAt', value: (f) => f.createdAt },
  { header: 'refundedAt', value: (f) => f.refundedAt },
  { header: 'kind', value: (f) => f.kind },
  { header: 'recordNumber', value: (f) => f.recordNumber },
  { header: 'orderId', value: (f) => f.orderId },
  { header: 'offlineSaleId', value: (f) => f.offlineSaleId },
  { header: 'bookingId', value: (f) => f.bookingId },
  { header: 'returnId', value: (f) => f.returnId },
  { header: 'amount', value: (f) => f.amount },
  { header: 'method', value: (f) => f.method },
  { header: 'status', value: (f) => f.status },
  { header: 'reference', value: (f) => f.reference },
  { header: 'reason', value: (f) => f.reason },
  { header: 'failureReason', value: (f) => f.failureReason },
  { header: 'creditNoteId', value: (f) => f.creditNoteId },
  { header: 'recordedById', value: (f) => f.recordedById },
];

/** Reading returns and refunds: lists, single records, and the store's ownership rule (another's is 404). */
@Injectable()
export class ReturnsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RefundableRecords,
    private readonly reads: ReadReplica,
  ) {}

  /** A customer's own list reads the primary (their return just asked for is in it); the back office's may be a moment old (the read replica). */
  list(query: ListQuery, audience: Audience, customerId?: number): Promise<ListPage<ReturnView>> {
    const read = async (manager: EntityManager) => {
      const qb = manager.createQueryBuilder(ReturnEntity, 'r');
      if (customerId !== undefined) qb.where('r.customerId = :customerId', { customerId });
      const page = await findPage('returns', qb, query, RETURN_COLUMNS);
      const views = new Map((await this.views(manager, page.rows, audience)).map((v) => [v.id, v]));
      return page.map((r) => views.get(r.id)!);
    };
    return customerId === undefined ? this.reads.onReplica(read) : read(this.dataSource.manager);
  }

  /** The returns of one record (the store's order page), oldest first. */
  async ofOrder(orderId: number, audience: Audience): Promise<ReturnView[]> {
    const rows = await this.dataSource.manager.find(ReturnEntity, { where: { orderId }, order: { id: 'ASC' } });
    return this.views(this.dataSource.manager, rows, audience);
  }

  /** A return, committed data, for the controllers; with `customerId`, only that customer's (another's is 404). */
  view(id: number, audience: Audience, customerId?: number): Promise<ReturnView> {
    return this.viewIn(this.dataSource.manager, id, audience, customerId);
  }

  /** A return, in the caller's transaction. */
  async viewIn(manager: EntityManager, id: number, audience: Audience, customerId?: number): Promise<ReturnView> {
    const row = await manager.findOneBy(ReturnEntity, { id });
    if (!row || (customerId !== undefined && row.customerId !== customerId)) throw notFound('Return');
    return (await this.views(manager, [row], audience))[0];
  }

  /** The order a return belongs to (null for an in-store sale's), or 404. */
  async orderOf(id: number): Promise<number | null> {
    const row = await this.dataSource.manager.findOneBy(ReturnEntity, { id });
    if (!row) throw notFound('Return');
    return row.orderId;
  }

  async listRefunds(query: ListQuery): Promise<ListPage<RefundView>> {
    const page = await this.reads.onReplica((manager) => findPage('refunds', manager.createQueryBuilder(RefundEntity, 'f'), query, REFUND_COLUMNS));
    return page.map(toRefundView);
  }

  /** Every refund the list's filter matches, in its sort, as streamed CSV. */
  exportRefundsCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: REFUND_LIST,
        columns: REFUND_COLUMNS,
        query: (manager) => manager.createQueryBuilder(RefundEntity, 'f'),
        view: (_manager, rows) => rows.map(toRefundView),
        csv: REFUND_CSV,
      },
      query,
    );
  }

  async refund(id: number): Promise<RefundView> {
    const refund = await this.dataSource.manager.findOneBy(RefundEntity, { id });
    if (!refund) throw notFound('Refund');
    return toRefundView(refund);
  }

  /** Views of many returns: their lines, and for the open ones what a refund would give back now (a handful of queries per page). */
  private async views(manager: EntityManager, rows: ReturnEntity[], audience: Audience): Promise<ReturnView[]> {
    const ids = rows.map((r) => r.id);
    const lines = await loadChildren(manager, ReturnLineEntity, 'returnId', ids);
    const open = rows.filter((r) => OPEN_RETURN_STATUSES.includes(r.status));
    const balances = await this.records.balances(manager, open.map(refOf));
    const given: { return_id: number; amount: string }[] = open.length
      ? await manager.query(`SELECT return_id, sum(amount) AS amount FROM refunds WHERE return_id = ANY($1) AND status = 'succeeded' GROUP BY return_id`, [
          open.map((r) => r.id),
        ])
      : [];
    const givenBy = new Map(given.map((g) => [g.return_id, Number(g.amount)]));
    return rows.map((r) => {
      const total = returnTotal(r);
      let refundAmount: number | null = null;
      if (r.status === 'refunded') refundAmount = r.refundAmount;
      else if (OPEN_RETURN_STATUSES.includes(r.status)) {
        const balance = balances.get(refKey(refOf(r))) ?? { paid: 0, refunded: 0, cancelled: true };
        refundAmount = returnRefundAmount(total, givenBy.get(r.id) ?? 0, balance);
      }
      return {
        id: r.id,
        number: r.number,
        orderId: r.orderId,
        offlineSaleId: r.offlineSaleId,
        recordNumber: r.recordNumber,
        customerId: r.customerId,
        status: r.status,
        source: r.source,
        lines: (lines.get(r.id) ?? []).map((l) => ({
          lineId: l.lineId,
          ...(audience === 'admin' ? { variantId: l.variantId } : {}),
          productName: l.productName,
          sku: l.sku,
          attributes: l.attributes,
          unitPrice: l.unitPrice,
          ...(audience === 'admin' ? { costPrice: l.costPrice } : {}),
          quantity: l.quantity,
          lineTotal: l.unitPrice * l.quantity,
          reason: l.reason,
          restock: l.restock,
        })),
        subtotal: r.subtotal,
        discountTotal: r.discountTotal,
        shippingTotal: r.shippingTotal,
        taxTotal: r.taxTotal,
        total,
        refundAmount,
        rejectReason: r.rejectReason,
        requestedAt: r.requestedAt,
        approvedAt: r.approvedAt,
        receivedAt: r.receivedAt,
        refundedAt: r.refundedAt,
        closedAt: r.closedAt,
        refundId: r.refundId,
        ...(audience === 'admin' ? { createdById: r.createdById } : {}),
      };
    });
  }
}
