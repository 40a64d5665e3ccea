import { Injectable } from '@nestjs/common';
import { moveStock } from '@chance/catalog';
import { DomainError, DomainEventBus, computeTotals, costOfGoods, publish, validationFailed, discountOfCoupon } from '@chance/core';
import { CouponsService, type Coupon } from '@chance/coupons';
import type { EntityManager } from 'typeorm';
import type { UpdateOrderDto } from './dto/order-edit.dto.js';
import { OrderLineEntity, type OrderEntity } from './order.entities.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { invoiceLines } from './order-placement.js';
import { keepLine, resolveLines, writeLines } from './order-lines.js';
import { estimatedDeliveryDate, stockMovesOfEdit } from './order-rules.js';

/** What only a draft may change: who buys and how they pay. */
const DRAFT_ONLY = ['customerId', 'email', 'paymentMethod'] as const;

/**
 * Staff editing a placed order (pending or processing; docs/api.md#draft-orders-and-order-editing),
 * in the caller's transaction with the order locked: the new lines (kept lines keep their
 * snapshot), the coupon checked again (or removed, or another redeemed), every total recomputed
 * with the shared totals function and the order's own tax rate, the stock moved by the
 * difference only (`order_edited`; short is 409 OUT_OF_STOCK and nothing changes), the invoice
 * revised on `order.edited` (libs/invoices), the payment state derived again, and the customer
 * told (`order.updated`, change `edited`). An edit below what was paid is 409 REFUND_REQUIRED.
 * Locks: the order, then variants in id order, then the coupon: concurrent edits and checkouts
 * cannot deadlock, and never sell more than the stock (the ledger's conditional updates).
 */
@Injectable()
export class OrderEditingService {
  constructor(
    private readonly coupons: CouponsService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly events: DomainEventBus,
  ) {}

  async edit(manager: EntityManager, order: OrderEntity, input: UpdateOrderDto): Promise<void> {
    const draftOnly = DRAFT_ONLY.filter((field) => input[field] !== undefined);
    if (draftOnly.length > 0) throw validationFailed(Object.fromEntries(draftOnly.map((field) => [field, 'can only be changed on a draft'])));
    const existing = await manager.findBy(OrderLineEntity, { orderId: order.id });
    const lines = await resolveLines(manager, input.lines ?? existing.map(keepLine), existing, { reprice: false });
    const shopper = { customerId: order.customerId, email: order.email };
    const subtotal = computeTotals(lines, null, 0).subtotal;

    // the coupon: kept (checked again as at placing), removed (its use given back), or another one
    const wanted = input.couponCode === undefined ? order.couponCode : input.couponCode;
    const keeps = wanted !== null && order.couponCode !== null && wanted.trim().toLowerCase() === order.couponCode.toLowerCase();
    let coupon: Coupon | null = null;
    let redeem = false;
    if (keeps) {
      if (order.couponId === null)
        throw new DomainError('COUPON_NOT_FOUND', 'This order’s coupon no longer exists: remove it (couponCode: null)', {
          couponCode: 'no longer exists: remove it',
        });
      coupon = await this.coupons.assertStillApplies(manager, order.couponId, subtotal, shopper, order.placedAt);
    } else if (wanted !== null) {
      coupon = await this.coupons.usableByCode(manager, wanted, subtotal, shopper, 'couponCode');
      redeem = true;
    }
    const totals = computeTotals(lines, coupon ? discountOfCoupon(coupon) : null, order.taxRateBps);

    const [{ taken }] = await manager.query(
      `SELECT COALESCE(sum(amount) FILTER (WHERE status IN ('succeeded', 'refunded', 'pending')), 0)::int AS taken FROM payments WHERE order_id = $1`,
      [order.id],
    );
    if (totals.total < taken)
      throw new DomainError('REFUND_REQUIRED', `This edit would bring the total below the ${taken} already paid: refund the difference first`, {
        total: `would be ${totals.total}, below the ${taken} paid`,
      });

    await moveStock(manager, stockMovesOfEdit(existing, lines), { reason: 'order_edited', reference: order.number });
    if (!keeps && order.couponCode !== null) await this.coupons.release(manager, { orderId: order.id });
    await writeLines(manager, order.id, lines, totals.lineTotals);
    const shippingAddress = input.shippingAddress ? JSON.parse(JSON.stringify(input.shippingAddress)) : order.shippingAddress;
    await manager.query(
      `UPDATE orders SET coupon_id = $2, coupon_code = $3, subtotal = $4, discount_total = $5, shipping_total = $6, tax_total = $7, total = $8,
                         shipping_address = $9, estimated_delivery_date = $10, cost_of_goods = $11, updated_at = now()
        WHERE id = $1`,
      [
        order.id,
        coupon?.id ?? null,
        coupon?.code ?? null,
        totals.subtotal,
        totals.discountTotal,
        totals.shippingTotal,
        totals.taxTotal,
        totals.total,
        JSON.stringify(shippingAddress),
        estimatedDeliveryDate(
          order.placedAt,
          lines.map((l) => l.estimatedDeliveryDays),
        ),
        costOfGoods(lines),
      ],
    );
    if (redeem && coupon) await this.coupons.redeem(manager, coupon.id, { orderId: order.id }, { customerId: order.customerId, email: order.email });
    await this.events.raise(manager, 'order.edited', {
      orderId: order.id,
      email: order.email,
      shippingAddress,
      lines: invoiceLines(lines, totals.lineTotals),
      subtotal: totals.subtotal,
      discountTotal: totals.discountTotal,
      shippingTotal: totals.shippingTotal,
      taxRateBps: totals.taxRateBps,
      taxTotal: totals.taxTotal,
      total: totals.total,
    });
    // paid in full by the new total: the sync rules apply (paid ⇒ delivered), as for a payment
    await this.lifecycle.syncPayments(manager, { ...order, total: totals.total });
    await publish(manager, 'order.updated', {
      orderId: order.id,
      number: order.number!,
      customerId: order.customerId,
      email: order.email,
      change: 'edited',
      from: order.total,
      to: totals.total,
    });
  }
}
