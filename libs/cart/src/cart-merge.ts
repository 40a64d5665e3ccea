/** A cart line: which variant, how many. */
export interface CartQuantity {
  variantId: number;
  quantity: number;
}

/**
 * What the customer's cart holds of each variant after a guest cart is merged into it
 * (docs/api.md#carts): quantities add up, capped by the stock; a variant out of stock or gone from
 * the catalog is left behind. Returns the lines to write — new ones and changed ones — in the guest
 * cart's order; lines only the customer's cart holds stay as they are.
 */
export function mergedQuantities(guest: readonly CartQuantity[], target: readonly CartQuantity[], stock: ReadonlyMap<number, number>): CartQuantity[] {
  const held = new Map(target.map((line) => [line.variantId, line.quantity]));
  const merged = new Map<number, number>();
  for (const line of guest) {
    const available = stock.get(line.variantId);
    if (available === undefined || available <= 0) continue;
    const brought = Math.min(line.quantity, available);
    const before = merged.get(line.variantId) ?? held.get(line.variantId);
    merged.set(line.variantId, before === undefined ? brought : Math.min(before + brought, available));
  }
  return [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
}
