import type { EntityManager } from 'typeorm';

// What the checkout (libs/orders) asks of carts (docs/architecture.md#table-ownership): it locks the
// cart it turns into an order, and closes it.

export interface LockedCart {
  id: number;
  customerId: number | null;
  status: 'active' | 'merged' | 'checked_out';
  couponId: number | null;
}

/** Locks the cart for the rest of the caller's transaction (a checkout), and reads it. */
export async function lockCart(manager: EntityManager, cartId: number): Promise<LockedCart | null> {
  const [cart] = await manager.query('SELECT id, customer_id AS "customerId", status, coupon_id AS "couponId" FROM carts WHERE id = $1 FOR UPDATE', [cartId]);
  return cart ?? null;
}

/** Closing the checked-out cart, as SQL: a CTE named `closed_cart` for the statement that writes the order (`cartId`: an SQL expression, a parameter). */
export function closeCartSql(cartId: string): string {
  return `closed_cart AS (UPDATE carts SET status = 'checked_out', updated_at = now() WHERE id = ${cartId})`;
}
