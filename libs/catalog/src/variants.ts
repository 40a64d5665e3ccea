import type { EntityManager } from 'typeorm';

/**
 * What a sale, an order or a purchase copies of a variant (snapshots, not joins: docs/architecture.md#principles):
 * the product's name, the SKU and attributes, and the effective price and cost (the variant's own,
 * else its product's), with what a seller checks first (stock, whether the product is for sale).
 */
export interface VariantSnapshot {
  variantId: number;
  productId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  /** the variant's price, else its product's */
  price: number;
  /** the variant's cost price, else its product's */
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  stock: number;
  /** false: the product is withdrawn from sale */
  isActive: boolean;
}

/**
 * The snapshots of these variants in one query, read in the caller's transaction; a variant that
 * does not exist is missing from the map. The one way other libraries read the catalog's variants.
 */
export async function variantSnapshots(manager: EntityManager, variantIds: readonly number[]): Promise<Map<number, VariantSnapshot>> {
  // one query even for none: a page's query count does not depend on its rows
  const rows: VariantSnapshot[] = await manager.query(
    `SELECT v.id AS "variantId", p.id AS "productId", p.name AS "productName", v.sku, v.attributes,
            COALESCE(v.price, p.price) AS price, COALESCE(v.cost_price, p.cost_price) AS "costPrice",
            p.shipping_cost AS "shippingCost", p.estimated_delivery_days AS "estimatedDeliveryDays", v.stock, p.is_active AS "isActive"
       FROM variants v JOIN products p ON p.id = v.product_id
      WHERE v.id = ANY($1)`,
    [[...new Set(variantIds)]],
  );
  return new Map(rows.map((row) => [row.variantId, row]));
}

/** The variants of these products (variant id → product id), for following a product into carts. */
export async function variantsOfProducts(manager: EntityManager, productIds: readonly number[]): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map();
  const rows: { id: number; product_id: number }[] = await manager.query('SELECT id, product_id FROM variants WHERE product_id = ANY($1)', [
    [...new Set(productIds)],
  ]);
  return new Map(rows.map((row) => [row.id, row.product_id]));
}

/**
 * A receipt of goods sets what each variant costs the store from now on, in the order given (a
 * variant given twice: the last one wins, and the audit log shows both changes). Take the
 * variants' rows in id order first (moveStock does) when the caller also changes their stock.
 */
export async function recordCostPrices(manager: EntityManager, costs: readonly { variantId: number; costPrice: number }[]): Promise<void> {
  for (const cost of costs) await manager.query('UPDATE variants SET cost_price = $2 WHERE id = $1', [cost.variantId, cost.costPrice]);
}
