import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  findPage,
  inTransaction,
  loadChildren,
  notFound,
  parseInstant,
  validationFailed,
  type FieldErrors,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { StockCountEntity, StockCountLineEntity } from './catalog.entities.js';
import type { CreateStockCountDto, StockCountView } from './dto/index.js';
import { moveStock } from './stock-ledger.js';
import { countOutcome, isRefusal, refusalMessage, stockCountNumber, type CountOutcome } from './stock-count-rules.js';
import { toStockCountView } from './stock-count-view.js';

export const STOCK_COUNT_LIST: ListSpec = {
  resource: 'stock-counts',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: { variantId: { type: 'int' }, createdById: { type: 'int' }, createdAt_gte: { type: 'date' }, createdAt_lte: { type: 'date' } },
};

const COUNT_COLUMNS: ListColumns = {
  columns: { id: 'c.id', createdAt: 'c.createdAt', createdById: 'c.createdById' },
  search: ['c.note'],
  custom: {
    variantId: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere('c.id IN (SELECT count_id FROM stock_count_lines WHERE variant_id = :countVariantId)', { countVariantId: value }),
  },
};

interface LockedVariant {
  id: number;
  stock: number;
  product_id: number;
  product_name: string;
  sku: string;
  attributes: Record<string, string>;
}

/**
 * Stock counts (docs/api.md#catalog-media): what the shelf holds, line by line, in one transaction. The
 * variants are locked in id order (as every stock change locks them), each line is judged against
 * the stock the count started from (`startedAt`: what moved since still happened on top of the
 * count; see stock-count-rules.ts) and every difference becomes a `stock_count` movement.
 */
@Injectable()
export class StockCountsService {
  constructor(private readonly dataSource: DataSource) {}

  record(input: CreateStockCountDto, actorId: number): Promise<StockCountView> {
    const duplicate = firstRepeat(input.lines.map((l) => l.variantId));
    if (duplicate >= 0) throw validationFailed({ [`lines.${duplicate}.variantId`]: 'is listed twice' });
    const startedAt = input.startedAt ? parseInstant(input.startedAt) : null;
    return inTransaction(this.dataSource, async (manager) => {
      if (startedAt) {
        const [{ future }] = await manager.query('SELECT $1::timestamptz > now() AS future', [startedAt]);
        if (future) throw validationFailed({ startedAt: 'must not be in the future' });
      }
      const ids = input.lines.map((l) => l.variantId);
      const locked: LockedVariant[] = await manager.query(
        `SELECT v.id, v.stock, v.product_id, p.name AS product_name, v.sku, v.attributes
           FROM variants v JOIN products p ON p.id = v.product_id
          WHERE v.id = ANY($1) ORDER BY v.id FOR UPDATE OF v`,
        [ids],
      );
      const byId = new Map(locked.map((v) => [v.id, v]));
      const missing = input.lines.findIndex((l) => !byId.has(l.variantId));
      if (missing >= 0) throw validationFailed({ [`lines.${missing}.variantId`]: 'does not exist' });
      const moved = startedAt ? await this.movedSince(manager, ids, startedAt) : new Map<number, number>();

      const outcomes: CountOutcome[] = [];
      const refusals: FieldErrors = {};
      input.lines.forEach((line, i) => {
        const outcome = countOutcome({ stockNow: byId.get(line.variantId)!.stock, movedSince: moved.get(line.variantId) ?? 0, counted: line.counted });
        if (isRefusal(outcome)) refusals[`lines.${i}.counted`] = refusalMessage(outcome);
        else outcomes.push(outcome);
      });
      if (Object.keys(refusals).length > 0) {
        throw new DomainError('CONFLICT', 'Some lines changed too much while they were counted: count them again', refusals);
      }

      const [count] = await manager.query(`INSERT INTO stock_counts (note, started_at, created_by_id) VALUES ($1, $2, $3) RETURNING id`, [
        input.note?.trim() ?? '',
        startedAt,
        actorId,
      ]);
      const number = stockCountNumber(count.id);
      await moveStock(
        manager,
        input.lines.map((line, i) => ({ variantId: line.variantId, delta: outcomes[i].delta })),
        { reason: 'stock_count', reference: number, note: input.note?.trim() || null, actorId },
      );
      await manager.query(
        `INSERT INTO stock_count_lines (count_id, variant_id, product_id, product_name, sku, attributes, expected, counted, delta, stock_before, stock_after)
         SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS l(variant_id int, product_id int, product_name text, sku text, attributes jsonb,
                expected int, counted int, delta int, stock_before int, stock_after int)`,
        [
          count.id,
          JSON.stringify(
            input.lines.map((line, i) => {
              const variant = byId.get(line.variantId)!;
              const outcome = outcomes[i];
              return {
                variant_id: variant.id,
                product_id: variant.product_id,
                product_name: variant.product_name,
                sku: variant.sku,
                attributes: variant.attributes,
                expected: outcome.expected,
                counted: line.counted,
                delta: outcome.delta,
                stock_before: outcome.stockBefore,
                stock_after: outcome.stockAfter,
              };
            }),
          ),
        ],
      );
      return this.getIn(manager, count.id);
    });
  }

  async list(query: ListQuery): Promise<ListPage<StockCountView>> {
    const manager = this.dataSource.manager;
    const page = await findPage('stock-counts', manager.createQueryBuilder(StockCountEntity, 'c'), query, COUNT_COLUMNS);
    const lines = await loadChildren(
      manager,
      StockCountLineEntity,
      'countId',
      page.rows.map((c) => c.id),
    );
    return page.map((c) => toStockCountView(c, lines.get(c.id) ?? []));
  }

  /** A count as recorded, read outside any transaction (committed data), for the controller. */
  get(id: number): Promise<StockCountView> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** A count, read in the caller's transaction. */
  async getIn(manager: EntityManager, id: number): Promise<StockCountView> {
    const count = await manager.findOneBy(StockCountEntity, { id });
    if (!count) throw notFound('Stock count');
    const lines = await loadChildren(manager, StockCountLineEntity, 'countId', [id]);
    return toStockCountView(count, lines.get(id) ?? []);
  }

  /** Σ of each variant's movements since `since` (variants without any are absent). */
  private async movedSince(manager: EntityManager, variantIds: number[], since: Date): Promise<Map<number, number>> {
    const rows: { variant_id: number; moved: number }[] = await manager.query(
      `SELECT variant_id, sum(delta)::int AS moved FROM stock_movements WHERE variant_id = ANY($1) AND created_at > $2 GROUP BY variant_id`,
      [variantIds, since],
    );
    return new Map(rows.map((r) => [r.variant_id, r.moved]));
  }
}

/** The index of the first value seen before, or −1. */
function firstRepeat(values: number[]): number {
  const seen = new Set<number>();
  for (const [i, value] of values.entries()) {
    if (seen.has(value)) return i;
    seen.add(value);
  }
  return -1;
}
