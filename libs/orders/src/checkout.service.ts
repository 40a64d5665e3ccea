import { Injectable } from '@nestjs/common';
import { liveLines, lockCart, reachCart } from '@chance/cart';
import { idempotent, inTransaction, requestHash, validationFailed, type IdempotentResult, invalidTransition } from '@chance/core';
import { emailOf } from '@chance/identity';
import { DataSource, type EntityManager } from 'typeorm';
import type { CheckoutDto, OrderView } from './dto/order.dto.js';
import { OrderPlacement } from './order-placement.js';

export interface CheckoutCredentials {
  userId?: number;
  cartToken?: string;
  idempotencyKey: string;
}

/**
 * The checkout (docs/api.md#checkout) in one transaction: re-price the cart with the shared totals function, check
 * the coupon again, take the stock of every line (all or none), redeem the coupon within its
 * limits, create the order with snapshot lines, publish `order.placed` to the outbox, close the
 * cart, and raise `order.placed` in the transaction, on which the invoice is issued (libs/invoices).
 * Locks are taken in one order everywhere (variants by id, then the coupon, then the invoice
 * counter, which is taken at COMMIT), so concurrent checkouts cannot deadlock; a loser rolls back whole.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly placement: OrderPlacement,
  ) {}

  /**
   * The stored answer (first or replayed) never holds a guest's access token: it is derived again
   * for the answer (guest-order-token.ts), so the idempotency record proves no access.
   */
  async checkout(input: CheckoutDto, credentials: CheckoutCredentials): Promise<IdempotentResult<OrderView>> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const cart = await reachCart(manager, input.cartId, credentials);
      const scope = cart.customerId !== null ? `checkout:customer:${cart.customerId}` : `checkout:cart:${cart.id}`;
      return idempotent(manager, { scope, key: credentials.idempotencyKey, hash: requestHash(input) }, async () => {
        const { order, last } = await this.placeOrder(manager, cart.id, input);
        return { status: 201, body: order, last };
      });
    });
    const order = result.body;
    return order.customerId === null ? { ...result, body: { ...order, accessToken: this.placement.guestToken(order) } } : result;
  }

  /** The cart's checks, then the one placement (order-placement.ts), which closes the cart. */
  private async placeOrder(manager: EntityManager, cartId: number, input: CheckoutDto): Promise<{ order: OrderView; last: () => Promise<void> }> {
    // reached before (reachCart): it exists
    const cart = (await lockCart(manager, cartId))!;
    if (cart.status !== 'active') throw invalidTransition('This cart has already been checked out or merged');
    const lines = (await liveLines(manager, [cart.id])).get(cart.id) ?? [];
    if (lines.length === 0) throw validationFailed({ cartId: 'the cart is empty' });
    const customerId = cart.customerId;
    const email = await this.buyerEmail(manager, customerId, input.email);
    // the placement closes the cart in the statement that writes the order
    return this.placement.place(manager, {
      lines,
      customerId,
      email,
      couponId: cart.couponId,
      shippingAddress: input.shippingAddress,
      paymentMethod: input.paymentMethod,
      cartId: cart.id,
    });
  }

  private async buyerEmail(manager: EntityManager, customerId: number | null, given: string | undefined): Promise<string> {
    if (customerId === null) {
      if (!given) throw validationFailed({ email: 'is required for guest checkout' });
      return given.trim().toLowerCase();
    }
    // the cart's customer exists: carts.customer_id references users
    return (await emailOf(manager, customerId))!;
  }
}
