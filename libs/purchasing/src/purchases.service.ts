import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { moveStock, recordCostPrices, variantSnapshots } from '@chance/catalog';
import {
  DOCUMENT_SERIES,
  nextDocumentNumber,
  ADMIN_MAX_ROWS,
  findPage,
  inTransaction,
  loadChildren,
  notFound,
  publish,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreatePurchaseDto, PurchaseLineDto, PurchaseView, UpdatePurchaseDto } from './dto/purchasing.dto.js';
import { PurchaseInvoicesService, type PurchaseInvoiceContent } from './purchase-invoices.service.js';
import { assertEditable, assertPurchaseMove, purchaseTotals, PURCHASE_STATUSES } from './purchase-rules.js';
import { PurchaseEntity, PurchaseLineEntity } from './purchasing.entities.js';
import { SuppliersService } from './suppliers.service.js';

export const PURCHASE_LIST: ListSpec = {
  resource: 'purchases',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'createdAt', 'orderedAt', 'receivedAt', 'total', 'status'],
  defaultSort: ['createdAt', 'DESC'],
  searchable: true,
  filters: {
    status: { type: 'enum', values: PURCHASE_STATUSES },
    supplierId: { type: 'int' },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  columns: {
    id: 'p.id',
    number: 'p.number',
    createdAt: 'p.createdAt',
    orderedAt: 'p.orderedAt',
    receivedAt: 'p.receivedAt',
    total: 'p.total',
    status: 'p.status',
    supplierId: 'p.supplierId',
  },
  search: ['p.number', 'p.notes'],
  searchConditions: ['EXISTS (SELECT 1 FROM purchase_lines sl WHERE sl.purchase_id = p.id AND (sl.sku ILIKE :listQ OR sl.product_name ILIKE :listQ))'],
};

const toView = (p: PurchaseEntity, lines: PurchaseLineEntity[]): PurchaseView => ({
  id: p.id,
  number: p.number,
  supplierId: p.supplierId,
  status: p.status,
  orderedAt: p.orderedAt,
  receivedAt: p.receivedAt,
  lines: lines.map((l) => ({
    id: l.id,
    variantId: l.variantId,
    productName: l.productName,
    sku: l.sku,
    attributes: l.attributes,
    quantity: l.quantity,
    unitCost: l.unitCost,
    lineTotal: l.lineTotal,
  })),
  subtotal: p.subtotal,
  shippingCost: p.shippingCost,
  taxTotal: p.taxTotal,
  total: p.total,
  notes: p.notes,
  purchaseInvoiceId: p.purchaseInvoiceId,
  createdAt: p.createdAt,
});

/**
 * Purchases from suppliers (docs/api.md#suppliers-and-purchases). Lines snapshot the variant's name, SKU and
 * attributes; receiving adds the stock through the ledger and sets each variant's cost price,
 * in one transaction on the locked purchase, so a second (or concurrent) receipt is refused.
 */
/** The purchases export's columns (docs/api.md#exports). */
export const PURCHASE_CSV: readonly CsvColumn<PurchaseView>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'number', value: (p) => p.number },
  { header: 'createdAt', value: (p) => p.createdAt },
  { header: 'supplierId', value: (p) => p.supplierId },
  { header: 'status', value: (p) => p.status },
  { header: 'items', value: (p) => p.lines.reduce((units, line) => units + line.quantity, 0) },
  { header: 'subtotal', value: (p) => p.subtotal },
  { header: 'shippingCost', value: (p) => p.shippingCost },
  { header: 'taxTotal', value: (p) => p.taxTotal },
  { header: 'total', value: (p) => p.total },
  { header: 'orderedAt', value: (p) => p.orderedAt },
  { header: 'receivedAt', value: (p) => p.receivedAt },
  { header: 'purchaseInvoiceId', value: (p) => p.purchaseInvoiceId },
  { header: 'notes', value: (p) => p.notes },
];

