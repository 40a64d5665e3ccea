import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IntegrityReport, InvariantResult } from './dto/reports.dto.js';

interface Check {
  name: string;
  description: string;
  /** returns the violating records, each with a `record` label */
  sql: string;
}

/** The invariants the whole system promises (issue: reliability), each as a query for its violations. */
export const INVARIANTS: Check[] = [
  {
    name: 'stock-equals-ledger',
    description: 'Every variant’s stock equals the sum of its movements and is not negative',
    sql: `SELECT 'variant ' || v.id || ' (' || v.sku || ')' AS record, v.stock, COALESCE(m.total, 0) AS ledger
            FROM variants v LEFT JOIN (SELECT variant_id, sum(delta) AS total FROM stock_movements GROUP BY variant_id) m ON m.variant_id = v.id
           WHERE v.stock <> COALESCE(m.total, 0) OR v.stock < 0`,
  },
  {
    name: 'order-totals',
    description: 'Every order’s totals and cost of goods, recomputed from its lines, equal the stored ones',
    sql: `SELECT COALESCE(o.number, 'draft ' || o.id) AS record, o.subtotal, l.subtotal AS lines_subtotal, o.shipping_total, l.shipping AS lines_shipping, o.tax_total, o.total,
                 o.cost_of_goods, l.cost AS lines_cost
            FROM orders o
            JOIN (SELECT order_id, sum(line_total) AS subtotal, sum(shipping_cost::bigint * quantity) AS shipping, sum(cost_price::bigint * quantity) AS cost,
                         bool_and(line_total = unit_price * quantity) AS lines_ok FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
           WHERE o.subtotal <> l.subtotal OR o.shipping_total <> l.shipping OR o.cost_of_goods <> l.cost OR NOT l.lines_ok
              OR o.discount_total > o.subtotal
              OR o.tax_total <> round((o.subtotal - o.discount_total)::numeric * o.tax_rate_bps / 10000)
              OR o.total <> o.subtotal - o.discount_total + o.shipping_total + o.tax_total`,
  },
  {
    name: 'orders-have-lines-and-invoice',
    description: 'Every placed order has lines and exactly one invoice with equal totals and payment state (a draft has lines and no invoice)',
    sql: `SELECT COALESCE(o.number, 'draft ' || o.id) AS record, i.number AS invoice, o.total, i.total AS invoice_total, o.paid_amount, i.paid_amount AS invoice_paid, o.payment_status, i.payment_status AS invoice_status
            FROM orders o LEFT JOIN invoices i ON i.order_id = o.id
           WHERE (o.status = 'draft') <> (i.id IS NULL) OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
              OR (i.id IS NOT NULL AND (i.subtotal, i.discount_total, i.shipping_total, i.tax_rate_bps, i.tax_total, i.total) IS DISTINCT FROM
                 (o.subtotal, o.discount_total, o.shipping_total, o.tax_rate_bps, o.tax_total, o.total)
              OR i.paid_amount <> o.paid_amount OR i.payment_status <> o.payment_status)`,
  },
  {
    name: 'order-payments',
    description:
      'Every order’s paid amount is the sum of its succeeded and refunded payments, within its total with any pending card payment, its refunded amount the sum refunded, with the matching payment status',
    sql: `SELECT COALESCE(o.number, 'draft ' || o.id) AS record, o.status, o.payment_status, o.paid_amount, o.refunded_amount, COALESCE(p.paid, 0) AS payments,
                 COALESCE(p.refunded, 0) AS refunds, COALESCE(p.pending, 0) AS pending, o.total
            FROM orders o
            LEFT JOIN (SELECT order_id, sum(amount) FILTER (WHERE status IN ('succeeded', 'refunded')) AS paid, sum(refunded_amount) AS refunded,
                              sum(amount) FILTER (WHERE status = 'pending') AS pending
                         FROM payments GROUP BY order_id) p ON p.order_id = o.id
           WHERE o.paid_amount > o.total
              OR (o.status <> 'cancelled' AND (o.paid_amount <> COALESCE(p.paid, 0) OR o.refunded_amount <> COALESCE(p.refunded, 0)
                  OR COALESCE(p.paid, 0) + COALESCE(p.pending, 0) > o.total
                  OR o.payment_status <> CASE WHEN COALESCE(p.paid, 0) >= o.total THEN 'paid' WHEN COALESCE(p.paid, 0) > 0 THEN 'partially_paid' ELSE 'unpaid' END))
              OR (o.status = 'cancelled' AND (o.paid_amount <> 0 OR COALESCE(p.pending, 0) <> 0
                  OR COALESCE(p.refunded, 0) <> COALESCE(p.paid, 0) OR o.refunded_amount <> COALESCE(p.paid, 0)))
              OR (o.payment_status = 'paid' AND o.status NOT IN ('delivered'))`,
  },
  {
    name: 'card-payments-settled',
    description:
      'No card payment stays pending for more than an hour, a card payment charged online that succeeded has the provider’s reference, and no settled payment’s Idempotency-Key is left in progress',
    sql: `SELECT 'payment ' || p.id || ' (' || o.number || ')' AS record, 'pending since ' || p.created_at AS problem
            FROM payments p JOIN orders o ON o.id = p.order_id
           WHERE p.status = 'pending' AND p.created_at < now() - interval '1 hour'
          UNION ALL
          SELECT 'payment ' || p.id || ' (' || o.number || ')', 'succeeded without the provider’s reference'
            FROM payments p JOIN orders o ON o.id = p.order_id
           WHERE p.provider_key IS NOT NULL AND p.status IN ('succeeded', 'refunded') AND p.reference IS NULL
          UNION ALL
          SELECT 'payment ' || p.id || ' (' || o.number || ')', 'settled ' || p.status || ' but its Idempotency-Key is still in progress'
            FROM payments p JOIN orders o ON o.id = p.order_id
            JOIN idempotency_keys k ON k.scope = 'order-payment:' || p.order_id AND k.key = p.request_key
           WHERE p.status <> 'pending' AND k.response_status IS NULL`,
  },
  {
    name: 'offline-sale-payments',
    description: 'Every in-store sale’s paid amount is the sum of its payments, within its total, with the matching payment status, totals and cost of goods',
    sql: `SELECT s.number AS record, s.paid_amount, COALESCE(p.paid, 0) AS payments, s.total, s.payment_status, s.cost_of_goods, l.cost AS lines_cost
            FROM offline_sales s
            LEFT JOIN (SELECT sale_id, sum(amount) AS paid FROM offline_sale_payments GROUP BY sale_id) p ON p.sale_id = s.id
            LEFT JOIN (SELECT sale_id, sum(line_total) AS subtotal, sum(cost_price::bigint * quantity) AS cost FROM offline_sale_lines GROUP BY sale_id) l ON l.sale_id = s.id
           WHERE s.paid_amount <> COALESCE(p.paid, 0) OR s.paid_amount > s.total OR s.subtotal <> COALESCE(l.subtotal, 0)
              OR s.cost_of_goods <> COALESCE(l.cost, 0)
              OR s.tax_total <> round((s.subtotal - s.discount)::numeric * s.tax_rate_bps / 10000)
              OR s.payment_status <> CASE WHEN s.paid_amount >= s.total THEN 'paid' WHEN s.paid_amount > 0 THEN 'partially_paid' ELSE 'unpaid' END`,
  },
  {
    name: 'coupon-usage',
    description: 'Every coupon’s times used equals its redemptions by orders not cancelled, within its limit',
    sql: `SELECT c.code AS record, c.times_used, COALESCE(r.live, 0) AS redemptions, c.usage_limit
            FROM coupons c
            LEFT JOIN (SELECT r.coupon_id, count(*) AS live FROM coupon_redemptions r JOIN orders o ON o.id = r.order_id
                        WHERE r.cancelled_at IS NULL AND o.status <> 'cancelled' GROUP BY r.coupon_id) r ON r.coupon_id = c.id
           WHERE c.times_used <> COALESCE(r.live, 0) OR (c.usage_limit IS NOT NULL AND c.times_used > c.usage_limit)`,
  },
  {
    name: 'invoice-numbers',
    description: 'Invoice numbers run without gaps or duplicates within each year',
    sql: `SELECT 'INV ' || year AS record, count(*) AS invoices, count(DISTINCT n) AS distinct_numbers, min(n) AS first, max(n) AS last
            FROM (SELECT substr(number, 5, 4) AS year, substr(number, 10)::int AS n FROM invoices) x
           GROUP BY year HAVING count(*) <> count(DISTINCT n) OR min(n) <> 1 OR max(n) <> count(*)`,
  },
  {
    name: 'purchase-invoice-numbers',
    description: 'Purchase invoice numbers run without gaps or duplicates within each year',
    sql: `SELECT 'PINV ' || year AS record, count(*) AS invoices, count(DISTINCT n) AS distinct_numbers, min(n) AS first, max(n) AS last
            FROM (SELECT substr(number, 6, 4) AS year, substr(number, 11)::int AS n FROM purchase_invoices) x
           GROUP BY year HAVING count(*) <> count(DISTINCT n) OR min(n) <> 1 OR max(n) <> count(*)`,
  },
  {
    name: 'order-events-delivered',
    description: 'Every order has its order.placed event, and no committed event waits undelivered for more than a minute',
    sql: `SELECT o.number AS record, 'no order.placed event' AS problem FROM orders o
           WHERE o.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.type = 'order.placed' AND (e.payload ->> 'orderId')::int = o.id)
          UNION ALL
          SELECT 'event ' || e.id || ' (' || e.type || ')', 'undelivered since ' || e.occurred_at FROM outbox_events e
           WHERE e.processed_at IS NULL AND e.occurred_at < now() - interval '1 minute'`,
  },
  {
    name: 'revenue-days',
    description:
      'The revenue ledger (folded days plus pending changes) equals the orders (not drafts) and in-store sales not cancelled, per UTC day and channel',
    sql: `WITH live AS (SELECT * FROM revenue_by_day),
          ledger AS (
            SELECT day, channel, sum(revenue) AS revenue, sum(records) AS records, sum(gross_profit) AS gross_profit
              FROM (SELECT day, channel, revenue, records, gross_profit FROM revenue_days
                    UNION ALL SELECT day, channel, revenue, records, gross_profit FROM revenue_changes) r
             GROUP BY day, channel)
          SELECT COALESCE(live.channel, ledger.channel) || ' ' || COALESCE(live.day, ledger.day) AS record,
                 live.revenue, ledger.revenue AS ledger_revenue, live.records, ledger.records AS ledger_records,
                 live.gross_profit, ledger.gross_profit AS ledger_gross_profit
            FROM live FULL JOIN ledger ON ledger.day = live.day AND ledger.channel = live.channel
           WHERE (COALESCE(live.revenue, 0), COALESCE(live.records, 0), COALESCE(live.gross_profit, 0))
                 IS DISTINCT FROM (COALESCE(ledger.revenue, 0), COALESCE(ledger.records, 0), COALESCE(ledger.gross_profit, 0))`,
  },
];

