import { Injectable } from '@nestjs/common';
import { ADMIN_MAX_ROWS, DomainError, findPage, inTransaction, notFound, validationFailed, type ListColumns, type ListPage, type ListQuery, type ListSpec } from '@chance/core';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
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
  columns: { id: 'm.id', createdAt: 'm.createdAt', variantId: 'm.variantId', delta: 'm.delta', reason: 'm.reason' },
  search: ['m.reference', 'm.note'],
  custom: {
    productId: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere('m.variantId IN (SELECT id FROM variants WHERE product_id = :movementProductId)', { movementProductId: value }),
  },
};

export const toMovementView = (m: StockMovementEntity): StockMovementView => ({
  id: m.id,
  variantId: m.variantId,
  delta: m.delta,
  reason: m.reason,
  reference: m.reference,
  note: m.note,
  createdById: m.createdBy,
  createdAt: m.createdAt,
});

@Injectable()
export class StockService {
  constructor(private readonly dataSource: DataSource) {}

  /** A manual correction: one `adjustment` movement; more than the stock on hand is 409 OUT_OF_STOCK. */
  adjust(input: StockAdjustmentDto, actorId: number): Promise<StockMovementView> {
    if (input.delta === 0) throw validationFailed({ delta: 'must not be 0' });
    return inTransaction(this.dataSource, async (manager) => {
      const [variant] = await manager.query('SELECT id FROM variants WHERE id = $1', [input.variantId]);
      if (!variant) throw validationFailed({ variantId: 'does not exist' });
      const [result] = await moveStock(manager, [{ variantId: input.variantId, delta: input.delta }], {
        reason: 'adjustment',
        reference: 'manual',
        note: input.note.trim(),
        actorId,
      });
      const movement = await manager.findOneBy(StockMovementEntity, { id: result.movementId });
      if (!movement) throw new DomainError('INTERNAL_ERROR', 'movement vanished');
      return toMovementView(movement);
    });
  }

  async listMovements(query: ListQuery): Promise<ListPage<StockMovementView>> {
    const page = await findPage('stock-movements', this.dataSource.manager.createQueryBuilder(StockMovementEntity, 'm'), query, MOVEMENT_COLUMNS);
    return page.map(toMovementView);
  }

  async getMovement(id: number): Promise<StockMovementView> {
    const movement = await this.dataSource.manager.findOneBy(StockMovementEntity, { id });
    if (!movement) throw notFound('Stock movement');
    return toMovementView(movement);
  }
}
