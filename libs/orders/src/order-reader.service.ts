import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  STORE_MAX_ROWS,
  findPage,
  listCsvFile,
  loadChildren,
  notFound,
  reachable,
  type CsvColumn,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import type { StreamableFile } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrderView, PaymentView } from './dto/order.dto.js';
import { OrderEntity, OrderLineEntity, PaymentEntity } from './order.entities.js';
import { ORDER_VIEW_STATUSES, PAYMENT_METHODS, PAYMENT_ROW_STATUSES, PAYMENT_VIEW_STATUSES } from './order-rules.js';
import { toOrderView, toPaymentView, type Audience } from './order-view.js';

// every status an answer can carry can be filtered on (none yet may match `returned` or `draft`)
const ORDER_FILTERS = {
  status: { type: 'enum' as const, values: ORDER_VIEW_STATUSES },
  paymentStatus: { type: 'enum' as const, values: PAYMENT_VIEW_STATUSES },
  paymentMethod: { type: 'enum' as const, values: PAYMENT_METHODS },
  placedAt_gte: { type: 'date' as const },
  placedAt_lte: { type: 'date' as const },
};

export const ADMIN_ORDER_LIST: ListSpec = {
  resource: 'orders',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'placedAt', 'total', 'status', 'paymentStatus', 'email'],
  defaultSort: ['placedAt', 'DESC'],
  searchable: true,
  filters: { ...ORDER_FILTERS, customerId: { type: 'int' } },
};

export const STORE_ORDER_LIST: ListSpec = {
  resource: 'orders',
  maxRows: STORE_MAX_ROWS,
  sortable: ['id', 'placedAt', 'total'],
  defaultSort: ['placedAt', 'DESC'],
  filters: { status: ORDER_FILTERS.status },
};

const ORDER_COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 'o.id',
    number: 'o.number',
    placedAt: 'o.placedAt',
    total: 'o.total',
    status: 'o.status',
    paymentStatus: 'o.paymentStatus',
    paymentMethod: 'o.paymentMethod',
    email: 'o.email',
    customerId: 'o.customerId',
  },
  search: ['o.number', 'o.email'],
};

export const PAYMENT_LIST: ListSpec = {
  resource: 'payments',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'paidAt', 'amount', 'method', 'status'],
  defaultSort: ['paidAt', 'DESC'],
  searchable: true,
  filters: {
    orderId: { type: 'int' },
    method: { type: 'enum', values: PAYMENT_METHODS },
    status: { type: 'enum', values: PAYMENT_ROW_STATUSES },
    paidAt_gte: { type: 'date' },
    paidAt_lte: { type: 'date' },
  },
};

const PAYMENT_COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'p.id', paidAt: 'p.paidAt', amount: 'p.amount', method: 'p.method', status: 'p.status', orderId: 'p.orderId' },
  search: ['p.reference'],
};

/** The orders export's columns: the list view's, with the amounts behind its total (docs/api.md#exports). */
export const ORDER_CSV: readonly CsvColumn<OrderView>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'number', value: (o) => o.number },
  { header: 'placedAt', value: (o) => o.placedAt },
  { header: 'email', value: (o) => o.email },
  { header: 'customerId', value: (o) => o.customerId },
  { header: 'status', value: (o) => o.status },
  { header: 'paymentStatus', value: (o) => o.paymentStatus },
  { header: 'paymentMethod', value: (o) => o.paymentMethod },
  { header: 'items', value: (o) => o.lines.reduce((units, line) => units + line.quantity, 0) },
  { header: 'couponCode', value: (o) => o.couponCode },
  { header: 'subtotal', value: (o) => o.subtotal },
  { header: 'discountTotal', value: (o) => o.discountTotal },
  { header: 'shippingTotal', value: (o) => o.shippingTotal },
  { header: 'taxTotal', value: (o) => o.taxTotal },
  { header: 'total', value: (o) => o.total },
  { header: 'paidAmount', value: (o) => o.paidAmount },
  { header: 'balanceDue', value: (o) => o.balanceDue },
];

export const PAYMENT_CSV: readonly CsvColumn<PaymentView>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'paidAt', value: (p) => p.paidAt },
  { header: 'orderId', value: (p) => p.orderId },
  { header: 'amount', value: (p) => p.amount },
  { header: 'method', value: (p) => p.method },
  { header: 'reference', value: (p) => p.reference },
  { header: 'status', value: (p) => p.status },
  { header: 'refundedAmount', value: (p) => p.refundedAmount },
  { header: 'recordedById', value: (p) => p.recordedById },
];

/** Who asks for an order in the store: its customer (bearer) or the holder of the guest order token. */
export interface OrderCredentials {
  userId?: number;
  orderToken?: string;
}

/** The store routes' credentials: the signed-in caller, or the X-Order-Token header of a guest. */
export const orderCredentials = (caller: { id: number } | undefined, token: string | undefined): OrderCredentials => ({
  userId: caller?.id,
  orderToken: token,
});

