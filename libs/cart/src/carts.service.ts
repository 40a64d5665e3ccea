import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  DomainError,
  RateLimiter,
  inTransaction,
  notFound,
  randomSecret,
  reachable,
  sha256Hex,
  validationFailed,
  type AppConfig,
  invalidTransition,
} from '@chance/core';
import { variantSnapshots } from '@chance/catalog';
import { CouponsService } from '@chance/coupons';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { CartEntity } from './cart.entities.js';
import { liveLines, priceCarts, toCartView } from './cart-loader.js';
import { mergedQuantities } from './cart-merge.js';
import type { AddCartItemDto, CartView, UpdateCartItemDto } from './dto/cart.dto.js';

/** Who is asking for a cart: a signed-in user, and/or the holder of a guest cart's token. */
export interface CartCredentials {
  userId?: number;
  /** the signed-in user's e-mail (their coupon uses include guest orders placed with it) */
  email?: string;
  cartToken?: string;
}

export const hashCartToken = sha256Hex;

const closed = () => invalidTransition('This cart is closed');

/**
 * Carts of customers (reached with their bearer token) and guests (reached with the cart's own
 * token, 256 random bits, stored hashed). Another user's cart, or a guest cart without its token,
 * does not exist (404). Every change runs in a transaction that locks the cart row.
 */
