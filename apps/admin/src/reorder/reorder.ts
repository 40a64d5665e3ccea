/**
 * The reorder screen's rules (docs/api.md#catalog-media): which report lines can be ordered (those with a
 * last supplier), and a selection turned into draft purchases, one per supplier, at each line's
 * last unit cost and the quantity chosen (the suggestion unless changed).
 */
import type { ReorderLine } from '../types';

export interface DraftPurchase {
  supplierId: number;
  supplierName: string;
  lines: { variantId: number; quantity: number; unitCost: number }[];
}

export const canOrder = (line: ReorderLine): boolean => line.lastSupplierId !== null && line.lastUnitCost !== null;

/** The lines selected (variant id → quantity), grouped into one draft purchase per last supplier. */
export function draftPurchases(lines: readonly ReorderLine[], selected: ReadonlyMap<number, number>): DraftPurchase[] {
  const bySupplier = new Map<number, DraftPurchase>();
  for (const line of lines) {
    const quantity = selected.get(line.variantId);
    if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1 || !canOrder(line)) continue;
    const supplierId = line.lastSupplierId!;
    const purchase = bySupplier.get(supplierId) ?? { supplierId, supplierName: line.lastSupplierName ?? `Supplier ${supplierId}`, lines: [] };
    purchase.lines.push({ variantId: line.variantId, quantity, unitCost: line.lastUnitCost! });
    bySupplier.set(supplierId, purchase);
  }
  return [...bySupplier.values()];
}

/** Every orderable line with its suggested quantity: "select all". */
export function selectAll(lines: readonly ReorderLine[]): Map<number, number> {
  return new Map(lines.filter((line) => canOrder(line) && line.suggestedQuantity > 0).map((line) => [line.variantId, line.suggestedQuantity]));
}
