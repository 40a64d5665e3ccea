import { appendTo } from '@chance/core';
import { CouponEntity } from '@chance/coupons';
import { SettingsService } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import type { CartEntity } from './cart.entities.js';
import { priceCart, type LiveLine, type PricedCart } from './cart-pricing.js';
import type { CartView } from './dto/cart.dto.js';

/** The lines of many carts with their live catalog data, in one query. */
export async function liveLines(manager: EntityManager, cartIds: number[]): Promise<Map<number, LiveLine[]>> {
  const byCart = new Map<number, LiveLine[]>();
  if (cartIds.length === 0) return byCart;
  const rows: LiveLine[] = await manager.query(
    `SELECT ci.id, ci.cart_id AS "cartId", ci.variant_id AS "variantId", ci.quantity,
            p.id AS "productId", p.name AS "productName", v.sku, v.attributes,
            COALESCE(v.price, p.price) AS "unitPrice", p.shipping_cost AS "shippingCost", v.stock, p.is_active AS "isActive"
       FROM cart_items ci
       JOIN variants v ON v.id = ci.variant_id
       JOIN products p ON p.id = v.product_id
      WHERE ci.cart_id = ANY($1)
      ORDER BY ci.id`,
    [cartIds],
  );
  for (const row of rows) appendTo(byCart, row.cartId, row);
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
  const coupons = await manager.createQueryBuilder(CouponEntity, 'c').where('c.id = ANY(:ids)', { ids: couponIds }).getMany();
  const { taxRateBps } = await settings.currentIn(manager);
  const couponById = new Map(coupons.map((c) => [c.id, c]));
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
