import { Injectable } from '@nestjs/common';
import { DomainError, paidAmountOf, refundedAmountOf } from '@chance/core';
import type { EntityManager } from 'typeorm';
import type { ShippingAddress } from './order.entities.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import type { OrderStatus, PaymentMethod } from './order-rules.js';

/** An order as a refund or a return needs it: its figures, snapshot lines and counted payments. */
export interface RefundableOrder {
  id: number;
  number: string;
  status: OrderStatus;
  customerId: number | null;
  email: string;
  shippingAddress: ShippingAddress;
  placedAt: Date;
  deliveredAt: Date | null;
  invoiceId: number | null;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  /** what was ever paid (succeeded and refunded payments), also on a cancelled order */
  paid: number;
  /** what the payments show given back */
  refunded: number;
  lines: {
    id: number;
    productId: number;
    variantId: number;
    productName: string;
    sku: string;
    attributes: Record<string, string>;
    unitPrice: number;
    costPrice: number;
    quantity: number;
  }[];
  /** the payments that count (succeeded or refunded), newest first */
  payments: {
    id: number;
    amount: number;
    method: PaymentMethod;
    refundedAmount: number;
    /** charged online through the payment provider: refunded through it too */
    providerReference: string | null;
    paidAt: Date;
  }[];
}

/** A part of a refund drawn on one payment. */
export interface PaymentDraw {
  paymentId: number;
  amount: number;
}

/**
 * What the refunds library asks of an order (docs/api.md#refunds-and-returns), in its transaction: the order
 * locked with what may be given back, a refund applied to its payments (their refunded amounts,
 * guarded by the database), and the automatic move to `returned`. The order's payment state, its
 * invoice and its events follow through the lifecycle, as they do for payments.
 */
@Injectable()
export class OrderRefunds {
  constructor(private readonly lifecycle: OrderLifecycleService) {}

  /** The order, locked for the rest of the caller's transaction (refunds and returns of an order queue here, as its payments do). */
  async lockForRefund(manager: EntityManager, orderId: number): Promise<RefundableOrder> {
    const order = await this.lifecycle.lock(manager, orderId);
    const lines: RefundableOrder['lines'] = await manager.query(
      `SELECT id, product_id AS "productId", variant_id AS "variantId", product_name AS "productName", sku, attributes,
              unit_price AS "unitPrice", cost_price AS "costPrice", quantity
         FROM order_lines WHERE order_id = $1 ORDER BY id`,
      [order.id],
    );
    const payments: (RefundableOrder['payments'][number] & { status: 'succeeded' | 'refunded' })[] = await manager.query(
      `SELECT id, amount, method, status, refunded_amount AS "refundedAmount",
              CASE WHEN provider_key IS NOT NULL THEN reference END AS "providerReference", paid_at AS "paidAt"
         FROM payments WHERE order_id = $1 AND status IN ('succeeded', 'refunded') ORDER BY paid_at DESC, id DESC`,
      [order.id],
    );
    return {
      id: order.id,
      // a draft has a number only once placed; it is refused before one is needed: nothing was paid on
      // it (REFUND_EXCEEDS_PAID) and its status takes no return (RETURN_NOT_ALLOWED)
      number: order.number!,
      status: order.status,
      customerId: order.customerId,
      email: order.email,
      shippingAddress: order.shippingAddress,
      placedAt: order.placedAt,
      deliveredAt: order.deliveredAt,
      invoiceId: order.invoiceId,
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      shippingTotal: order.shippingTotal,
      taxRateBps: order.taxRateBps,
      taxTotal: order.taxTotal,
      total: order.total,
      paid: paidAmountOf(payments),
      refunded: refundedAmountOf(payments),
      lines,
      payments: payments.map(({ status: _status, ...p }) => p),
    };
  }

  /**
   * Adds a succeeded refund to the payments it was drawn on: one conditional update each, which
   * never takes a payment's refunded amount beyond its amount (409 REFUND_EXCEEDS_PAID, the caller's
   * transaction rolls back); then the order's payment state is derived again.
   */
  async applyRefund(manager: EntityManager, orderId: number, draws: readonly PaymentDraw[]): Promise<void> {
    for (const draw of [...draws].sort((a, b) => a.paymentId - b.paymentId)) {
      const [, updated] = await manager.query(
        `UPDATE payments SET refunded_amount = refunded_amount + $3, refunded_at = now(),
                             status = CASE WHEN refunded_amount + $3 = amount THEN 'refunded' ELSE status END
          WHERE id = $1 AND order_id = $2 AND status IN ('succeeded', 'refunded') AND refunded_amount + $3 <= amount`,
        [draw.paymentId, orderId, draw.amount],
      );
      if (updated !== 1) throw new DomainError('REFUND_EXCEEDS_PAID', `Payment ${draw.paymentId} has less than that left to refund`);
    }
    // read again: the order may have moved on in this transaction (a cancellation)
    await this.lifecycle.syncPayments(manager, await this.lifecycle.lock(manager, orderId));
  }

  /** Every unit came back and was refunded: `returned`, from shipped or delivered. */
  async markReturned(manager: EntityManager, orderId: number): Promise<void> {
    await this.lifecycle.markReturned(manager, await this.lifecycle.lock(manager, orderId));
  }

  /** What was paid and given back on each order, for views of returns (committed data or the caller's transaction). */
  async balancesIn(manager: EntityManager, orderIds: readonly number[]): Promise<Map<number, { paid: number; refunded: number; cancelled: boolean }>> {
    if (orderIds.length === 0) return new Map();
    const rows: { id: number; paid: string; refunded: string; cancelled: boolean }[] = await manager.query(
      `SELECT o.id, o.status = 'cancelled' AS cancelled,
              COALESCE(sum(p.amount) FILTER (WHERE p.status IN ('succeeded', 'refunded')), 0) AS paid,
              COALESCE(sum(p.refunded_amount), 0) AS refunded
         FROM orders o LEFT JOIN payments p ON p.order_id = o.id
        WHERE o.id = ANY($1) GROUP BY o.id`,
      [orderIds],
    );
    return new Map(rows.map((r) => [r.id, { paid: Number(r.paid), refunded: Number(r.refunded), cancelled: r.cancelled }]));
  }
}
