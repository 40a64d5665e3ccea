import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReorderLine } from './dto/reports.dto.js';
import { REORDER, suggestedQuantity } from './reorder-rules.js';

interface Row {
  variant_id: number;
  product_id: number;
  sku: string;
  product_name: string;
  attributes: Record<string, string>;
  stock: number;
  threshold: number;
  supplier_id: number | null;
  supplier_name: string | null;
  unit_cost: number | null;
  sold: number;
  on_order: number;
}

/**
 * The reorder report (docs/api.md#catalog-media): every variant at or below its low-stock threshold, what
 * it sold lately and from whom it was last bought, and how many to order. Read only; one query.
 */
@Injectable()
export class ReorderReport {
  constructor(private readonly dataSource: DataSource) {}

  async lines(now = new Date()): Promise<ReorderLine[]> {
    const rows: Row[] = await this.dataSource.query(
      `WITH low AS (
         SELECT v.id, v.product_id, v.sku, p.name, v.attributes, v.stock, COALESCE(p.low_stock_threshold, s.low_stock_threshold) AS threshold
           FROM variants v JOIN products p ON p.id = v.product_id CROSS JOIN (SELECT low_stock_threshold FROM settings WHERE id = 1) s
          WHERE v.stock <= COALESCE(p.low_stock_threshold, s.low_stock_threshold))
       SELECT low.id AS variant_id, low.product_id, low.sku, low.name AS product_name, low.attributes, low.stock, low.threshold,
              last.supplier_id, last.supplier_name, last.unit_cost,
              (COALESCE((SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
                          WHERE l.variant_id = low.id AND o.status NOT IN ('cancelled', 'draft') AND o.placed_at >= $1::timestamptz - $2 * interval '1 day'), 0)
             + COALESCE((SELECT sum(l.quantity) FROM offline_sale_lines l JOIN offline_sales s ON s.id = l.sale_id
                          WHERE l.variant_id = low.id AND s.status <> 'cancelled' AND s.sold_at >= $1::timestamptz - $2 * interval '1 day'), 0))::int AS sold,
              COALESCE((SELECT sum(l.quantity) FROM purchase_lines l JOIN purchases pu ON pu.id = l.purchase_id
                         WHERE l.variant_id = low.id AND pu.status IN ('draft', 'ordered')), 0)::int AS on_order
         FROM low
         LEFT JOIN LATERAL (
           SELECT pu.supplier_id, su.name AS supplier_name, l.unit_cost
             FROM purchase_lines l JOIN purchases pu ON pu.id = l.purchase_id JOIN suppliers su ON su.id = pu.supplier_id
            WHERE l.variant_id = low.id AND pu.status <> 'cancelled'
            ORDER BY COALESCE(pu.received_at, pu.ordered_at, pu.created_at) DESC, pu.id DESC, l.id DESC
            LIMIT 1) last ON true
        ORDER BY last.supplier_name NULLS LAST, low.name, low.sku`,
      [now, REORDER.historyDays],
    );
    return rows.map((r) => ({
      variantId: r.variant_id,
      productId: r.product_id,
      sku: r.sku,
      productName: r.product_name,
      attributes: r.attributes,
      stock: r.stock,
      threshold: r.threshold,
      lastSupplierId: r.supplier_id,
      lastSupplierName: r.supplier_name,
      lastUnitCost: r.unit_cost,
      soldLast90Days: r.sold,
      onOrder: r.on_order,
      suggestedQuantity: suggestedQuantity({ stock: r.stock, threshold: r.threshold, soldInHistory: r.sold }),
    }));
  }
}
