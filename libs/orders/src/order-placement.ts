import { Inject, Injectable } from '@nestjs/common';
import { closeCartSql } from '@chance/cart';
import { moveStock, variantThumbnails } from '@chance/catalog';
import {
  APP_CONFIG,
  DOCUMENT_SERIES,
  DomainError,
  DomainEventBus,
  computeTotals,
  costOfGoods,
  documentNumberSql,
  preparedQuery,
  publishSql,
  sha256Hex,
  type AppConfig,
  type OutboxEvents,
  discountOfCoupon,
} from '@chance/core';
import { CouponsService } from '@chance/coupons';
import { SettingsService } from '@chance/settings';
import type { EntityManager } from 'typeorm';
import type { OrderView } from './dto/order.dto.js';
import { guestOrderToken } from './guest-order-token.js';
import type { ShippingAddress } from './order.entities.js';
import { estimatedDeliveryDate, paymentState, type PaymentMethod } from './order-rules.js';
import { toOrderView } from './order-view.js';

/** What an order line copies of the catalog: names, SKUs, attributes, prices and costs (docs/api.md#checkout), and the thumbnail (docs/api.md#catalog-media). */
export interface LineSnapshot {
  productId: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  unitPrice: number;
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  quantity: number;
  /** staff set the unit price by hand (a draft's price match); the catalog's otherwise */
  priceOverridden?: boolean;
  /** the variant's thumbnail when ordered; a placement always takes it afresh */
  thumbnailUrl?: string | null;
}

/** What is placed: priced lines (with whether each product is still for sale), the buyer and what they chose. */
export interface PlacementRequest {
  lines: (LineSnapshot & { isActive: boolean })[];
  customerId: number | null;
  email: string;
  couponId: number | null;
  shippingAddress: ShippingAddress;
  paymentMethod: PaymentMethod;
  /** the cart checked out, if any: closed by the statement that writes the order */
  cartId: number | null;
  /** the draft placed (its row becomes the order, under the same id), if any */
  draftId?: number;
}

/**
 * How an order is placed, whatever placed it (the checkout of a cart, or staff placing a draft):
 * the one place that decides. In the caller's transaction: refuse a line no longer for sale, check
 * the coupon again, compute the totals with the shared function and the store's current tax rate,
 * take the order's number, take the stock of every line (all or none), write the order with
 * snapshot lines (their thumbnails as the catalog shows them now) and publish `order.placed`. The two hot rows every placement queues for come
 * back as `last`, the transaction's last step: the coupon's use, and the invoice (issued by the
 * `order.placed` listener of libs/invoices), whose gapless counter is taken only at COMMIT.
 */
@Injectable()
export class OrderPlacement {
  constructor(
    private readonly coupons: CouponsService,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEventBus,
  ) {}

  /** A guest's token to read their order, derived again whenever it is answered (guest-order-token.ts). */
  guestToken(order: { number: string | null; placedAt: Date | string }): string {
    return guestOrderToken(this.config.jwtSecret, { number: order.number!, placedAt: order.placedAt });
  }

