import { Injectable } from '@nestjs/common';
import { drawRefund, paidAmountOf, publish, refundedAmountOf, type RefundDraw } from '@chance/core';
import type { EntityManager } from 'typeorm';
import type { OfflineSaleView } from './dto/offline-sales.dto.js';
import { OfflineSalesService, WALK_IN } from './offline-sales.service.js';

/** An in-store sale as a refund or a return needs it: figures, snapshot lines, payments and the customer to address a credit note to. */
export interface RefundableSale {
  id: number;
  number: string;
  status: 'completed' | 'cancelled';
  soldAt: Date;
  /** a walk-in sale's customer is unnamed (`id` null) */
  customer: { id: number | null; name: string; phone: string; email: string | null; address: string | null };
  subtotal: number;
  /** the sale's discount (its `discountTotal`) */
  discountTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  /** what was ever paid, also on a cancelled sale */
  paid: number;
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
  /** newest first; an in-store payment is received as it is recorded, so every one counts */
  payments: { id: number; amount: number; method: string; refundedAmount: number; paidAt: Date }[];
}

/** What the refunds library asks of an in-store sale (docs/api.md#refunds-and-returns), in its transaction. */
@Injectable()
export class SaleRefunds {
  constructor(private readonly sales: OfflineSalesService) {}

  /** The sale, locked for the rest of the caller's transaction. */
  async lockForRefund(manager: EntityManager, saleId: number): Promise<RefundableSale> {
    const sale = await this.sales.lock(manager, saleId);
    const [customer = WALK_IN] = await manager.query('SELECT id, name, phone, email, address FROM offline_customers WHERE id = $1', [sale.customerId]);
    const lines: RefundableSale['lines'] = await manager.query(
      `SELECT id, product_id AS "productId", variant_id AS "variantId", product_name AS "productName", sku, attributes,
              unit_price AS "unitPrice", cost_price AS "costPrice", quantity
         FROM offline_sale_lines WHERE sale_id = $1 ORDER BY id`,
      [sale.id],
    );
    const payments: RefundableSale['payments'] = await manager.query(
      `SELECT id, amount, method, refunded_amount AS "refundedAmount", paid_at AS "paidAt"
         FROM offline_sale_payments WHERE sale_id = $1 ORDER BY paid_at DESC, id DESC`,
      [sale.id],
    );
    return {
      id: sale.id,
      number: sale.number,
      status: sale.status,
      soldAt: sale.soldAt,
      customer,
      subtotal: sale.subtotal,
      discountTotal: sale.discount,
      taxRateBps: sale.taxRateBps,
      taxTotal: sale.taxTotal,
      total: sale.total,
      paid: paidAmountOf(payments),
      refunded: refundedAmountOf(payments),
      lines,
      payments,
    };
  }

  /**
   * Adds a succeeded refund to the payments it was drawn on (one conditional update each, never
   * beyond a payment's amount: 409 REFUND_EXCEEDS_PAID), then derives the sale's payment state again.
   */
  async applyRefund(manager: EntityManager, saleId: number, draws: readonly RefundDraw[]): Promise<void> {
    await drawRefund(draws, async (draw) => {
      const [, updated] = await manager.query(
        `UPDATE offline_sale_payments SET refunded_amount = refunded_amount + $3
          WHERE id = $1 AND sale_id = $2 AND refunded_amount + $3 <= amount`,
        [draw.paymentId, saleId, draw.amount],
      );
      return updated;
    });
    const [{ total, status, number }]: { total: number; status: RefundableSale['status']; number: string }[] = await manager.query(
      'SELECT total, status, number FROM offline_sales WHERE id = $1',
      [saleId],
    );
    await this.sales.derivePayments(manager, { id: saleId, total, cancelled: status === 'cancelled' });
    await publish(manager, 'offline_sale.updated', { saleId, number, change: 'refund' });
  }

  /** The sale as the admin API shows it, in the caller's transaction. */
  viewIn(manager: EntityManager, saleId: number): Promise<OfflineSaleView> {
    return this.sales.viewIn(manager, saleId);
  }

  /** What was paid and given back on each sale, for views of returns. */
  async balancesIn(manager: EntityManager, saleIds: readonly number[]): Promise<Map<number, { paid: number; refunded: number; cancelled: boolean }>> {
    if (saleIds.length === 0) return new Map();
    const rows: { id: number; paid: string; refunded: string; cancelled: boolean }[] = await manager.query(
      `SELECT s.id, s.status = 'cancelled' AS cancelled, COALESCE(sum(p.amount), 0) AS paid, COALESCE(sum(p.refunded_amount), 0) AS refunded
         FROM offline_sales s LEFT JOIN offline_sale_payments p ON p.sale_id = s.id
        WHERE s.id = ANY($1) GROUP BY s.id`,
      [saleIds],
    );
    return new Map(rows.map((r) => [r.id, { paid: Number(r.paid), refunded: Number(r.refunded), cancelled: r.cancelled }]));
  }
}