/** The X-Order-Token header, as every store route that a guest reaches with it documents it. */
/** Reading orders and payments: lists, single orders, and the store's ownership rule (another's order is 404). */
@Injectable()
export class OrderReaderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async listForAdmin(query: ListQuery): Promise<ListPage<OrderView>> {
    return this.reads.onReplica(async (manager) => {
      const page = await findPage('orders', manager.createQueryBuilder(OrderEntity, 'o'), query, ORDER_COLUMNS);
      return this.views(manager, page, 'admin');
    });
  }

  async listForCustomer(userId: number, query: ListQuery): Promise<ListPage<OrderView>> {
    // a draft is the shop's work in progress: its customer sees it once placed
    const qb = this.dataSource.manager.createQueryBuilder(OrderEntity, 'o').where("o.customerId = :userId AND o.status <> 'draft'", { userId });
    const page = await findPage('orders', qb, query, ORDER_COLUMNS);
    return this.views(this.dataSource.manager, page, 'store');
  }

  /** Every order the admin list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: ADMIN_ORDER_LIST,
        columns: ORDER_COLUMNS,
        query: (manager) => manager.createQueryBuilder(OrderEntity, 'o'),
        view: async (manager, rows) => {
          const ids = rows.map((o) => o.id);
          const lines = await this.linesOf(manager, ids);
          const payments = await this.paymentsOf(manager, ids);
          return rows.map((o) => toOrderView(o, lines.get(o.id) ?? [], payments.get(o.id) ?? [], 'admin'));
        },
        csv: ORDER_CSV,
      },
      query,
    );
  }

  /** Every payment the list's filter matches, in its sort, as streamed CSV. */
  exportPaymentsCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: PAYMENT_LIST,
        columns: PAYMENT_COLUMNS,
        query: (manager) => manager.createQueryBuilder(PaymentEntity, 'p'),
        view: (_manager, rows) => rows.map(toPaymentView),
        csv: PAYMENT_CSV,
      },
      query,
    );
  }

  /** An order as the audience sees it, read outside any transaction (committed data), for the controllers. */
  view(id: number, audience: Audience): Promise<OrderView> {
    return this.viewIn(this.dataSource.manager, id, audience);
  }

  /** An order as the audience sees it, read in the caller's transaction. */
  async viewIn(manager: EntityManager, id: number, audience: Audience): Promise<OrderView> {
    const order = await manager.findOneBy(OrderEntity, { id });
    if (!order) throw notFound('Order');
    // sequential: `manager` may be a transaction, whose one connection takes one query at a time
    const lines = await this.linesOf(manager, [id]);
    const payments = await this.paymentsOf(manager, audience === 'admin' ? [id] : []);
    return toOrderView(order, lines.get(id) ?? [], payments.get(id) ?? [], audience);
  }

  /** The order when the credentials reach it, otherwise 404 exactly as if it did not exist; outside any transaction, for the controllers. */
  reach(id: number, credentials: OrderCredentials): Promise<{ id: number; customerId: number | null }> {
    return this.reachIn(this.dataSource.manager, id, credentials);
  }

  /** The order when the credentials reach it, otherwise 404 exactly as if it did not exist; in the caller's transaction. */
  async reachIn(manager: EntityManager, id: number, credentials: OrderCredentials): Promise<{ id: number; customerId: number | null }> {
    const [row] = await manager.query(`SELECT id, customer_id, access_token_hash FROM orders WHERE id = $1 AND status <> 'draft'`, [id]);
    if (!row || !reachable({ ownerId: row.customer_id, tokenHash: row.access_token_hash }, { userId: credentials.userId, token: credentials.orderToken })) {
      throw notFound('Order');
    }
    return { id: row.id, customerId: row.customer_id };
  }

  async listPayments(query: ListQuery): Promise<ListPage<PaymentView>> {
    const page = await this.reads.onReplica((manager) => findPage('payments', manager.createQueryBuilder(PaymentEntity, 'p'), query, PAYMENT_COLUMNS));
    return page.map(toPaymentView);
  }

  async payment(id: number): Promise<PaymentView> {
    const payment = await this.dataSource.manager.findOneBy(PaymentEntity, { id });
    if (!payment) throw notFound('Payment');
    return toPaymentView(payment);
  }

  private async views(manager: EntityManager, page: ListPage<OrderEntity>, audience: Audience): Promise<ListPage<OrderView>> {
    const ids = page.rows.map((o) => o.id);
    const [lines, payments] = await Promise.all([this.linesOf(manager, ids), this.paymentsOf(manager, audience === 'admin' ? ids : [])]);
    return page.map((o) => toOrderView(o, lines.get(o.id) ?? [], payments.get(o.id) ?? [], audience));
  }

  private linesOf(manager: EntityManager, orderIds: number[]): Promise<Map<number, OrderLineEntity[]>> {
    return loadChildren(manager, OrderLineEntity, 'orderId', orderIds);
  }

  private paymentsOf(manager: EntityManager, orderIds: number[]): Promise<Map<number, PaymentEntity[]>> {
    return loadChildren(manager, PaymentEntity, 'orderId', orderIds);
  }
}
