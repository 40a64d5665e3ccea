import { DomainError, preparedQuery, publish, publishMany } from '@chance/core';
import { currentSettingsIn } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import { stockSignalPayloads, type StockChange } from './catalog-rules.js';
import type { ProductUpdated, StockLow } from './catalog.events.js';

export type StockReason =
  | 'initial'
  | 'adjustment'
  | 'order_placed'
  | 'order_cancelled'
  | 'order_edited'
  | 'offline_sale'
  | 'offline_sale_cancelled'
  | 'purchase_received'
  | 'stock_count'
  | 'return_restocked';

export const STOCK_REASONS: readonly StockReason[] = [
  'initial',
  'adjustment',
  'order_placed',
  'order_cancelled',
  'order_edited',
  'offline_sale',
  'offline_sale_cancelled',
  'purchase_received',
  'stock_count',
  'return_restocked',
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
  /** the store's low-stock threshold, when the caller has read the settings in this transaction already (a checkout): not read again */
  storeLowStockThreshold?: number;
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
  const storeThreshold =
    ordered.length > 0 && context.reason !== 'initial' ? (context.storeLowStockThreshold ?? (await currentSettingsIn(manager)).lowStockThreshold) : 0;
  for (const [variantId, delta] of ordered) {
    const rows = await preparedQuery<{ product_id: number; product_name: string; sku: string; stock: number; threshold: number | null; movement_id: string }>(
      manager,
      // the conditional update and its movement in one round trip (prepared once per connection): no row when short or missing
      `WITH moved AS (
         UPDATE variants v SET stock = v.stock + $2
           FROM products p
          WHERE v.id = $1 AND p.id = v.product_id AND v.stock + $2 >= 0
          RETURNING v.id, v.product_id, v.sku, p.name AS product_name, v.stock, p.low_stock_threshold AS threshold),
       movement AS (
         INSERT INTO stock_movements (variant_id, delta, reason, reference, note, created_by)
         SELECT id, $2, $3::text, $4::text, $5::text, $6::int FROM moved RETURNING id)
       SELECT moved.product_id, moved.product_name, moved.sku, moved.stock, moved.threshold, movement.id AS movement_id FROM moved, movement`,
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
    const { product_id: productId, product_name: productName, sku, stock: stockAfter, movement_id: movementId } = rows[0];
    const threshold = rows[0].threshold ?? storeThreshold;
    // opening stock of a new variant is not news: nobody could have been waiting for it
    if (context.reason !== 'initial') {
      await publishStockSignals(manager, { variantId, productId, productName, sku, before: stockAfter - delta, after: stockAfter, threshold });
    }
    results.push({ variantId, productId, delta, stockAfter, movementId: Number(movementId) });
  }
  return results;
}

/** Crossing the low-stock threshold, or coming back into stock, is news for the outbox. */
async function publishStockSignals(manager: EntityManager, change: StockChange): Promise<void> {
  const { low, back } = stockSignalPayloads(change);
  for (const payload of back) await publish(manager, 'product.updated', payload);
  for (const payload of low) await publish(manager, 'stock.low', payload);
}

export interface StockLevel {
  variantId: number;
  /** the stock it must have: the difference becomes its movement */
  stock: number;
}

/**
 * Sets many variants' stock at once (an import): in the caller's transaction, the variants are
 * locked in id order, then each chunk is one statement that updates the stock and writes one
 * movement per variant whose stock differs (delta = level − stock), so stock still equals the
 * sum of its movements. `quiet` variants (just created) signal nothing. Returns the movements written.
 */
export async function setStockLevels(
  manager: EntityManager,
  levels: readonly StockLevel[],
  context: Omit<StockMoveContext, 'skipMissing'> & { quiet?: ReadonlySet<number> },
  chunkSize = 10_000,
): Promise<number> {
  const ordered = [...levels].sort((a, b) => a.variantId - b.variantId);
  // the store's low-stock threshold, for products without their own: read before any row is locked
  const storeThreshold = ordered.length > 0 ? (await currentSettingsIn(manager)).lowStockThreshold : 0;
  let written = 0;
  for (let start = 0; start < ordered.length; start += chunkSize) {
    const chunk = ordered.slice(start, start + chunkSize);
    if (chunk.some((l) => !Number.isSafeInteger(l.stock) || l.stock < 0)) throw new RangeError('stock levels must be whole numbers, at least 0');
    const ids = chunk.map((l) => l.variantId);
    await manager.query('SELECT id FROM variants WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
    const moved: { id: number; product_id: number; product_name: string; sku: string; before: number; after: number; threshold: number }[] =
      await manager.query(
        `WITH level AS (SELECT * FROM unnest($1::int[], $2::int[]) AS l(id, stock)),
       moved AS (
         UPDATE variants v SET stock = level.stock
           FROM level, variants old
          WHERE v.id = level.id AND old.id = level.id AND old.stock <> level.stock
          RETURNING v.id, v.product_id, v.sku, old.stock AS before, v.stock AS after),
       movement AS (
         INSERT INTO stock_movements (variant_id, delta, reason, reference, note, created_by)
         SELECT id, after - before, $3::text, $4::text, $5::text, $6::int FROM moved)
       SELECT moved.*, p.name AS product_name, COALESCE(p.low_stock_threshold, $7::int) AS threshold
         FROM moved JOIN products p ON p.id = moved.product_id`,
        [ids, chunk.map((l) => l.stock), context.reason, context.reference ?? null, context.note ?? null, context.actorId ?? null, storeThreshold],
      );
    written += moved.length;
    // the chunk's signals in one statement per kind (an import may move thousands of variants), not a round trip each
    const low: StockLow[] = [];
    const back: ProductUpdated[] = [];
    for (const m of moved) {
      if (context.quiet?.has(m.id)) continue;
      const signals = stockSignalPayloads({
        variantId: m.id,
        productId: m.product_id,
        productName: m.product_name,
        sku: m.sku,
        before: m.before,
        after: m.after,
        threshold: m.threshold,
      });
      low.push(...signals.low);
      back.push(...signals.back);
    }
    await publishMany(manager, 'stock.low', low);
    await publishMany(manager, 'product.updated', back);
  }
  return written;
}
