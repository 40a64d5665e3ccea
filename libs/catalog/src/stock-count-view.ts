import type { StockCountEntity, StockCountLineEntity } from './catalog.entities.js';
import type { StockCountView } from './dto/index.js';
import { stockCountNumber } from './stock-count-rules.js';

/** A recorded count as the back office reads it: its number, and its lines as they were recorded. */
export function toStockCountView(count: StockCountEntity, lines: StockCountLineEntity[]): StockCountView {
  return {
    id: count.id,
    number: stockCountNumber(count.id),
    note: count.note,
    startedAt: count.startedAt,
    createdAt: count.createdAt,
    createdById: count.createdById,
    lines: lines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      productId: l.productId,
      productName: l.productName,
      sku: l.sku,
      attributes: l.attributes,
      expected: l.expected,
      counted: l.counted,
      delta: l.delta,
      stockBefore: l.stockBefore,
      stockAfter: l.stockAfter,
    })),
  };
}