  async place(manager: EntityManager, request: PlacementRequest): Promise<{ order: OrderView; last: () => Promise<void> }> {
    const { lines, customerId, email } = request;
    const withdrawn = lines.find((line) => !line.isActive);
    if (withdrawn)
      throw new DomainError('OUT_OF_STOCK', `${withdrawn.productName} is no longer for sale`, { [`variant.${withdrawn.variantId}`]: 'no longer for sale' });

    const { taxRateBps, currency, lowStockThreshold } = await this.settings.currentIn(manager);
    const subtotal = computeTotals(lines, null, 0).subtotal;
    const coupon = request.couponId ? await this.coupons.assertUsable(manager, request.couponId, subtotal, { customerId, email }) : null;
    const totals = computeTotals(lines, coupon ? discountOfCoupon(coupon) : null, taxRateBps);

    // the transaction's clock, as every default now() of its rows
    const numbering = documentNumberSql(DOCUMENT_SERIES.order);
    // the statements every placement runs are prepared once per connection (preparedQuery)
    const [{ number, now: placedAt }] = await preparedQuery<{ number: string; now: Date }>(
      manager,
      `WITH ${numbering.with} SELECT ${numbering.number} AS number, now() AS now FROM next_number`,
      [],
    );
    await moveStock(
      manager,
      lines.map((line) => ({ variantId: line.variantId, delta: -line.quantity })),
      { reason: 'order_placed', reference: number, storeLowStockThreshold: lowStockThreshold },
    );
    const thumbnails = await variantThumbnails(
      manager,
      lines.map((l) => l.variantId),
    );
    const snapshots = lines.map((line) => snapshotOf(line, thumbnails.get(line.variantId) ?? null));
    const accessToken = customerId === null ? this.guestToken({ number, placedAt }) : undefined;
    const payment = paymentState(totals.total, [], false);
    const shippingAddress = JSON.parse(JSON.stringify(request.shippingAddress)) as ShippingAddress;
    const deliveryDate = estimatedDeliveryDate(
      placedAt,
      snapshots.map((s) => s.estimatedDeliveryDays),
    );
    const values = [
      number,
      customerId,
      email,
      payment.paymentStatus,
      request.paymentMethod,
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
      request.cartId,
      placedAt,
      costOfGoods(snapshots),
      JSON.stringify(snapshots.map((s, i) => ({ ...snapshotRow(s), line_total: totals.lineTotals[i] }))),
    ];
    // the order: a new row (checkout), or the draft's row becoming the order (its lines replaced).
    // The order's invoice_id is the id its invoice will take, reserved by the column's default
    const order =
      request.draftId === undefined
        ? `INSERT INTO orders (number, customer_id, email, status, payment_status, payment_method, coupon_id, coupon_code,
                               subtotal, discount_total, shipping_total, tax_rate_bps, tax_total, total, shipping_address,
                               estimated_delivery_date, access_token_hash, cart_id, placed_at, updated_at, cost_of_goods)
           VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19) RETURNING id, invoice_id`
        : `UPDATE orders SET number = $1, customer_id = $2, email = $3, status = 'pending', payment_status = $4, payment_method = $5,
                             coupon_id = $6, coupon_code = $7, subtotal = $8, discount_total = $9, shipping_total = $10, tax_rate_bps = $11,
                             tax_total = $12, total = $13, shipping_address = $14, estimated_delivery_date = $15, access_token_hash = $16,
                             cart_id = $17, placed_at = $18, updated_at = $18, cost_of_goods = $19, invoice_id = DEFAULT
            WHERE id = $21 AND status = 'draft' RETURNING id, invoice_id`;
    if (request.draftId !== undefined) {
      values.push(request.draftId);
      await manager.query('DELETE FROM order_lines WHERE order_id = $1', [request.draftId]);
    }
    // the order.placed event, its orderId added by the statement
    values.push(JSON.stringify({ number, customerId, email, total: totals.total } satisfies Omit<OutboxEvents['order.placed'], 'orderId'>));
    const event = `$${values.length}::jsonb || jsonb_build_object('orderId', o.id)`;
    // the order and its lines, the cart closed (cart's closeCartSql) and `order.placed` published
    // (core's publishSql) in one statement: one round trip while the variants' rows are locked.
    // What comes back is what the view needs
    const inserted = await preparedQuery<{ order_id: number; id: number; variant_id: number; invoice_id: number }>(
      manager,
      `WITH o AS (${order}),
       l AS (
         INSERT INTO order_lines (order_id, ${LINE_COLUMNS})
         SELECT o.id, l.* FROM o, jsonb_to_recordset($20::jsonb) AS l(${LINE_RECORD})
         RETURNING order_id, id, variant_id),
       ${request.cartId === null ? '' : `${closeCartSql('$17')},`}
       ${publishSql('order.placed', event, 'o')}
       SELECT l.order_id, l.id, l.variant_id, o.invoice_id FROM l, o`,
      values,
    );
    const { order_id: orderId, invoice_id: invoiceId } = inserted[0];
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
        paymentMethod: request.paymentMethod,
        couponId: coupon?.id ?? null,
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
      if (coupon) await this.coupons.redeem(manager, coupon.id, { orderId }, { customerId, email });
      // the invoice is issued on this (libs/invoices), and numbered when the transaction commits
      await this.events.raise(manager, 'order.placed', {
        orderId,
        number,
        placedAt,
        invoiceId,
        email,
        shippingAddress,
        currency,
        lines: invoiceLines(snapshots, totals.lineTotals),
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
}

/** What the records that follow an order (its invoice) copy of its lines. */
export const invoiceLines = (snapshots: readonly LineSnapshot[], lineTotals: readonly number[]) =>
  snapshots.map((s, i) => ({
    productId: s.productId,
    variantId: s.variantId,
    productName: s.productName,
    sku: s.sku,
    attributes: s.attributes,
    unitPrice: s.unitPrice,
    quantity: s.quantity,
    lineTotal: lineTotals[i],
    shippingCost: s.shippingCost,
  }));

/** A line's snapshot alone (whatever else the line carries left out), with its thumbnail. */
export const snapshotOf = (line: LineSnapshot, thumbnailUrl: string | null): Required<LineSnapshot> => ({
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
  priceOverridden: line.priceOverridden ?? false,
  thumbnailUrl,
});

/** An order line's columns, as the insert of the placement (and the writes of an edit) take them, with `line_total` after them. */
export const snapshotRow = (s: LineSnapshot) => ({
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
  price_overridden: s.priceOverridden ?? false,
  thumbnail_url: s.thumbnailUrl ?? null,
});

/** The columns of `snapshotRow` and `line_total`, in order: for an insert's column list, */
export const LINE_COLUMNS =
  'product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, shipping_cost, estimated_delivery_days, quantity, price_overridden, thumbnail_url, line_total';
/** and with their types, for the `jsonb_to_recordset` that reads the rows. */
export const LINE_RECORD = `product_id int, variant_id int, product_name text, sku text, attributes jsonb, unit_price int, cost_price int, shipping_cost int,
  estimated_delivery_days int, quantity int, price_overridden boolean, thumbnail_url text, line_total int`;