/** Runs every invariant in one repeatable-read snapshot, so the checks see one consistent state. */
export async function checkIntegrity(dataSource: DataSource): Promise<IntegrityReport> {
  return dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
    const checks: InvariantResult[] = [];
    for (const check of INVARIANTS) {
      const rows: Record<string, unknown>[] = await manager.query(check.sql);
      checks.push({ name: check.name, description: check.description, violations: rows.length, examples: rows.slice(0, 20) });
    }
    return { ok: checks.every((c) => c.violations === 0), checkedAt: new Date(), checks };
  });
}

/** A readable report for the terminal. */
export function formatIntegrity(report: IntegrityReport): string {
  const lines = [`Integrity check at ${report.checkedAt.toISOString()}: ${report.ok ? 'all invariants hold' : 'VIOLATIONS FOUND'}`];
  for (const check of report.checks) {
    lines.push(`  ${check.violations === 0 ? 'ok  ' : 'FAIL'} ${check.description}${check.violations ? ` — ${check.violations} violation(s)` : ''}`);
    for (const example of check.examples) lines.push(`         ${JSON.stringify(example)}`);
  }
  return lines.join('\n');
}

@Injectable()
export class IntegrityService {
  constructor(private readonly dataSource: DataSource) {}

  check(): Promise<IntegrityReport> {
    return checkIntegrity(this.dataSource);
  }
}
