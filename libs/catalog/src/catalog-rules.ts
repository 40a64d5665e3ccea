/** Pure catalog rules: effective prices, slugs, and which stock changes are worth telling someone. */

import type { ProductUpdated, StockLow } from './catalog.events.js';

export interface PricedVariant {
  price: number | null;
  costPrice: number | null;
}

export interface ProductPrices {
  price: number;
  costPrice: number;
}

/** A variant without its own price sells at the product's. */
export function effectivePrices(variant: PricedVariant, product: ProductPrices): { price: number; costPrice: number } {
  return { price: variant.price ?? product.price, costPrice: variant.costPrice ?? product.costPrice };
}

export type StockSignal = 'low_stock' | 'back_in_stock';

/**
 * What a stock change from `before` to `after` signals: back in stock when it leaves zero; low
 * stock when it falls to or below the threshold from above it (once per crossing, not on every sale).
 */
export function stockSignals(before: number, after: number, threshold: number): StockSignal[] {
  const signals: StockSignal[] = [];
  if (before === 0 && after > 0) signals.push('back_in_stock');
  if (after < before && after <= threshold && before > threshold) signals.push('low_stock');
  return signals;
}

/** A variant's stock change, with what its signals tell. */
export interface StockChange {
  variantId: number;
  productId: number;
  productName: string;
  sku: string;
  before: number;
  after: number;
  threshold: number;
}

/** The events a stock change raises (`stockSignals`): `stock.low` and `product.updated` (`back_in_stock`) payloads. */
export function stockSignalPayloads(change: StockChange): { low: StockLow[]; back: ProductUpdated[] } {
  const { variantId, productId, productName, sku, after: stock, threshold } = change;
  const low: StockLow[] = [];
  const back: ProductUpdated[] = [];
  for (const signal of stockSignals(change.before, change.after, threshold)) {
    if (signal === 'low_stock') low.push({ productId, variantId, productName, sku, stock, threshold });
    else back.push({ productId, variantId, reason: 'back_in_stock', stock, threshold });
  }
  return { low, back };
}

/** `"Men's Shirt — Blue/XL"` → `"men-s-shirt-blue-xl"`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'item';
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A slug not in `taken`: the base itself, else `base-2`, `base-3`… (at most 100 characters); the
 * one chosen is added to `taken`, so a batch never hands out one twice.
 */
export function freeSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 100 - String(n).length - 1).replace(/-+$/, '')}-${n}`;
  taken.add(slug);
  return slug;
}
