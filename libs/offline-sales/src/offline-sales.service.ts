import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { moveStock, variantSnapshots, variantThumbnails } from '@chance/catalog';
import {
  DOCUMENT_SERIES,
  nextDocumentNumber,
  ADMIN_MAX_ROWS,
  DomainError,
  DomainEventBus,
  computeTotals,
  costOfGoods,
  discountOfCoupon,
  findPage,
  idempotent,
  inTransaction,
  loadChildren,
  notFound,
  parseInstant,
  derivePaymentState,
  type PaymentLedger,
  paymentRefusal,
  paymentRefused,
  publish,
  requestHash,
  settle,
  type PaymentRefusal,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type IdempotentResult,
  type ListSpec,
  invalidTransition,
  listCsvFile,
  type CsvColumn,
  SETTLEMENT_STATUSES,
  ReadReplica,
} from '@chance/core';
import { CouponsService, isKnownShopper, type Coupon, type Shopper } from '@chance/coupons';
import { emailOf } from '@chance/identity';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { type CreateOfflineSaleDto, type OfflineSaleView, type SalePaymentDto } from './dto/offline-sales.dto.js';
import { OfflineSaleEntity, OfflineSaleLineEntity, OfflineSalePaymentEntity } from './offline-sales.entities.js';
import { renderReceiptPdf, type ReceiptCustomer } from './receipt-pdf.js';
import { discountRefusal, walkInRefusal } from './sale-rules.js';

/** A sale's payments as the settlement rules read them. */
function salePaymentsOf(manager: EntityManager, saleId: number): Promise<{ amount: number; refundedAmount: number }[]> {
  return manager.query('SELECT amount, refunded_amount AS "refundedAmount" FROM offline_sale_payments WHERE sale_id = $1', [saleId]);
}

/** Where a sale's payment state lives: its payment rows, and its own paid and refunded amounts and payment status. */
const SALE_PAYMENTS: PaymentLedger = {
  paymentsOf: salePaymentsOf,
  write: (manager, id, state) =>
    manager.query('UPDATE offline_sales SET paid_amount = $2, refunded_amount = $3, payment_status = $4, updated_at = now() WHERE id = $1', [
      id,
      state.paidAmount,
      state.refundedAmount,
      state.paymentStatus,
    ]),
};

/** How receipts and credit notes name the buyer of a walk-in sale. */
export const WALK_IN = { id: null, name: 'Walk-in customer', phone: '', email: null, address: null };

export const OFFLINE_SALE_LIST: ListSpec = {
  resource: 'offline-sales',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'soldAt', 'total', 'paymentStatus', 'status'],
  defaultSort: ['soldAt', 'DESC'],
  searchable: true,
  filters: {
    customerId: { type: 'int' },
    walkIn: { type: 'boolean' },
    status: { type: 'enum', values: ['completed', 'cancelled'] },
    paymentStatus: { type: 'enum', values: SETTLEMENT_STATUSES },
    soldAt_gte: { type: 'date' },
    soldAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: {
    id: 's.id',
    number: 's.number',
    soldAt: 's.soldAt',
    total: 's.total',
    paymentStatus: 's.paymentStatus',
    status: 's.status',
    customerId: 's.customerId',
  },
  search: ['s.number', 's.couponCode'],
  searchConditions: ['s.customer_id IN (SELECT id FROM offline_customers WHERE name ILIKE :listQ OR phone ILIKE :listQ)'],
  custom: { walkIn: (qb, value) => qb.andWhere(value ? 's.customerId IS NULL' : 's.customerId IS NOT NULL') },
};

/** The in-store sales export's columns (docs/api.md#exports). */
export const OFFLINE_SALE_CSV: readonly CsvColumn<OfflineSaleView>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'number', value: (s) => s.number },
  { header: 'soldAt', value: (s) => s.soldAt },
  { header: 'customerId', value: (s) => s.customerId },
  { header: 'status', value: (s) => s.status },
  { header: 'paymentStatus', value: (s) => s.paymentStatus },
  { header: 'items', value: (s) => s.lines.reduce((units, line) => units + line.quantity, 0) },
  { header: 'subtotal', value: (s) => s.subtotal },
  { header: 'discount', value: (s) => s.discount },
  { header: 'couponCode', value: (s) => s.couponCode },
  { header: 'taxTotal', value: (s) => s.taxTotal },
  { header: 'total', value: (s) => s.total },
  { header: 'paidAmount', value: (s) => s.paidAmount },
  { header: 'refundedAmount', value: (s) => s.refundedAmount },
  { header: 'balance', value: (s) => s.balance },
];

