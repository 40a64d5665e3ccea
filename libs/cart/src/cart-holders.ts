import { variantsOfProducts } from '@chance/catalog';
import type { EntityManager } from 'typeorm';

/** The customers whose active cart holds a variant of each product (product id → customer ids, ascending). */
export async function customersHoldingProducts(manager: EntityManager, productIds: readonly number[]): Promise<Map<number, number[]>> {
  const byProduct = new Map<number, number[]>();
  if (productIds.length === 0) return byProduct;
  const productOf = await variantsOfProducts(manager, productIds);
  if (productOf.size === 0) return byProduct;
  const rows: { variant_id: number; customer_id: number }[] = await manager.query(
    `SELECT DISTINCT ci.variant_id, c.customer_id
       FROM cart_items ci JOIN carts c ON c.id = ci.cart_id AND c.status = 'active' AND c.customer_id IS NOT NULL
      WHERE ci.variant_id = ANY($1)`,
    [[...productOf.keys()]],
  );
  const sets = new Map<number, Set<number>>();
  for (const row of rows) {
    const productId = productOf.get(row.variant_id)!;
    sets.set(productId, (sets.get(productId) ?? new Set()).add(row.customer_id));
  }
  for (const [productId, customers] of sets)
    byProduct.set(
      productId,
      [...customers].sort((a, b) => a - b),
    );
  return byProduct;
}