@Injectable()
export class CartsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A guest cart and its token; at most RATE_LIMIT_GUEST_CARTS_PER_MINUTE per IP (docs/api.md#limits). */
  async createGuestCart(ip: string): Promise<CartView> {
    await this.limiter.consume({ key: `guest-cart:${ip}`, limit: this.config.rateLimits.guestCartsPerMinute, windowSeconds: 60 });
    const token = randomSecret();
    const [{ id }] = await this.dataSource.query('INSERT INTO carts (token_hash) VALUES ($1) RETURNING id', [hashCartToken(token)]);
    return this.view(this.dataSource.manager, await this.row(this.dataSource.manager, id), token);
  }

  /** The customer's active cart, created when they have none. */
  async mine(userId: number): Promise<CartView> {
    return inTransaction(this.dataSource, async (manager) => this.view(manager, await this.row(manager, await activeCartOf(manager, userId))));
  }

  async get(id: number, credentials: CartCredentials): Promise<CartView> {
    const manager = this.dataSource.manager;
    return this.view(manager, await this.reach(manager, id, credentials));
  }

  addItem(id: number, credentials: CartCredentials, input: AddCartItemDto): Promise<CartView> {
    return this.change(id, credentials, async (manager, cart) => {
      const [existing] = await manager.query('SELECT quantity FROM cart_items WHERE cart_id = $1 AND variant_id = $2', [cart.id, input.variantId]);
      await this.assertSellable(manager, input.variantId, (existing?.quantity ?? 0) + input.quantity);
      await manager.query(
        `INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, $3)
         ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity`,
        [cart.id, input.variantId, input.quantity],
      );
    });
  }

  updateItem(id: number, itemId: number, credentials: CartCredentials, input: UpdateCartItemDto): Promise<CartView> {
    return this.change(id, credentials, async (manager, cart) => {
      const [item] = await manager.query('SELECT variant_id FROM cart_items WHERE id = $1 AND cart_id = $2', [itemId, cart.id]);
      if (!item) throw notFound('Cart item');
      await this.assertSellable(manager, item.variant_id, input.quantity);
      await manager.query('UPDATE cart_items SET quantity = $2 WHERE id = $1', [itemId, input.quantity]);
    });
  }

  removeItem(id: number, itemId: number, credentials: CartCredentials): Promise<CartView> {
    return this.change(id, credentials, async (manager, cart) => {
      const [item] = await manager.query('SELECT 1 FROM cart_items WHERE id = $1 AND cart_id = $2', [itemId, cart.id]);
      if (!item) throw notFound('Cart item');
      await manager.query('DELETE FROM cart_items WHERE id = $1', [itemId]);
    });
  }

  /**
   * Every rule of docs/api.md#coupons is checked now; the per-customer limit too when the customer is
   * known. Each try counts against the caller's IP, right or wrong (docs/api.md#limits: codes cannot
   * be guessed at speed).
   */
  async applyCoupon(id: number, credentials: CartCredentials, code: string, ip: string): Promise<CartView> {
    await this.limiter.consume({ key: `coupon-try:${ip}`, limit: this.config.rateLimits.couponTriesPerMinute, windowSeconds: 60 });
    return this.change(id, credentials, async (manager, cart) => {
      const lines = (await liveLines(manager, [cart.id])).get(cart.id) ?? [];
      const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
      // a customer's cart is reached only by that customer, whose e-mail the request carries
      const email = cart.customerId !== null ? (credentials.email ?? null) : null;
      const coupon = await this.coupons.applicable(manager, code, subtotal, { customerId: cart.customerId, email });
      await manager.query('UPDATE carts SET coupon_id = $2 WHERE id = $1', [cart.id, coupon.id]);
    });
  }

  removeCoupon(id: number, credentials: CartCredentials): Promise<CartView> {
    return this.change(id, credentials, async (manager, cart) => {
      await manager.query('UPDATE carts SET coupon_id = NULL WHERE id = $1', [cart.id]);
    });
  }

  /**
   * Moves a guest cart's lines into the signed-in customer's cart in one transaction (quantities
   * add up, capped by stock) and closes the guest cart. Both carts are locked in id order, so two
   * merges of the same guest cart run one after the other: the second finds it merged and returns
   * the customer's cart unchanged.
   */
  merge(userId: number, cartToken: string | undefined): Promise<CartView> {
    if (!cartToken) throw validationFailed({ 'X-Cart-Token': 'send the guest cart’s token' });
    return inTransaction(this.dataSource, async (manager) => {
      const [guest] = await manager.query('SELECT id FROM carts WHERE token_hash = $1', [hashCartToken(cartToken)]);
      if (!guest) throw notFound('Cart');
      const target = await activeCartOf(manager, userId);
      const locked: { id: number; status: string; merged_into_id: number | null; coupon_id: number | null }[] = await manager.query(
        'SELECT id, status, merged_into_id, coupon_id FROM carts WHERE id = ANY($1) ORDER BY id FOR UPDATE',
        [[guest.id, target]],
      );
      const guestNow = locked.find((c) => c.id === guest.id)!;
      const targetNow = locked.find((c) => c.id === target)!;
      if (guestNow.status === 'merged' && guestNow.merged_into_id === target) return this.view(manager, await this.row(manager, target));
      if (guestNow.status !== 'active') throw notFound('Cart');
      // both carts are locked: their lines cannot change meanwhile
      const items: { cart_id: number; variant_id: number; quantity: number }[] = await manager.query(
        'SELECT cart_id, variant_id, quantity FROM cart_items WHERE cart_id = ANY($1) ORDER BY id',
        [[guest.id, target]],
      );
      const linesOf = (cartId: number) => items.filter((i) => i.cart_id === cartId).map((i) => ({ variantId: i.variant_id, quantity: i.quantity }));
      const guestLines = linesOf(guest.id);
      const variants = await variantSnapshots(
        manager,
        guestLines.map((l) => l.variantId),
      );
      const stock = new Map([...variants].map(([id, v]) => [id, v.stock]));
      const merged = mergedQuantities(guestLines, linesOf(target), stock);
      await manager.query(
        `INSERT INTO cart_items (cart_id, variant_id, quantity)
         SELECT $1, * FROM unnest($2::int[], $3::int[])
         ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = EXCLUDED.quantity`,
        [target, merged.map((l) => l.variantId), merged.map((l) => l.quantity)],
      );
      await manager.query('UPDATE carts SET coupon_id = COALESCE(coupon_id, $2), updated_at = now() WHERE id = $1', [target, guestNow.coupon_id]);
      await manager.query(`UPDATE carts SET status = 'merged', merged_into_id = $2, updated_at = now() WHERE id = $1`, [guest.id, targetNow.id]);
      return this.view(manager, await this.row(manager, target));
    });
  }

  /** Runs a change on an active cart the caller may reach, then answers with the priced cart. */
  private change(id: number, credentials: CartCredentials, work: (manager: EntityManager, cart: CartEntity) => Promise<void>): Promise<CartView> {
    return inTransaction(this.dataSource, async (manager) => {
      const cart = await this.reach(manager, id, credentials, true);
      if (cart.status !== 'active') throw closed();
      await work(manager, cart);
      await manager.query('UPDATE carts SET updated_at = now() WHERE id = $1', [cart.id]);
      return this.view(manager, await this.row(manager, cart.id));
    });
  }

  private async reach(manager: EntityManager, id: number, credentials: CartCredentials, lock = false): Promise<CartEntity> {
    await reachCart(manager, id, credentials, lock);
    return this.row(manager, id);
  }

  private async row(manager: EntityManager, id: number): Promise<CartEntity> {
    const cart = await manager.findOneBy(CartEntity, { id });
    if (!cart) throw notFound('Cart');
    return cart;
  }

  private async view(manager: EntityManager, cart: CartEntity, token?: string): Promise<CartView> {
    const priced = (await priceCarts(manager, this.settings, [cart])).get(cart.id)!;
    return toCartView(cart, priced, token);
  }

  /** The variant exists, its product is for sale, and the stock covers the quantity (409 OUT_OF_STOCK otherwise). */
  private async assertSellable(manager: EntityManager, variantId: number, quantity: number): Promise<void> {
    const variant = (await variantSnapshots(manager, [variantId])).get(variantId);
    if (!variant || !variant.isActive) throw validationFailed({ variantId: 'is not for sale' });
    if (quantity > variant.stock) {
      throw new DomainError('OUT_OF_STOCK', `Only ${variant.stock} in stock`, { quantity: `only ${variant.stock} in stock` });
    }
  }
}

/** The cart, when the credentials reach it; otherwise 404, as if it did not exist. */
export async function reachCart(
  manager: EntityManager,
  id: number,
  credentials: CartCredentials,
  lock = false,
): Promise<{ id: number; customerId: number | null }> {
  const [row] = await manager.query(`SELECT id, customer_id, token_hash FROM carts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row || !reachable({ ownerId: row.customer_id, tokenHash: row.token_hash }, { userId: credentials.userId, token: credentials.cartToken })) {
    throw notFound('Cart');
  }
  return { id: row.id, customerId: row.customer_id };
}

/** The user's active cart id, created if needed (a unique partial index keeps it to one). */
export async function activeCartOf(manager: EntityManager, userId: number): Promise<number> {
  await manager.query(
    `INSERT INTO carts (customer_id) VALUES ($1)
     ON CONFLICT (customer_id) WHERE status = 'active' AND customer_id IS NOT NULL DO NOTHING`,
    [userId],
  );
  const [cart] = await manager.query(`SELECT id FROM carts WHERE customer_id = $1 AND status = 'active'`, [userId]);
  return cart.id;
}