@Injectable()
export class PurchasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly suppliers: SuppliersService,
    private readonly invoices: PurchaseInvoicesService,
  ) {}

  list(query: ListQuery): Promise<ListPage<PurchaseView>> {
    return this.reads.onReplica((manager) => this.listOn(manager, query));
  }

  private async listOn(manager: EntityManager, query: ListQuery): Promise<ListPage<PurchaseView>> {
    const page = await findPage('purchases', manager.createQueryBuilder(PurchaseEntity, 'p'), query, COLUMNS);
    return page.map(await this.purchaseView(manager, page.rows));
  }

  /** Every purchase the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: PURCHASE_LIST,
        columns: COLUMNS,
        query: (manager) => manager.createQueryBuilder(PurchaseEntity, 'p'),
        view: async (manager, rows) => rows.map(await this.purchaseView(manager, rows)),
        csv: PURCHASE_CSV,
      },
      query,
    );
  }

  /** How the list and its export show the purchases of a page (their lines read in one query). */
  private async purchaseView(manager: EntityManager, rows: PurchaseEntity[]): Promise<(purchase: PurchaseEntity) => PurchaseView> {
    const lines = await this.linesOf(
      manager,
      rows.map((p) => p.id),
    );
    return (p) => toView(p, lines.get(p.id) ?? []);
  }

  /** A purchase, read outside any transaction (committed data), for the controller. */
  view(id: number): Promise<PurchaseView> {
    return this.viewIn(this.dataSource.manager, id);
  }

  /** A purchase, read in the caller's transaction. */
  async viewIn(manager: EntityManager, id: number): Promise<PurchaseView> {
    const purchase = await manager.findOneBy(PurchaseEntity, { id });
    if (!purchase) throw notFound('Purchase');
    return toView(purchase, (await this.linesOf(manager, [id])).get(id) ?? []);
  }

  create(input: CreatePurchaseDto): Promise<PurchaseView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.assertSupplier(manager, input.supplierId);
      const number = await nextDocumentNumber(manager, DOCUMENT_SERIES.purchase);
      const status = input.status ?? 'draft';
      const [{ id }] = await manager.query(
        `INSERT INTO purchases (number, supplier_id, status, subtotal, total, notes, ordered_at)
         VALUES ($1, $2, $3, 0, 0, $4, $5) RETURNING id`,
        [number, input.supplierId, status, input.notes ?? '', status === 'ordered' ? new Date() : null],
      );
      await this.writeLines(manager, id, input.lines, input.shippingCost ?? 0, input.taxTotal ?? 0);
      const invoiceId = await this.invoices.issue(manager, id, await this.invoiceContent(manager, id));
      await manager.query('UPDATE purchases SET purchase_invoice_id = $2 WHERE id = $1', [id, invoiceId]);
      return this.viewIn(manager, id);
    });
  }

  update(id: number, input: UpdatePurchaseDto): Promise<PurchaseView> {
    return inTransaction(this.dataSource, async (manager) => {
      const purchase = await this.lock(manager, id);
      assertEditable(purchase.status);
      if (input.status && input.status !== purchase.status) assertPurchaseMove(purchase.status, input.status);
      if (input.supplierId !== undefined) await this.assertSupplier(manager, input.supplierId);
      await manager.query(
        `UPDATE purchases SET supplier_id = COALESCE($2, supplier_id), notes = COALESCE($3, notes), status = COALESCE($4, status),
                ordered_at = CASE WHEN $4::text = 'ordered' AND ordered_at IS NULL THEN now() ELSE ordered_at END, updated_at = now()
          WHERE id = $1`,
        [id, input.supplierId ?? null, input.notes ?? null, input.status ?? null],
      );
      const lines =
        input.lines ?? (await this.linesOf(manager, [id])).get(id)!.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitCost: l.unitCost }));
      await this.writeLines(manager, id, lines, input.shippingCost ?? purchase.shippingCost, input.taxTotal ?? purchase.taxTotal, input.lines !== undefined);
      await this.invoices.follow(manager, id, await this.invoiceContent(manager, id));
      return this.viewIn(manager, id);
    });
  }

  receive(id: number, actorId: number): Promise<PurchaseView> {
    return inTransaction(this.dataSource, async (manager) => {
      const purchase = await this.lock(manager, id);
      assertPurchaseMove(purchase.status, 'received');
      const lines = (await this.linesOf(manager, [id])).get(id) ?? [];
      const existing = await variantSnapshots(
        manager,
        lines.map((l) => l.variantId),
      );
      const gone = lines.find((l) => !existing.has(l.variantId));
      if (gone) throw validationFailed({ lines: `${gone.productName} (${gone.sku}) no longer exists in the catalog` });
      await moveStock(
        manager,
        lines.map((l) => ({ variantId: l.variantId, delta: l.quantity })),
        { reason: 'purchase_received', reference: purchase.number, actorId },
      );
      // the last receipt's unit cost becomes the variant's cost price (several lines: the last one wins)
      await recordCostPrices(
        manager,
        lines.map((l) => ({ variantId: l.variantId, costPrice: l.unitCost })),
      );
      await manager.query(`UPDATE purchases SET status = 'received', received_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.invoices.close(manager, id, 'final');
      await publish(manager, 'purchase.received', { purchaseId: id, number: purchase.number });
      return this.viewIn(manager, id);
    });
  }

  cancel(id: number): Promise<PurchaseView> {
    return inTransaction(this.dataSource, async (manager) => {
      const purchase = await this.lock(manager, id);
      assertPurchaseMove(purchase.status, 'cancelled');
      await manager.query(`UPDATE purchases SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.invoices.close(manager, id, 'void');
      return this.viewIn(manager, id);
    });
  }

  private async lock(manager: EntityManager, id: number): Promise<PurchaseEntity> {
    const purchase = await manager.createQueryBuilder(PurchaseEntity, 'p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
    if (!purchase) throw notFound('Purchase');
    return purchase;
  }

  /** Replaces the lines (snapshotting the variants) and recomputes the totals. */
  private async writeLines(
    manager: EntityManager,
    id: number,
    lines: PurchaseLineDto[],
    shippingCost: number,
    taxTotal: number,
    replace = true,
  ): Promise<void> {
    const totals = purchaseTotals(lines, shippingCost, taxTotal);
    if (replace) {
      const byId = await variantSnapshots(
        manager,
        lines.map((l) => l.variantId),
      );
      const missing = lines.findIndex((l) => !byId.has(l.variantId));
      if (missing >= 0) throw validationFailed({ [`lines.${missing}.variantId`]: 'does not exist' });
      await manager.query('DELETE FROM purchase_lines WHERE purchase_id = $1', [id]);
      await manager.query(
        `INSERT INTO purchase_lines (purchase_id, variant_id, product_name, sku, attributes, quantity, unit_cost, line_total)
         SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS l(variant_id int, product_name text, sku text, attributes jsonb, quantity int, unit_cost int, line_total int)`,
        [
          id,
          JSON.stringify(
            lines.map((l, i) => {
              const v = byId.get(l.variantId)!;
              return {
                variant_id: l.variantId,
                product_name: v.productName,
                sku: v.sku,
                attributes: v.attributes,
                quantity: l.quantity,
                unit_cost: l.unitCost,
                line_total: totals.lineTotals[i],
              };
            }),
          ),
        ],
      );
    }
    await manager.query('UPDATE purchases SET subtotal = $2, shipping_cost = $3, tax_total = $4, total = $5 WHERE id = $1', [
      id,
      totals.subtotal,
      shippingCost,
      taxTotal,
      totals.total,
    ]);
  }

  private async invoiceContent(manager: EntityManager, id: number): Promise<PurchaseInvoiceContent> {
    const view = await this.viewIn(manager, id);
    const supplier = await this.suppliers.getIn(manager, view.supplierId);
    return {
      purchaseNumber: view.number,
      supplierId: supplier.id,
      supplier: { name: supplier.name, contactName: supplier.contactName, email: supplier.email, phone: supplier.phone, address: supplier.address },
      lines: view.lines.map(({ id: _id, ...line }) => line),
      subtotal: view.subtotal,
      shippingCost: view.shippingCost,
      taxTotal: view.taxTotal,
      total: view.total,
    };
  }

  private async assertSupplier(manager: EntityManager, supplierId: number): Promise<void> {
    const [found] = await manager.query('SELECT 1 FROM suppliers WHERE id = $1', [supplierId]);
    if (!found) throw validationFailed({ supplierId: 'does not exist' });
  }

  private linesOf(manager: EntityManager, ids: number[]): Promise<Map<number, PurchaseLineEntity[]>> {
    return loadChildren(manager, PurchaseLineEntity, 'purchaseId', ids);
  }
}