/**
 * Sales over the counter (docs/api.md#in-store-sales): snapshot lines, the shared totals function with the
 * store's tax, stock taken at once through the ledger, payments that can never exceed the total
 * (row lock plus a CHECK constraint), derived paid amount, balance and payment status.
 */
@Injectable()
export class OfflineSalesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
    private readonly events: DomainEventBus,
    private readonly coupons: CouponsService,
  ) {}

  list(query: ListQuery): Promise<ListPage<OfflineSaleView>> {
    return this.reads.onReplica((manager) => this.listOn(manager, query));
  }

  private async listOn(manager: EntityManager, query: ListQuery): Promise<ListPage<OfflineSaleView>> {
    const page = await findPage('offline-sales', manager.createQueryBuilder(OfflineSaleEntity, 's'), query, COLUMNS);
    const ids = page.rows.map((s) => s.id);
    const [lines, payments] = await Promise.all([
      loadChildren(manager, OfflineSaleLineEntity, 'saleId', ids),
      loadChildren(manager, OfflineSalePaymentEntity, 'saleId', ids),
    ]);
    return page.map((s) => toView(s, lines.get(s.id) ?? [], payments.get(s.id) ?? []));
  }

  /** Every sale the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: OFFLINE_SALE_LIST,
        columns: COLUMNS,
        query: (manager) => manager.createQueryBuilder(OfflineSaleEntity, 's'),
        view: async (manager, rows) => {
          const ids = rows.map((s) => s.id);
          const lines = await loadChildren(manager, OfflineSaleLineEntity, 'saleId', ids);
          const payments = await loadChildren(manager, OfflineSalePaymentEntity, 'saleId', ids);
          return rows.map((s) => toView(s, lines.get(s.id) ?? [], payments.get(s.id) ?? []));
        },
        csv: OFFLINE_SALE_CSV,
      },
      query,
    );
  }

  /** A sale, read outside any transaction (committed data), for the controller and the receipt. */
  view(id: number): Promise<OfflineSaleView> {
    return this.viewIn(this.dataSource.manager, id);
  }

  /** A sale, read in the caller's transaction. */
  async viewIn(manager: EntityManager, id: number): Promise<OfflineSaleView> {
    const sale = await manager.findOneBy(OfflineSaleEntity, { id });
    if (!sale) throw notFound('Sale');
    const lines = await loadChildren(manager, OfflineSaleLineEntity, 'saleId', [id]);
    const payments = await loadChildren(manager, OfflineSalePaymentEntity, 'saleId', [id]);
    return toView(sale, lines.get(id) ?? [], payments.get(id) ?? []);
  }

  /** With an Idempotency-Key, a retried request (after a lost answer) records the sale once. */
  createOnce(input: CreateOfflineSaleDto, actorId: number, idempotencyKey: string): Promise<IdempotentResult<OfflineSaleView>> {
    return inTransaction(this.dataSource, (manager) =>
      idempotent(manager, { scope: `offline-sale:${actorId}`, key: idempotencyKey, hash: requestHash(input) }, async () => ({
        status: 201,
        body: await this.record(manager, input, actorId),
      })),
    );
  }

  create(input: CreateOfflineSaleDto, actorId: number): Promise<OfflineSaleView> {
    return inTransaction(this.dataSource, (manager) => this.record(manager, input, actorId));
  }

  private async record(manager: EntityManager, input: CreateOfflineSaleDto, actorId: number): Promise<OfflineSaleView> {
    const discountError = discountRefusal(input);
    if (discountError) throw validationFailed(discountError);
    const customer = input.customerId === undefined ? null : await this.customerOf(manager, input.customerId);
    const byId = await variantSnapshots(
      manager,
      input.lines.map((l) => l.variantId),
    );
    const missing = input.lines.findIndex((l) => !byId.has(l.variantId));
    if (missing >= 0) throw validationFailed({ [`lines.${missing}.variantId`]: 'does not exist' });
    const lines = input.lines.map((l) => ({ ...l, variant: byId.get(l.variantId)!, unitPrice: l.unitPrice ?? byId.get(l.variantId)!.price }));
    const subtotal = computeTotals(lines, null, 0).subtotal;
    const discount = input.discount ?? 0;
    if (discount > subtotal) throw validationFailed({ discount: 'must not exceed the subtotal' });
    // a coupon: the same rules as online, checked under the buyer's lock (coupons.usableByCode)
    const shopper = await this.shopperOf(manager, customer);
    const coupon = input.couponCode === undefined ? null : await this.couponFor(manager, input.couponCode, subtotal, shopper);
    const { taxRateBps } = await this.settings.currentIn(manager);
    const totals = computeTotals(lines, coupon ? discountOfCoupon(coupon) : { type: 'fixed', value: discount }, taxRateBps);
    const paid = input.paidAmount ?? 0;
    const refusal = paid > 0 ? paymentRefusal(paid, { total: totals.total, cancelled: false, payments: [] }) : null;
    if (refusal) throw await this.refused(manager, refusal, 'paidAmount');
    const walkIn = walkInRefusal({ customerId: input.customerId, paidAmount: paid, total: totals.total });
    if (walkIn) throw validationFailed(walkIn);

    // a walk-in sale is paid in full from its first row on (a CHECK); its payment row follows below
    const initiallyPaid = input.customerId === undefined ? totals.total : 0;
    const number = await nextDocumentNumber(manager, DOCUMENT_SERIES.offlineSale);
    try {
      await moveStock(
        manager,
        lines.map((l) => ({ variantId: l.variantId, delta: -l.quantity })),
        { reason: 'offline_sale', reference: number, actorId },
      );
    } catch (error) {
      throw shortLine(error, lines);
    }
    const [{ id }] = await manager.query(
      `INSERT INTO offline_sales (number, customer_id, sold_at, subtotal, discount, tax_rate_bps, tax_total, total, paid_amount, payment_status, created_by_id,
                                  cost_of_goods, coupon_id, coupon_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $12, $9, $10, $11, $13, $14) RETURNING id`,
      [
        number,
        input.customerId ?? null,
        input.soldAt ? parseInstant(input.soldAt) : new Date(),
        totals.subtotal,
        totals.discountTotal,
        taxRateBps,
        totals.taxTotal,
        totals.total,
        settle(totals.total, initiallyPaid).paymentStatus,
        actorId,
        costOfGoods(lines.map((l) => ({ costPrice: l.variant.costPrice, quantity: l.quantity }))),
        initiallyPaid,
        coupon?.id ?? null,
        coupon?.code ?? null,
      ],
    );
    const thumbnails = await variantThumbnails(
      manager,
      lines.map((l) => l.variantId),
    );
    await manager.query(
      `INSERT INTO offline_sale_lines (sale_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, quantity, line_total, thumbnail_url)
       SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS l(product_id int, variant_id int, product_name text, sku text, attributes jsonb,
              unit_price int, cost_price int, quantity int, line_total int, thumbnail_url text)`,
      [
        id,
        JSON.stringify(
          lines.map((l, i) => ({
            product_id: l.variant.productId,
            variant_id: l.variantId,
            product_name: l.variant.productName,
            sku: l.variant.sku,
            attributes: l.variant.attributes,
            unit_price: l.unitPrice,
            cost_price: l.variant.costPrice,
            quantity: l.quantity,
            line_total: totals.lineTotals[i],
            thumbnail_url: thumbnails.get(l.variantId) ?? null,
          })),
        ),
      ],
    );
    if (paid > 0) await this.pay(manager, id, { amount: paid, method: input.paymentMethod ?? 'cash' }, actorId);
    // the coupon row stays locked until commit: its use is counted last, as at checkout
    if (coupon) await this.coupons.redeem(manager, coupon.id, { offlineSaleId: id }, shopper);
    await publish(manager, 'offline_sale.created', { saleId: id, number, customerId: input.customerId ?? null, total: totals.total });
    return this.viewIn(manager, id);
  }

  /** One more payment; with an Idempotency-Key, a retried request (after a lost answer) records it once. */
  addPayment(id: number, input: SalePaymentDto, actorId: number, key?: string): Promise<IdempotentResult<OfflineSaleView>> {
    return inTransaction(this.dataSource, async (manager) => {
      const work = async () => {
        await this.pay(manager, id, input, actorId);
        const body = await this.viewIn(manager, id);
        await publish(manager, 'offline_sale.updated', { saleId: id, number: body.number, change: 'payment' });
        return { status: 201, body };
      };
      if (key === undefined) return { ...(await work()), replayed: false };
      return idempotent(manager, { scope: `offline-sale-payment:${id}:staff:${actorId}`, key, hash: requestHash(input) }, work);
    });
  }

  /**
   * Returns the stock; a cancelled sale owes nothing and takes no more payments. What was paid goes
   * back through refunds, raised in the transaction (`offline_sale.cancelled`: the refunds library
   * records a refund of every payment, each with its credit note, or refuses the cancellation).
   */
  cancel(id: number, actorId: number): Promise<OfflineSaleView> {
    return inTransaction(this.dataSource, async (manager) => {
      const sale = await this.lock(manager, id);
      if (sale.status === 'cancelled') throw invalidTransition('This sale is already cancelled');
      const lines: { variant_id: number; quantity: number }[] = await manager.query('SELECT variant_id, quantity FROM offline_sale_lines WHERE sale_id = $1', [
        id,
      ]);
      await moveStock(
        manager,
        lines.map((l) => ({ variantId: l.variant_id, delta: l.quantity })),
        { reason: 'offline_sale_cancelled', reference: sale.number, actorId, skipMissing: true },
      );
      await manager.query(`UPDATE offline_sales SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.derivePayments(manager, { id, total: sale.total, cancelled: true });
      if (sale.couponId !== null) await this.coupons.release(manager, { offlineSaleId: id });
      await publish(manager, 'offline_sale.updated', { saleId: id, number: sale.number, change: 'cancelled' });
      await this.events.raise(manager, 'offline_sale.cancelled', { saleId: id, number: sale.number });
      return this.viewIn(manager, id);
    });
  }

  async receipt(id: number): Promise<Buffer> {
    const sale = await this.view(id);
    const store = await this.settings.current();
    const [customer = WALK_IN]: ReceiptCustomer[] = await this.dataSource.query('SELECT name, phone, email, address FROM offline_customers WHERE id = $1', [
      sale.customerId,
    ]);
    return renderReceiptPdf(sale, customer, store);
  }

  /** The sale's in-store customer, share-locked (a link to an account cannot change under the sale); 400 on customerId when there is none. */
  private async customerOf(manager: EntityManager, id: number): Promise<{ id: number; email: string | null; userId: number | null }> {
    const [customer] = await manager.query('SELECT id, email, user_id AS "userId" FROM offline_customers WHERE id = $1 FOR SHARE', [id]);
    if (!customer) throw validationFailed({ customerId: 'does not exist' });
    return customer;
  }

  /**
   * Who uses a coupon at the counter: the in-store customer, with the account it is linked to
   * (whose e-mail then counts, as online); a walk-in sale's shopper is unknown.
   */
  private async shopperOf(manager: EntityManager, customer: { id: number; email: string | null; userId: number | null } | null): Promise<Shopper> {
    if (!customer) return { customerId: null, email: null, offlineCustomerId: null };
    const accountEmail = customer.userId === null ? null : await emailOf(manager, customer.userId);
    return { customerId: customer.userId, email: accountEmail ?? customer.email, offlineCustomerId: customer.id };
  }

  /**
   * The coupon by its code with every rule of docs/api.md#coupons (refusals with the same codes as
   * online), checked under the buyer's lock. A per-customer limit cannot be counted for a walk-in
   * sale: such a coupon needs the customer (400 on customerId).
   */
  private async couponFor(manager: EntityManager, code: string, subtotal: number, shopper: Shopper): Promise<Coupon> {
    const coupon = await this.coupons.usableByCode(manager, code, subtotal, shopper, 'couponCode');
    if (coupon.perCustomerLimit !== null && !isKnownShopper(shopper)) {
      throw validationFailed({ customerId: 'this coupon is limited per customer: the sale needs its customer' });
    }
    return coupon;
  }

  /** One payment on the locked sale: the shared rule (never beyond the total: 409 OVERPAYMENT; never on a cancelled sale). */
  private async pay(
    manager: EntityManager,
    id: number,
    input: { amount: number; method: string; paidAt?: string; note?: string },
    actorId: number,
  ): Promise<void> {
    const sale = await this.lock(manager, id);
    const payments = await salePaymentsOf(manager, id);
    const refusal = paymentRefusal(input.amount, { total: sale.total, cancelled: sale.status === 'cancelled', payments });
    if (refusal) throw await this.refused(manager, refusal);
    await manager.query('INSERT INTO offline_sale_payments (sale_id, amount, method, paid_at, note, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      input.amount,
      input.method,
      input.paidAt ? parseInstant(input.paidAt) : new Date(),
      input.note ?? null,
      actorId,
    ]);
    await this.derivePayments(manager, { id, total: sale.total, cancelled: sale.status === 'cancelled' });
  }

  /**
   * Paid and refunded amounts and the payment status, derived from the payment rows (as an
   * order's are) in the caller's transaction, the sale locked (its total and whether it is
   * cancelled as the caller holds them): after a payment, a refund or the cancellation.
   */
  async derivePayments(manager: EntityManager, sale: { id: number; total: number; cancelled: boolean }): Promise<void> {
    await derivePaymentState(manager, SALE_PAYMENTS, sale);
  }

  private async refused(manager: EntityManager, refusal: PaymentRefusal, field?: string): Promise<DomainError> {
    return paymentRefused(refusal, { noun: 'sale', currency: (await this.settings.currentIn(manager)).currency, field });
  }

  /** The sale, locked for the rest of the caller's transaction (its payments, refunds and returns queue here). */
  async lock(manager: EntityManager, id: number): Promise<OfflineSaleEntity> {
    const sale = await manager.createQueryBuilder(OfflineSaleEntity, 's').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
    if (!sale) throw notFound('Sale');
    return sale;
  }
}

function toView(s: OfflineSaleEntity, lines: OfflineSaleLineEntity[], payments: OfflineSalePaymentEntity[]): OfflineSaleView {
  return {
    id: s.id,
    number: s.number,
    customerId: s.customerId,
    status: s.status,
    soldAt: s.soldAt,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      variantId: l.variantId,
      productName: l.productName,
      sku: l.sku,
      attributes: l.attributes,
      unitPrice: l.unitPrice,
      costPrice: l.costPrice,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      thumbnailUrl: l.thumbnailUrl ?? null,
    })),
    subtotal: s.subtotal,
    discount: s.discount,
    discountTotal: s.discount,
    couponCode: s.couponCode,
    taxRateBps: s.taxRateBps,
    taxTotal: s.taxTotal,
    total: s.total,
    paidAmount: s.paidAmount,
    refundedAmount: s.refundedAmount,
    balance: s.status === 'cancelled' ? 0 : Math.max(0, s.total - s.paidAmount),
    paymentStatus: s.paymentStatus,
    payments: payments.map((p) => ({
      id: p.id,
      amount: p.amount,
      method: p.method,
      refundedAmount: p.refundedAmount,
      paidAt: p.paidAt,
      note: p.note,
      recordedById: p.recordedById,
    })),
    cancelledAt: s.cancelledAt,
    createdAt: s.createdAt,
  };
}

/** The ledger's OUT_OF_STOCK names a variant; the counter form wants the line and the product. */
function shortLine(error: unknown, lines: { variantId: number; variant: { productName: string; sku: string } }[]): unknown {
  if (!(error instanceof DomainError) || error.code !== 'OUT_OF_STOCK') return error;
  const key = Object.keys(error.errors ?? {})[0] ?? '';
  const index = lines.findIndex((l) => `variant.${l.variantId}` === key);
  if (index < 0) return error;
  const left = error.errors![key];
  const { productName, sku } = lines[index].variant;
  return new DomainError('OUT_OF_STOCK', `${productName} (${sku}): ${left}`, { [`lines.${index}.quantity`]: left });
}
