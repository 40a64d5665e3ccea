import { appendTo } from '@chance/core';
import { variantSnapshots } from '@chance/catalog';
import { couponsByIds } from '@chance/coupons';
import { SettingsService } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import type { CartEntity } from './cart.entities.js';
import { priceCart, type LiveLine, type PricedCart } from './cart-pricing.js';
import type { CartView } from './dto/cart.dto.js';

/** The lines of many carts with their live catalog data (the catalog's variant snapshots), in two queries. */
export async function liveLines(manager: EntityManager, cartIds: number[]): Promise<Map<number, LiveLine[]>> {
  const byCart = new Map<number, LiveLine[]>();
  if (cartIds.length === 0) return byCart;
  const items: { id: number; cartId: number; variantId: number; quantity: number }[] = await manager.query(
    `SELECT id, cart_id AS "cartId", variant_id AS "variantId", quantity FROM cart_items WHERE cart_id = ANY($1) ORDER BY id`,
    [cartIds],
  );
  // sequential: `manager` may be a transaction, whose one connection takes one query at a time
  const variants = await variantSnapshots(
    manager,
    items.map((item) => item.variantId),
  );
  for (const item of items) {
    const variant = variants.get(item.variantId);
    // a variant's deletion removes it from every cart (ON DELETE CASCADE); one deleted since the read has no line
    if (!variant) continue;
    appendTo(byCart, item.cartId, {
      ...item,
      productId: variant.productId,
      productName: variant.productName,
      sku: variant.sku,
      attributes: variant.attributes,
      unitPrice: variant.price,
      costPrice: variant.costPrice,
      shippingCost: variant.shippingCost,
      estimatedDeliveryDays: variant.estimatedDeliveryDays,
      stock: variant.stock,
      isActive: variant.isActive,
    });
  }
  return byCart;
}

/** Prices carts in a constant number of queries, whatever their number (admin lists, store views). */
export async function priceCarts(manager: EntityManager, settings: SettingsService, carts: CartEntity[], now = new Date()): Promise<Map<number, PricedCart>> {
  const couponIds = [...new Set(carts.map((c) => c.couponId).filter((id): id is number => id !== null))];
  // sequential: `manager` may be a transaction, whose one connection takes one query at a time
  const lines = await liveLines(
    manager,
    carts.map((c) => c.id),
  );
  const couponById = await couponsByIds(manager, couponIds);
  const { taxRateBps } = await settings.currentIn(manager);
  return new Map(
    carts.map((cart) => [cart.id, priceCart(lines.get(cart.id) ?? [], cart.couponId ? (couponById.get(cart.couponId) ?? null) : null, taxRateBps, now)]),
  );
}

export function toCartView(cart: CartEntity, priced: PricedCart, token?: string): CartView {
  return {
    id: cart.id,
    ...(token ? { token } : {}),
    customerId: cart.customerId,
    status: cart.status,
    ...priced,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
  };
}
