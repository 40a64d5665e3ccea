import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DOCUMENT_SERIES,
  findPage,
  nextDocumentNumber,
  notFound,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { PurchaseInvoiceView } from './dto/purchasing.dto.js';
import { renderPurchaseInvoicePdf } from './purchase-invoice-pdf.js';
import { PurchaseInvoiceEntity, type PurchaseInvoiceLine } from './purchasing.entities.js';

export const PURCHASE_INVOICE_LIST: ListSpec = {
  resource: 'purchase-invoices',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'number', 'issuedAt', 'total', 'status'],
  defaultSort: ['issuedAt', 'DESC'],
  searchable: true,
  filters: { supplierId: { type: 'int' }, purchaseId: { type: 'int' }, status: { type: 'enum', values: ['open', 'final', 'void'] } },
};

const COLUMNS: ListColumns = {
  columns: {
    id: 'pi.id',
    number: 'pi.number',
    issuedAt: 'pi.issuedAt',
    total: 'pi.total',
    status: 'pi.status',
    supplierId: 'pi.supplierId',
    purchaseId: 'pi.purchaseId',
  },
  search: ['pi.number', 'pi.purchaseNumber'],
  searchConditions: ["pi.supplier->>'name' ILIKE :listQ"],
};

export interface PurchaseInvoiceContent {
  purchaseNumber: string;
  supplierId: number;
  supplier: Record<string, string | null>;
  lines: PurchaseInvoiceLine[];
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
}

export const toPurchaseInvoiceView = (p: PurchaseInvoiceEntity): PurchaseInvoiceView => ({
  id: p.id,
  number: p.number,
  purchaseId: p.purchaseId,
  purchaseNumber: p.purchaseNumber,
  supplierId: p.supplierId,
  supplier: { ...p.supplier },
  issuedAt: p.issuedAt,
  lines: p.lines,
  currency: p.currency,
  subtotal: p.subtotal,
  shippingCost: p.shippingCost,
  taxTotal: p.taxTotal,
  total: p.total,
  status: p.status,
});

/**
 * The purchase invoice (PINV-<year>-<6 digits>, gapless): issued with the purchase, kept in step
 * with it while open, final from receipt, void when the purchase is cancelled.
 */
@Injectable()
export class PurchaseInvoicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
  ) {}

  async issue(manager: EntityManager, purchaseId: number, content: PurchaseInvoiceContent): Promise<number> {
    const issuedAt: Date = (await manager.query('SELECT now() AS now'))[0].now;
    const year = issuedAt.getUTCFullYear();
    const { currency } = await this.settings.currentIn(manager);
    const number = await nextDocumentNumber(manager, DOCUMENT_SERIES.purchaseInvoice, year);
    const [{ id }] = await manager.query(
      `INSERT INTO purchase_invoices (number, purchase_id, purchase_number, supplier_id, supplier, issued_at, lines, currency,
                                      subtotal, shipping_cost, tax_total, total, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open') RETURNING id`,
      [
        number,
        purchaseId,
        content.purchaseNumber,
        content.supplierId,
        JSON.stringify(content.supplier),
        issuedAt,
        JSON.stringify(content.lines),
        currency,
        content.subtotal,
        content.shippingCost,
        content.taxTotal,
        content.total,
      ],
    );
    return id;
  }

  /** Mirrors the purchase while the invoice is open; a final or void invoice never changes. */
  async follow(manager: EntityManager, purchaseId: number, content: PurchaseInvoiceContent): Promise<void> {
    await manager.query(
      `UPDATE purchase_invoices SET supplier_id = $2, supplier = $3, lines = $4, subtotal = $5, shipping_cost = $6, tax_total = $7, total = $8
        WHERE purchase_id = $1 AND status = 'open'`,
      [
        purchaseId,
        content.supplierId,
        JSON.stringify(content.supplier),
        JSON.stringify(content.lines),
        content.subtotal,
        content.shippingCost,
        content.taxTotal,
        content.total,
      ],
    );
  }

  async close(manager: EntityManager, purchaseId: number, status: 'final' | 'void'): Promise<void> {
    await manager.query(`UPDATE purchase_invoices SET status = $2 WHERE purchase_id = $1 AND status = 'open'`, [purchaseId, status]);
  }

  async list(query: ListQuery): Promise<ListPage<PurchaseInvoiceView>> {
    return (
      await this.reads.onReplica((manager) => findPage('purchase-invoices', manager.createQueryBuilder(PurchaseInvoiceEntity, 'pi'), query, COLUMNS))
    ).map(toPurchaseInvoiceView);
  }

  async get(id: number): Promise<PurchaseInvoiceEntity> {
    const invoice = await this.dataSource.manager.findOneBy(PurchaseInvoiceEntity, { id });
    if (!invoice) throw notFound('Purchase invoice');
    return invoice;
  }

  async pdf(invoice: PurchaseInvoiceEntity): Promise<Buffer> {
    return renderPurchaseInvoicePdf(invoice, await this.settings.current());
  }
}
