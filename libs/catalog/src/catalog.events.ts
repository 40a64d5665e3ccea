/**
 * `product.updated`, after commit: a product changed. `edited`: once per change made in the back
 * office; `price_dropped`: a variant's effective price went down (one event per variant);
 * `back_in_stock`: a variant's stock rose from 0 (one per variant, whatever moved it).
 */
export type ProductUpdated =
  | { productId: number; reason: 'edited' }
  | { productId: number; variantId: number; reason: 'price_dropped'; oldPrice: number; newPrice: number }
  | { productId: number; variantId: number; reason: 'back_in_stock'; stock: number; threshold: number };

/** `stock.low`, after commit: a variant's stock fell to or below its low-stock threshold. */
export interface StockLow {
  productId: number;
  variantId: number;
  /** the product's name and the variant's SKU when it ran low: what staff are told */
  productName: string;
  sku: string;
  stock: number;
  threshold: number;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'product.updated': ProductUpdated;
    'stock.low': StockLow;
  }
}
