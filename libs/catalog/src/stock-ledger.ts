import { DomainError, publish } from '@chance/core';
import { currentSettingsIn } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import { stockSignals } from './catalog-rules.js';

export type StockReason =
  'initial' | 'adjustment' | 'order_placed' | 'order_cancelled' | 'order_edited' | 'offline_sale' | 'offline_sale_cancelled' | 'purchase_received';

export const STOCK_REASONS: readonly StockReason[] = [
  'initial',
  'adjustment',
  'order_placed',
  'order_cancelled',
  'order_edited',
  'offline_sale',
  'offline_sale_cancelled',
  'purchase_received',
];

export interface StockMove {
  variantId: number;
  /** positive adds stock, negative takes it */
  delta: number;
}

export interface StockMoveContext {
  reason: StockReason;
  /** what caused it, as people quote it: `ORD-000042`, `PO-000003` */
  reference?: string | null;
  note?: string | null;
  actorId?: number | null;
  /** for returns (cancellations): a variant deleted since has no stock to return to, and is skipped */
  skipMissing?: boolean;
}

export interface StockMoveResult {
  variantId: number;
  productId: number;
  delta: number;
  stockAfter: number;
  movementId: number;
}

/**
 * The only way stock changes (docs/api.md#catalog-and-stock): in the caller's transaction, each move is a
 * conditional atomic update (`stock + delta >= 0`, also guarded by a CHECK constraint) plus a
 * movement row, so stock always equals the sum of its movements. Moves are applied in variant id
 * order, so concurrent multi-line transactions cannot deadlock. Any line short of stock refuses
 * the whole batch with 409 OUT_OF_STOCK (the caller's transaction rolls back). Crossing the
 * low-stock threshold publishes `stock.low`, coming back into stock `product.updated` (`back_in_stock`).
 */
export async function moveStock(manager: EntityManager, moves: StockMove[], context: StockMoveContext): Promise<StockMoveResult[]> {
  const merged = new Map<number, number>();
  for (const move of moves) {
    if (!Number.isSafeInteger(move.delta)) throw new RangeError('stock delta must be an integer');
    merged.set(move.variantId, (merged.get(move.variantId) ?? 0) + move.delta);
  }
  const ordered = [...merged.entries()].filter(([, delta]) => delta !== 0).sort(([a], [b]) => a - b);
  const results: StockMoveResult[] = [];
  // the store's low-stock threshold, for products without their own: read before any row is locked
  // (opening stock signals nothing, so it needs none)
  const storeThreshold = ordered.length > 0 && context.reason !== 'initial' ? (await currentSettingsIn(manager)).lowStockThreshold : 0;
  for (const [variantId, delta] of ordered) {
    const rows: { product_id: number; stock: number; threshold: number | null; movement_id: string }[] = await manager.query(
      // the conditional update and its movement in one round trip: no row when short or missing
      `WITH moved AS (
         UPDATE variants v SET stock = v.stock + $2
           FROM products p
          WHERE v.id = $1 AND p.id = v.product_id AND v.stock + $2 >= 0
          RETURNING v.id, v.product_id, v.stock, p.low_stock_threshold AS threshold),
       movement AS (
         INSERT INTO stock_movements (variant_id, delta, reason, reference, note, created_by)
         SELECT id, $2, $3::text, $4::text, $5::text, $6::int FROM moved RETURNING id)
       SELECT moved.product_id, moved.stock, moved.threshold, movement.id AS movement_id FROM moved, movement`,
      [variantId, delta, context.reason, context.reference ?? null, context.note ?? null, context.actorId ?? null],
    );
    if (rows.length === 0) {
      const [exists] = await manager.query('SELECT stock FROM variants WHERE id = $1', [variantId]);
      if (!exists && context.skipMissing) continue;
      if (!exists) throw new DomainError('NOT_FOUND', `Variant ${variantId} not found`, { variantId: 'does not exist' });
      throw new DomainError('OUT_OF_STOCK', `Only ${exists.stock} in stock for variant ${variantId}`, {
        [`variant.${variantId}`]: `only ${exists.stock} in stock`,
      });
    }
    const { product_id: productId, stock: stockAfter, movement_id: movementId } = rows[0];
    const threshold = rows[0].threshold ?? storeThreshold;
    // opening stock of a new variant is not news: nobody could have been waiting for it
    const signals = context.reason === 'initial' ? [] : stockSignals(stockAfter - delta, stockAfter, threshold);
    for (const signal of signals) {
      if (signal === 'low_stock') await publish(manager, 'stock.low', { productId, variantId, stock: stockAfter, threshold });
      else await publish(manager, 'product.updated', { productId, variantId, reason: 'back_in_stock', stock: stockAfter, threshold });
    }
    results.push({ variantId, productId, delta, stockAfter, movementId: Number(movementId) });
  }
  return results;
}
