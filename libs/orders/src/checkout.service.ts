import { Inject, Injectable } from '@nestjs/common';
import { closeCart, liveLines, lockCart, reachCart, type LiveLine } from '@chance/cart';
import { moveStock, variantThumbnails } from '@chance/catalog';
import {
  DOCUMENT_SERIES,
  documentNumberSql,
  APP_CONFIG,
  DomainError,
  DomainEventBus,
  computeTotals,
  costOfGoods,
  idempotent,
  inTransaction,
  publish,
  requestHash,
  sha256Hex,
  validationFailed,
  type AppConfig,
  type IdempotentResult,
  invalidTransition,
} from '@chance/core';
import { CouponsService, discountOfCoupon } from '@chance/coupons';
import { emailOf } from '@chance/identity';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { CheckoutDto, OrderView } from './dto/order.dto.js';
import type { ShippingAddress } from './order.entities.js';
import { guestOrderToken } from './guest-order-token.js';
import { estimatedDeliveryDate, paymentState } from './order-rules.js';
import { toOrderView } from './order-view.js';

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
 * counter), so concurrent checkouts cannot deadlock; a loser rolls back whole.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsService,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEventBus,
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
    return order.customerId === null ? { ...result, body: { ...order, accessToken: this.guestToken(order) } } : result;
  }

  private guestToken(order: { number: string | null; placedAt: Date | string }): string {
    return guestOrderToken(this.config.jwtSecret, { number: order.number!, placedAt: order.placedAt });
  }

  /**
   * Everything but the two hot rows every checkout queues for, which come back as the
   * transaction's last step: the coupon's use (one row per popular code) and the invoice's gapless
   * counter (one row per year, taken by the `order.placed` listener of libs/invoices), each locked
   * until commit, so each is held for a statement or two and the commit only.
   */
  private async placeOrder(manager: EntityManager, cartId: number, input: CheckoutDto): Promise<{ order: OrderView; last: () => Promise<void> }> {
    // reached before (reachCart): it exists
    const cart = (await lockCart(manager, cartId))!;
    if (cart.status !== 'active') throw invalidTransition('This cart has already been checked out or merged');
    const lines = (await liveLines(manager, [cart.id])).get(cart.id) ?? [];
    if (lines.length === 0) throw validationFailed({ cartId: 'the cart is empty' });
    const withdrawn = lines.find((line) => !line.isActive);
    if (withdrawn)
      throw new DomainError('OUT_OF_STOCK', `${withdrawn.productName} is no longer for sale`, { [`variant.${withdrawn.variantId}`]: 'no longer for sale' });

    const customerId = cart.customerId;
    const email = await this.buyerEmail(manager, customerId, input.email);
    const { taxRateBps, currency } = await this.settings.currentIn(manager);
    const subtotal = computeTotals(lines, null, 0).subtotal;
    const coupon = cart.couponId ? await this.coupons.assertUsable(manager, cart.couponId, subtotal, { customerId, email }) : null;
    const totals = computeTotals(lines, coupon ? discountOfCoupon(coupon) : null, taxRateBps);

    // the transaction's clock, as every default now() of its rows
    const numbering = documentNumberSql(DOCUMENT_SERIES.order);
    const [{ number, now: placedAt }] = await manager.query(`WITH ${numbering.with} SELECT ${numbering.number} AS number, now() AS now FROM next_number`);
    await moveStock(
      manager,
      lines.map((line) => ({ variantId: line.variantId, delta: -line.quantity })),
      { reason: 'order_placed', reference: number },
    );
    const thumbnails = await variantThumbnails(
      manager,
      lines.map((l) => l.variantId),
    );
    const snapshots = lines.map((line) => snapshotOf(line, thumbnails.get(line.variantId) ?? null));
    const accessToken = customerId === null ? this.guestToken({ number, placedAt }) : undefined;
    const payment = paymentState(totals.total, [], false);
    const shippingAddress = JSON.parse(JSON.stringify(input.shippingAddress)) as ShippingAddress;
    const deliveryDate = estimatedDeliveryDate(
      placedAt,
      snapshots.map((s) => s.estimatedDeliveryDays),
    );
    // the order and its lines in one statement; what comes back is what the view needs. The
    // order's invoice_id is the id its invoice will take, reserved by the column's default
    const inserted: { order_id: number; id: number; variant_id: number; invoice_id: number }[] = await manager.query(
      `WITH o AS (
         INSERT INTO orders (number, customer_id, email, status, payment_status, payment_method, coupon_id, coupon_code,
                             subtotal, discount_total, shipping_total, tax_rate_bps, tax_total, total, shipping_address,
                             estimated_delivery_date, access_token_hash, cart_id, placed_at, updated_at, cost_of_goods)
         VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19) RETURNING id, invoice_id),
       l AS (
         INSERT INTO order_lines (order_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price,
                                  shipping_cost, estimated_delivery_days, quantity, line_total, thumbnail_url)
         SELECT o.id, l.* FROM o, jsonb_to_recordset($20::jsonb) AS l(product_id int, variant_id int, product_name text, sku text, attributes jsonb,
                unit_price int, cost_price int, shipping_cost int, estimated_delivery_days int, quantity int, line_total int, thumbnail_url text)
         RETURNING order_id, id, variant_id)
       SELECT l.order_id, l.id, l.variant_id, o.invoice_id FROM l, o`,
      [
        number,
        customerId,
        email,
        payment.paymentStatus,
        input.paymentMethod,
        coupon?.id ?? null,
        coupon?.code ?? null,
        totals.subtotal,
        totals.discountTotal,
        totals.shippingTotal,
        totals.taxRateBps,
        totals.taxTotal,
        totals.total,
        JSON.stringify(shippingAddress),
        deliveryDate,
        accessToken ? sha256Hex(accessToken) : null,
        cart.id,
        placedAt,
        costOfGoods(snapshots),
        JSON.stringify(snapshots.map((s, i) => ({ ...snapshotRow(s), line_total: totals.lineTotals[i] }))),
      ],
    );
    const { order_id: orderId, invoice_id: invoiceId } = inserted[0];
    await closeCart(manager, cart.id);
    await publish(manager, 'order.placed', { orderId, number, customerId, email, total: totals.total });
    // the view from what was written, not read back
    const lineIds = new Map(inserted.map((row) => [row.variant_id, row.id]));
    const view = toOrderView(
      {
        id: orderId,
        number,
        customerId,
        email,
        status: 'pending',
        paymentStatus: payment.paymentStatus,
        paymentMethod: input.paymentMethod,
        couponCode: coupon?.code ?? null,
        ...totals,
        paidAmount: 0,
        refundedAmount: 0,
        shippingAddress,
        estimatedDeliveryDate: deliveryDate,
        invoiceId,
        placedAt,
        updatedAt: placedAt,
        cancelledAt: null,
        deliveredAt: null,
      },
      snapshots.map((s, i) => ({ id: lineIds.get(s.variantId)!, orderId, ...s, lineTotal: totals.lineTotals[i] })),
      [],
      'store',
    );
    const last = async () => {
      if (coupon) await this.coupons.redeem(manager, coupon.id, orderId, { customerId, email });
      // the invoice is issued on this (libs/invoices): the transaction's last statement
      await this.events.raise(manager, 'order.placed', {
        orderId,
        number,
        placedAt,
        invoiceId,
        email,
        shippingAddress,
        currency,
        lines: snapshots.map((s, i) => ({
          productId: s.productId,
          variantId: s.variantId,
          productName: s.productName,
          sku: s.sku,
          attributes: s.attributes,
          unitPrice: s.unitPrice,
          quantity: s.quantity,
          lineTotal: totals.lineTotals[i],
          shippingCost: s.shippingCost,
        })),
        subtotal: totals.subtotal,
        discountTotal: totals.discountTotal,
        shippingTotal: totals.shippingTotal,
        taxRateBps: totals.taxRateBps,
        taxTotal: totals.taxTotal,
        total: totals.total,
        paidAmount: 0,
        paymentStatus: payment.paymentStatus,
      });
    };
    return { order: view, last };
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

/** What the order must remember of the catalog: names, SKUs, attributes, prices and costs, as the cart's live lines read them, and the thumbnail. */
const snapshotOf = (line: LiveLine, thumbnailUrl: string | null): Snapshot => ({
  productId: line.productId,
  variantId: line.variantId,
  productName: line.productName,
  sku: line.sku,
  attributes: line.attributes,
  unitPrice: line.unitPrice,
  costPrice: line.costPrice,
  shippingCost: line.shippingCost,
  estimatedDeliveryDays: line.estimatedDeliveryDays,
  quantity: line.quantity,
  thumbnailUrl,
});

type Snapshot = Omit<LiveLine, 'id' | 'cartId' | 'stock' | 'isActive'> & { thumbnailUrl: string | null };

const snapshotRow = (s: Snapshot) => ({
  product_id: s.productId,
  variant_id: s.variantId,
  product_name: s.productName,
  sku: s.sku,
  attributes: s.attributes,
  unit_price: s.unitPrice,
  cost_price: s.costPrice,
  shipping_cost: s.shippingCost,
  estimated_delivery_days: s.estimatedDeliveryDays,
  quantity: s.quantity,
  thumbnail_url: s.thumbnailUrl,
});
