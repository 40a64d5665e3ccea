import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IntegrityReport, InvariantResult } from './dto/reports.dto.js';

interface Check {
  name: string;
  description: string;
  /** returns the violating records, each with a `record` label */
  sql: string;
}

/** Each booking `b`'s payments summed, as `p` (paid, refunded): the one way the checks read them. */
const BOOKING_PAYMENT_SUMS = `LEFT JOIN (SELECT booking_id, sum(amount) AS paid, sum(refunded_amount) AS refunded FROM booking_payments GROUP BY booking_id) p ON p.booking_id = b.id`;

/** Each in-store sale `s`'s payments summed, as `p` (paid, refunded). */
const SALE_PAYMENT_SUMS = `LEFT JOIN (SELECT sale_id, sum(amount) AS paid, sum(refunded_amount) AS refunded FROM offline_sale_payments GROUP BY sale_id) p ON p.sale_id = s.id`;

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
                 COALESCE(p.refunded, 0) AS refunds, COALESCE(p.pending, 0) AS pending, COALESCE(f.pending, 0) AS pending_refunds, o.total
            FROM orders o
            LEFT JOIN (SELECT order_id, sum(amount) FILTER (WHERE status IN ('succeeded', 'refunded')) AS paid, sum(refunded_amount) AS refunded,
                              sum(amount) FILTER (WHERE status = 'pending') AS pending
                         FROM payments GROUP BY order_id) p ON p.order_id = o.id
            LEFT JOIN (SELECT order_id, sum(amount) AS pending FROM refunds WHERE status = 'pending' AND order_id IS NOT NULL GROUP BY order_id) f ON f.order_id = o.id
           WHERE o.paid_amount > o.total
              OR (o.status <> 'cancelled' AND (o.paid_amount <> COALESCE(p.paid, 0) OR o.refunded_amount <> COALESCE(p.refunded, 0)
                  OR COALESCE(p.paid, 0) + COALESCE(p.pending, 0) > o.total
                  OR o.payment_status <> CASE WHEN COALESCE(p.refunded, 0) > 0 AND COALESCE(p.paid, 0) > 0
                                              THEN CASE WHEN COALESCE(p.refunded, 0) >= COALESCE(p.paid, 0) THEN 'refunded' ELSE 'partially_refunded' END
                                              WHEN COALESCE(p.paid, 0) >= o.total THEN 'paid' WHEN COALESCE(p.paid, 0) > 0 THEN 'partially_paid' ELSE 'unpaid' END))
              OR (o.status = 'cancelled' AND (o.paid_amount <> 0 OR COALESCE(p.pending, 0) <> 0
                  OR COALESCE(p.refunded, 0) + COALESCE(f.pending, 0) <> COALESCE(p.paid, 0) OR o.refunded_amount <> COALESCE(p.paid, 0)))
              OR (o.payment_status = 'paid' AND o.status NOT IN ('delivered'))`,
  },
  {
    name: 'card-payments-settled',
    description:
      'No card payment or card refund stays pending for more than an hour, what the provider charged or gave back has its reference, and no settled payment’s Idempotency-Key is left in progress',
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
           WHERE p.status <> 'pending' AND k.response_status IS NULL
          UNION ALL
          SELECT 'refund ' || f.number || ' (' || f.record_number || ')', 'pending since ' || f.created_at
            FROM refunds f WHERE f.status = 'pending' AND f.created_at < now() - interval '1 hour'
          UNION ALL
          SELECT 'refund ' || f.number || ' (' || f.record_number || ')', 'given back by the provider without its reference'
            FROM refunds f WHERE f.via_provider AND f.status = 'succeeded' AND f.reference IS NULL`,
  },
  {
    name: 'offline-sale-payments',
    description:
      'Every in-store sale’s paid and refunded amounts are the sums of its payments (a cancelled one shows nothing paid and what had been paid as refunded), within its total, with the matching payment status, totals and cost of goods',
    sql: `SELECT s.number AS record, s.status, s.paid_amount, s.refunded_amount, COALESCE(p.paid, 0) AS payments, COALESCE(p.refunded, 0) AS refunds,
                 s.total, s.payment_status, s.cost_of_goods, l.cost AS lines_cost
            FROM offline_sales s
            ${SALE_PAYMENT_SUMS}
            LEFT JOIN (SELECT sale_id, sum(line_total) AS subtotal, sum(cost_price::bigint * quantity) AS cost FROM offline_sale_lines GROUP BY sale_id) l ON l.sale_id = s.id
           WHERE COALESCE(p.paid, 0) > s.total OR s.subtotal <> COALESCE(l.subtotal, 0)
              OR s.cost_of_goods <> COALESCE(l.cost, 0)
              OR s.tax_total <> round((s.subtotal - s.discount)::numeric * s.tax_rate_bps / 10000)
              OR (s.status <> 'cancelled' AND (s.paid_amount <> COALESCE(p.paid, 0) OR s.refunded_amount <> COALESCE(p.refunded, 0)
                  OR s.payment_status <> CASE WHEN COALESCE(p.refunded, 0) > 0 AND COALESCE(p.paid, 0) > 0
                                              THEN CASE WHEN COALESCE(p.refunded, 0) >= COALESCE(p.paid, 0) THEN 'refunded' ELSE 'partially_refunded' END
                                              WHEN s.paid_amount >= s.total THEN 'paid' WHEN s.paid_amount > 0 THEN 'partially_paid' ELSE 'unpaid' END))
              OR (s.status = 'cancelled' AND (s.paid_amount <> 0 OR s.refunded_amount <> COALESCE(p.paid, 0) OR COALESCE(p.refunded, 0) <> COALESCE(p.paid, 0)
                  OR s.payment_status <> CASE WHEN COALESCE(p.paid, 0) > 0 THEN 'refunded' ELSE 'unpaid' END))`,
  },
  {
    name: 'refunds-within-paid',
    description:
      'On every order, in-store sale and booking, what was refunded (and is being refunded) never exceeds what was paid, and its refunded amount is the sum of its succeeded refunds',
    sql: `WITH r AS (SELECT order_id, offline_sale_id, booking_id, COALESCE(sum(amount) FILTER (WHERE status = 'succeeded'), 0) AS succeeded,
                       COALESCE(sum(amount) FILTER (WHERE status = 'pending'), 0) AS pending
                  FROM refunds GROUP BY order_id, offline_sale_id, booking_id)
          SELECT o.number AS record, COALESCE(p.paid, 0) AS paid, COALESCE(p.refunded, 0) AS payments_refunded, o.refunded_amount,
                 COALESCE(r.succeeded, 0) AS refunds, COALESCE(r.pending, 0) AS pending_refunds
            FROM orders o
            LEFT JOIN (SELECT order_id, sum(amount) FILTER (WHERE status IN ('succeeded', 'refunded')) AS paid, sum(refunded_amount) AS refunded
                         FROM payments GROUP BY order_id) p ON p.order_id = o.id
            LEFT JOIN r ON r.order_id = o.id
           WHERE COALESCE(r.succeeded, 0) + COALESCE(r.pending, 0) > COALESCE(p.paid, 0) OR COALESCE(p.refunded, 0) > COALESCE(p.paid, 0)
              OR (o.status <> 'cancelled' AND o.refunded_amount > o.paid_amount)
              -- orders cancelled before refunds existed had their payments marked refunded without refund records
              OR ((o.status <> 'cancelled' OR r.order_id IS NOT NULL) AND COALESCE(p.refunded, 0) <> COALESCE(r.succeeded, 0))
          UNION ALL
          SELECT s.number, COALESCE(p.paid, 0), COALESCE(p.refunded, 0), s.refunded_amount, COALESCE(r.succeeded, 0), COALESCE(r.pending, 0)
            FROM offline_sales s
            ${SALE_PAYMENT_SUMS}
            LEFT JOIN r ON r.offline_sale_id = s.id
           WHERE COALESCE(r.succeeded, 0) + COALESCE(r.pending, 0) > COALESCE(p.paid, 0) OR COALESCE(p.refunded, 0) > COALESCE(p.paid, 0)
              OR (s.status <> 'cancelled' AND s.refunded_amount > s.paid_amount)
              OR ((s.status <> 'cancelled' OR r.offline_sale_id IS NOT NULL) AND COALESCE(p.refunded, 0) <> COALESCE(r.succeeded, 0))
          UNION ALL
          SELECT 'booking ' || b.id, COALESCE(p.paid, 0), COALESCE(p.refunded, 0), b.refunded_amount, COALESCE(r.succeeded, 0), COALESCE(r.pending, 0)
            FROM bookings b
            ${BOOKING_PAYMENT_SUMS}
            LEFT JOIN r ON r.booking_id = b.id
           WHERE COALESCE(r.succeeded, 0) + COALESCE(r.pending, 0) > COALESCE(p.paid, 0) OR COALESCE(p.refunded, 0) > COALESCE(p.paid, 0)
              OR (b.status <> 'cancelled' AND b.refunded_amount > b.paid_amount)
              OR COALESCE(p.refunded, 0) <> COALESCE(r.succeeded, 0)`,
  },
  {
    name: 'booking-totals-payments',
    description:
      'Every booking’s total is its subtotal plus the tax at its rate; its paid and refunded amounts are the sums of its payments (a cancelled one shows nothing paid and what had been paid as refunded), within its total, with the matching payment status',
    sql: `SELECT 'booking ' || b.id AS record, b.status, b.subtotal, b.tax_rate_bps, b.tax_total, b.total, b.paid_amount, b.refunded_amount,
                 COALESCE(p.paid, 0) AS payments, COALESCE(p.refunded, 0) AS refunds, b.payment_status
            FROM bookings b
            ${BOOKING_PAYMENT_SUMS}
           WHERE b.total <> b.subtotal + b.tax_total
              OR b.tax_total <> round(b.subtotal::numeric * b.tax_rate_bps / 10000)
              OR COALESCE(p.paid, 0) > b.total
              OR (b.status <> 'cancelled' AND (b.paid_amount <> COALESCE(p.paid, 0) OR b.refunded_amount <> COALESCE(p.refunded, 0)
                  OR b.payment_status <> CASE WHEN COALESCE(p.refunded, 0) > 0 AND COALESCE(p.paid, 0) > 0
                                              THEN CASE WHEN COALESCE(p.refunded, 0) >= COALESCE(p.paid, 0) THEN 'refunded' ELSE 'partially_refunded' END
                                              WHEN COALESCE(p.paid, 0) >= b.total THEN 'paid' WHEN COALESCE(p.paid, 0) > 0 THEN 'partially_paid' ELSE 'unpaid' END))
              OR (b.status = 'cancelled' AND (b.paid_amount <> 0 OR b.refunded_amount <> COALESCE(p.paid, 0) OR COALESCE(p.refunded, 0) <> COALESCE(p.paid, 0)
                  OR b.payment_status <> CASE WHEN COALESCE(p.paid, 0) > 0 THEN 'refunded' ELSE 'unpaid' END))`,
  },
  {
    name: 'bookings-invoiced',
    description: 'A booking has an invoice exactly when it is completed, under the id it reserved, with the booking’s totals and payment state',
    sql: `SELECT 'booking ' || b.id AS record, b.status, b.invoice_id, i.id AS invoice, i.number, b.total, i.total AS invoice_total,
                 b.paid_amount, i.paid_amount AS invoice_paid, b.payment_status, i.payment_status AS invoice_status
            FROM bookings b LEFT JOIN invoices i ON i.booking_id = b.id
           WHERE (b.status = 'completed') <> (i.id IS NOT NULL) OR i.id IS DISTINCT FROM b.invoice_id
              OR (i.id IS NOT NULL AND ((i.subtotal, i.discount_total, i.shipping_total, i.tax_rate_bps, i.tax_total, i.total) IS DISTINCT FROM
                                        (b.subtotal, 0, 0, b.tax_rate_bps, b.tax_total, b.total)
                                        OR i.paid_amount <> b.paid_amount OR i.payment_status <> b.payment_status))`,
  },
  {
    name: 'returned-within-sold',
    description:
      'No line of an order or in-store sale has more units in returns (not rejected or cancelled) than were sold, and every returned line is a line of its return’s record',
    sql: `SELECT o.number || ' line ' || l.id AS record, l.quantity AS sold, sum(rl.quantity) AS returned
            FROM return_lines rl JOIN returns r ON r.id = rl.return_id AND r.status NOT IN ('rejected', 'cancelled')
            JOIN order_lines l ON l.id = rl.line_id AND l.order_id = r.order_id JOIN orders o ON o.id = l.order_id
           GROUP BY o.number, l.id, l.quantity HAVING sum(rl.quantity) > l.quantity
          UNION ALL
          SELECT s.number || ' line ' || l.id, l.quantity, sum(rl.quantity)
            FROM return_lines rl JOIN returns r ON r.id = rl.return_id AND r.status NOT IN ('rejected', 'cancelled')
            JOIN offline_sale_lines l ON l.id = rl.line_id AND l.sale_id = r.offline_sale_id JOIN offline_sales s ON s.id = l.sale_id
           GROUP BY s.number, l.id, l.quantity HAVING sum(rl.quantity) > l.quantity
          UNION ALL
          SELECT r.number || ' line ' || rl.line_id, NULL, rl.quantity
            FROM return_lines rl JOIN returns r ON r.id = rl.return_id
           WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.id = rl.line_id AND l.order_id = r.order_id)
             AND NOT EXISTS (SELECT 1 FROM offline_sale_lines l WHERE l.id = rl.line_id AND l.sale_id = r.offline_sale_id)`,
  },
  {
    name: 'credit-notes-match-refunds',
    description:
      'Every succeeded refund has exactly one credit note of its amount (no other refund has one), so the credit notes of each order, in-store sale and booking add up to its succeeded refunds',
    sql: `SELECT COALESCE(n.record_number, f.record_number) AS record, COALESCE(n.total, 0) AS credit_notes, COALESCE(f.total, 0) AS refunds
            FROM (SELECT COALESCE('order:' || order_id, 'sale:' || offline_sale_id, 'booking:' || booking_id) AS key, min(record_number) AS record_number,
                         sum(total) AS total
                    FROM credit_notes GROUP BY 1) n
            FULL JOIN (SELECT COALESCE('order:' || order_id, 'sale:' || offline_sale_id, 'booking:' || booking_id) AS key, min(record_number) AS record_number,
                              sum(amount) AS total
                         FROM refunds WHERE status = 'succeeded' GROUP BY 1) f ON f.key = n.key
           WHERE COALESCE(n.total, 0) <> COALESCE(f.total, 0)
          UNION ALL
          SELECT f.number || ' (' || f.record_number || ')', c.total, f.amount
            FROM refunds f LEFT JOIN credit_notes c ON c.refund_id = f.id
           WHERE (f.status = 'succeeded') <> (c.id IS NOT NULL) OR c.total <> f.amount OR c.id <> f.credit_note_id`,
  },
  {
    name: 'coupon-usage',
    description:
      'Every coupon’s times used equals its redemptions by orders and in-store sales not cancelled (one per record), within its limit, and each sale’s coupon has its redemption',
    sql: `SELECT c.code AS record, c.times_used, COALESCE(r.live, 0) AS redemptions, c.usage_limit
            FROM coupons c
            LEFT JOIN (SELECT r.coupon_id, count(*) AS live FROM coupon_redemptions r
                         LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN offline_sales s ON s.id = r.offline_sale_id
                        WHERE r.cancelled_at IS NULL AND COALESCE(o.status, s.status) <> 'cancelled' GROUP BY r.coupon_id) r ON r.coupon_id = c.id
           WHERE c.times_used <> COALESCE(r.live, 0) OR (c.usage_limit IS NOT NULL AND c.times_used > c.usage_limit)
          UNION ALL
          SELECT s.number, NULL, count(r.id), NULL
            FROM offline_sales s LEFT JOIN coupon_redemptions r ON r.offline_sale_id = s.id AND r.coupon_id = s.coupon_id AND (r.cancelled_at IS NULL) = (s.status <> 'cancelled')
           WHERE s.coupon_id IS NOT NULL
           GROUP BY s.number HAVING count(r.id) <> 1`,
  },
  {
    name: 'customer-figures',
    description:
      'Every customer account’s maintained figures (orders, in-store sales of its linked customer, bookings, lifetime value net of refunds, outstanding balance, last activity) and its linked in-store customer equal those recomputed from the records',
    // the records' own columns, summed independently of the triggers that maintain the figures;
    // a booking's money is read through booking_money, the one place that says what it is; a
    // booking of an in-store customer counts in the account it is linked to
    sql: `WITH orders_of AS (
            SELECT customer_id AS account, count(*) FILTER (WHERE status <> 'cancelled') AS n,
                   COALESCE(sum(total - refunded_amount) FILTER (WHERE status <> 'cancelled'), 0) AS value,
                   COALESCE(sum(greatest(total - paid_amount, 0)) FILTER (WHERE status <> 'cancelled'), 0) AS outstanding, max(placed_at) AS activity
              FROM orders WHERE customer_id IS NOT NULL AND status <> 'draft' GROUP BY customer_id),
          sales_of AS (
            SELECT c.user_id AS account, count(*) FILTER (WHERE s.status <> 'cancelled') AS n,
                   COALESCE(sum(s.total - s.refunded_amount) FILTER (WHERE s.status <> 'cancelled'), 0) AS value,
                   COALESCE(sum(greatest(s.total - s.paid_amount, 0)) FILTER (WHERE s.status <> 'cancelled'), 0) AS outstanding, max(s.sold_at) AS activity
              FROM offline_sales s JOIN offline_customers c ON c.id = s.customer_id WHERE c.user_id IS NOT NULL GROUP BY c.user_id),
          bookings_of AS (
            SELECT COALESCE(b.customer_id, c.user_id) AS account, count(*) FILTER (WHERE b.status <> 'cancelled') AS n,
                   COALESCE(sum(m.total - m.refunded) FILTER (WHERE b.status = 'completed'), 0) AS value,
                   COALESCE(sum(greatest(m.total - m.paid, 0)) FILTER (WHERE b.status <> 'cancelled'), 0) AS outstanding, max(b.created_at) AS activity
              FROM bookings b LEFT JOIN offline_customers c ON c.id = b.offline_customer_id
                   CROSS JOIN LATERAL booking_money(to_jsonb(b)) m
             WHERE COALESCE(b.customer_id, c.user_id) IS NOT NULL GROUP BY 1)
          SELECT u.email AS record, a.orders_count, COALESCE(o.n, 0) AS orders, a.offline_sales_count, COALESCE(s.n, 0) AS sales,
                 a.bookings_count, COALESCE(b.n, 0) AS bookings, a.lifetime_value, COALESCE(o.value, 0) + COALESCE(s.value, 0) + COALESCE(b.value, 0) AS value,
                 a.outstanding_balance, COALESCE(o.outstanding, 0) + COALESCE(s.outstanding, 0) + COALESCE(b.outstanding, 0) AS outstanding,
                 a.last_activity_at, greatest(o.activity, s.activity, b.activity) AS activity, a.offline_customer_id, c.id AS linked
            FROM users u
            LEFT JOIN customer_accounts a ON a.user_id = u.id
            LEFT JOIN orders_of o ON o.account = u.id LEFT JOIN sales_of s ON s.account = u.id LEFT JOIN bookings_of b ON b.account = u.id
            LEFT JOIN offline_customers c ON c.user_id = u.id
           WHERE a.user_id IS NULL
              OR (a.orders_count, a.offline_sales_count, a.bookings_count, a.lifetime_value, a.outstanding_balance)
                 IS DISTINCT FROM (COALESCE(o.n, 0), COALESCE(s.n, 0), COALESCE(b.n, 0),
                                   COALESCE(o.value, 0) + COALESCE(s.value, 0) + COALESCE(b.value, 0),
                                   COALESCE(o.outstanding, 0) + COALESCE(s.outstanding, 0) + COALESCE(b.outstanding, 0))
              OR a.last_activity_at IS DISTINCT FROM greatest(o.activity, s.activity, b.activity)
              OR a.offline_customer_id IS DISTINCT FROM c.id`,
  },
  {
    name: 'invoice-numbers',
    description: 'Invoice numbers run without gaps or duplicates within each year',
    sql: `SELECT 'INV ' || year AS record, count(*) AS invoices, count(DISTINCT n) AS distinct_numbers, min(n) AS first, max(n) AS last
            FROM (SELECT substr(number, 5, 4) AS year, substr(number, 10)::int AS n FROM invoices) x
           GROUP BY year HAVING count(*) <> count(DISTINCT n) OR min(n) <> 1 OR max(n) <> count(*)`,
  },
  {
    name: 'credit-note-numbers',
    description: 'Credit note numbers run without gaps or duplicates within each year',
    sql: `SELECT 'CN ' || year AS record, count(*) AS credit_notes, count(DISTINCT n) AS distinct_numbers, min(n) AS first, max(n) AS last
            FROM (SELECT substr(number, 4, 4) AS year, substr(number, 9)::int AS n FROM credit_notes) x
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
    description:
      'Every order placed since the outbox’s retention cut-off has its order.placed event (older delivered events may have been deleted), and no committed event waits undelivered for more than a minute',
    // retention deletes delivered events older than its cut-off (recorded before it deletes, so this
    // snapshot never sees a deletion without it); an order's event is delivered after the order is placed
    sql: `SELECT o.number AS record, 'no order.placed event' AS problem FROM orders o
           WHERE o.status <> 'draft' AND o.placed_at > COALESCE((SELECT cutoff FROM retention_runs WHERE rule = 'outbox-events'), '-infinity')
             AND NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.type = 'order.placed' AND (e.payload ->> 'orderId')::int = o.id)
          UNION ALL
          SELECT 'event ' || e.id || ' (' || e.type || ')', 'undelivered since ' || e.occurred_at FROM outbox_events e
           WHERE e.processed_at IS NULL AND e.occurred_at < now() - interval '1 minute'`,
  },
  {
    name: 'revenue-days',
    description:
      'The revenue ledger (folded days plus pending changes) equals the orders (not drafts) and in-store sales not cancelled, the completed bookings and their refunds, per UTC day and channel',
    sql: `WITH live AS (SELECT * FROM revenue_by_day),
          ledger AS (
            SELECT day, channel, sum(revenue) AS revenue, sum(records) AS records, sum(gross_profit) AS gross_profit, sum(refunds) AS refunds
              FROM (SELECT day, channel, revenue, records, gross_profit, refunds FROM revenue_days
                    UNION ALL SELECT day, channel, revenue, records, gross_profit, refunds FROM revenue_changes) r
             GROUP BY day, channel)
          SELECT COALESCE(live.channel, ledger.channel) || ' ' || COALESCE(live.day, ledger.day) AS record,
                 live.revenue, ledger.revenue AS ledger_revenue, live.records, ledger.records AS ledger_records,
                 live.gross_profit, ledger.gross_profit AS ledger_gross_profit, live.refunds, ledger.refunds AS ledger_refunds
            FROM live FULL JOIN ledger ON ledger.day = live.day AND ledger.channel = live.channel
           WHERE (COALESCE(live.revenue, 0), COALESCE(live.records, 0), COALESCE(live.gross_profit, 0), COALESCE(live.refunds, 0))
                 IS DISTINCT FROM (COALESCE(ledger.revenue, 0), COALESCE(ledger.records, 0), COALESCE(ledger.gross_profit, 0), COALESCE(ledger.refunds, 0))`,
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
