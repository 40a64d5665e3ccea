import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  findPage,
  inTransaction,
  notFound,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { StockMovementEntity } from './catalog.entities.js';
import type { StockAdjustmentDto, StockMovementView } from './dto/index.js';
import { STOCK_REASONS, moveStock } from './stock-ledger.js';

export const STOCK_MOVEMENT_LIST: ListSpec = {
  resource: 'stock-movements',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'createdAt', 'variantId', 'delta', 'reason'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: {
    variantId: { type: 'int' },
    productId: { type: 'int' },
    reason: { type: 'enum', values: STOCK_REASONS },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
  },
};

const MOVEMENT_COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'm.id', createdAt: 'm.createdAt', variantId: 'm.variantId', delta: 'm.delta', reason: 'm.reason' },
  search: ['m.reference', 'm.note'],
  custom: {
    productId: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere('m.variantId IN (SELECT id FROM variants WHERE product_id = :movementProductId)', { movementProductId: value }),
  },
};

/** The stock movements export's columns (docs/api.md#exports). */
export const STOCK_MOVEMENT_CSV: readonly CsvColumn<StockMovementView>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'createdAt', value: (m) => m.createdAt },
  { header: 'productId', value: (m) => m.productId },
  { header: 'productName', value: (m) => m.productName },
  { header: 'variantId', value: (m) => m.variantId },
  { header: 'sku', value: (m) => m.sku },
  { header: 'delta', value: (m) => m.delta },
  { header: 'reason', value: (m) => m.reason },
  { header: 'reference', value: (m) => m.reference },
  { header: 'note', value: (m) => m.note },
  { header: 'createdById', value: (m) => m.createdById },
];

interface VariantName {
  productId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
}

export const toMovementView = (m: StockMovementEntity, variant?: VariantName): StockMovementView => ({
  id: m.id,
  variantId: m.variantId,
  productId: variant?.productId ?? null,
  productName: variant?.productName ?? null,
  sku: variant?.sku ?? null,
  attributes: variant?.attributes ?? null,
  delta: m.delta,
  reason: m.reason,
  reference: m.reference,
  note: m.note,
  createdById: m.createdBy,
  createdAt: m.createdAt,
});

@Injectable()
export class StockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  /** A manual correction: one `adjustment` movement; more than the stock on hand is 409 OUT_OF_STOCK. */
  adjust(input: StockAdjustmentDto, actorId: number): Promise<StockMovementView> {
    if (input.delta === 0) throw validationFailed({ delta: 'must not be 0' });
    return inTransaction(this.dataSource, async (manager) => {
      const [variant] = await manager.query(
        `SELECT v.product_id AS "productId", p.name AS "productName", v.sku, v.attributes FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1`,
        [input.variantId],
      );
      if (!variant) throw validationFailed({ variantId: 'does not exist' });
      const [result] = await moveStock(manager, [{ variantId: input.variantId, delta: input.delta }], {
        reason: 'adjustment',
        reference: 'manual',
        note: input.note.trim(),
        actorId,
      });
      const movement = await manager.findOneBy(StockMovementEntity, { id: result.movementId });
      if (!movement) throw new DomainError('INTERNAL_ERROR', 'movement vanished');
      return toMovementView(movement, variant);
    });
  }

  async listMovements(query: ListQuery): Promise<ListPage<StockMovementView>> {
    return this.reads.onReplica(async (manager) => {
      const page = await findPage('stock-movements', manager.createQueryBuilder(StockMovementEntity, 'm'), query, MOVEMENT_COLUMNS);
      return page.map(await this.movementView(manager, page.rows));
    });
  }

  /** Every movement the list's filter matches, in its sort, as streamed CSV. */
  exportMovementsCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: STOCK_MOVEMENT_LIST,
        columns: MOVEMENT_COLUMNS,
        query: (manager) => manager.createQueryBuilder(StockMovementEntity, 'm'),
        view: async (manager, rows) => rows.map(await this.movementView(manager, rows)),
        csv: STOCK_MOVEMENT_CSV,
      },
      query,
    );
  }

  async getMovement(id: number): Promise<StockMovementView> {
    const movement = await this.dataSource.manager.findOneBy(StockMovementEntity, { id });
    if (!movement) throw notFound('Stock movement');
    return toMovementView(movement, (await this.variantNames([movement.variantId], this.dataSource.manager)).get(movement.variantId));
  }

  /** How the list and its export show the movements of a page (their variants' names read in one query). */
  private async movementView(manager: EntityManager, rows: StockMovementEntity[]): Promise<(movement: StockMovementEntity) => StockMovementView> {
    const variants = await this.variantNames(
      rows.map((m) => m.variantId),
      manager,
    );
    return (m) => toMovementView(m, variants.get(m.variantId));
  }

  /** What people call the variants of a page of movements, in one query. */
  private async variantNames(ids: number[], manager: EntityManager): Promise<Map<number, VariantName>> {
    const rows: ({ id: number } & VariantName)[] = await manager.query(
      `SELECT v.id, v.product_id AS "productId", p.name AS "productName", v.sku, v.attributes FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map(({ id, ...name }) => [id, name]));
  }
}
