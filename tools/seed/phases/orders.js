// Phase "orders": online orders over two years with snapshot lines, invoices (gapless per year, in
// issue order), payments, coupon redemptions, stock movements and their processed outbox events,
// all consistent with the sync rules of docs/api.md#orders-payments-and-invoices (paid ⇒ delivered; cancelled ⇒ refunded, stock
// and coupon use returned). Built chunk by chunk from a skeleton table of every order's fate.
import { CITIES, STREETS } from '../words.js';
import { pad6, taxRateSql } from './catalog.js';

const CHUNK = 50_000;

/** Lines per order 1–4; quantities mostly 1; variants drawn with a popularity skew. */
const linesOf = (skeleton, range) => `
  SELECT DISTINCT ON (p.owner_id, v.variant_id) p.owner_id, v.variant_id, v.product_id, v.product_name, v.sku, v.attributes,
         v.unit_price, v.cost_price, v.shipping_cost, v.estimated_delivery_days, p.quantity, v.unit_price * p.quantity AS line_total
    FROM (SELECT o.id AS owner_id, 1 + floor(power(random(), 1.6) * $3)::int AS n, 1 + floor(power(random(), 3) * 4)::int AS quantity
            FROM ${skeleton} o, generate_series(1, o.nlines) k
           WHERE o.id BETWEEN ${range} OFFSET 0) p
    JOIN seed_work.variants v ON v.n = p.n
   ORDER BY p.owner_id, v.variant_id`;

export { linesOf };

/** A staging table for one chunk's lines (one per lane, so orders and in-store sales can load side by side). */
export const chunkTable = (name) => `CREATE UNLOGGED TABLE ${name} (owner_id int, variant_id int, product_id int, product_name text, sku text,
  attributes jsonb, unit_price int, cost_price int, shipping_cost int, estimated_delivery_days int, quantity int, line_total int)`;

export async function seedOrders(db, ctx, progress) {
  const total = ctx.counts.orders;
  const startMonth = ctx.start.getUTCFullYear() * 12 + ctx.start.getUTCMonth();
  await db.q(
    `CREATE TABLE seed_work.orders AS
     WITH t AS (
       SELECT g AS id, $1::timestamptz + make_interval(secs => $3 * power((g - 1 + random()) / $4, 0.8)) AS placed_at,
              random() AS r_cust, random() AS r_pick, random() AS r_status, random() AS r_pay, random() AS r_method, random() AS r_coupon,
              random() AS r_lines, 0.3 + 0.4 * random() AS r_part, random() AS r_cancel, random() AS r_settle, random() AS r_staff
         FROM generate_series(1, $4) g),
     s AS (
       SELECT t.*, CASE WHEN r_cust < 0.8 THEN 1 + floor(r_pick * $5)::int END AS customer_n,
              CASE WHEN age_days > 14 THEN CASE WHEN r_status < 0.05 THEN 'cancelled' ELSE 'delivered' END
                   WHEN age_days > 3 THEN CASE WHEN r_status < 0.05 THEN 'cancelled' WHEN r_status < 0.55 THEN 'delivered'
                                               WHEN r_status < 0.85 THEN 'shipped' ELSE 'processing' END
                   ELSE CASE WHEN r_status < 0.03 THEN 'cancelled' WHEN r_status < 0.20 THEN 'delivered' WHEN r_status < 0.35 THEN 'shipped'
                             WHEN r_status < 0.60 THEN 'processing' ELSE 'pending' END
              END AS status
         FROM (SELECT t.*, extract(epoch FROM $2::timestamptz - t.placed_at) / 86400 AS age_days FROM t) t),
     f AS (
       SELECT id, placed_at, customer_n, status,
              CASE WHEN status = 'delivered' THEN CASE WHEN r_pay < 0.1 THEN 'split' ELSE 'full' END
                   WHEN status = 'cancelled' THEN CASE WHEN r_pay < 0.4 THEN 'refund' ELSE 'none' END
                   ELSE CASE WHEN r_pay < 0.3 THEN 'partial' ELSE 'none' END END AS pay_plan,
              CASE WHEN r_method < 0.4 THEN 'card' WHEN r_method < 0.65 THEN 'cash_on_delivery'
                   WHEN r_method < 0.85 THEN 'bank_transfer' ELSE 'mobile_wallet' END AS payment_method,
              CASE WHEN r_coupon < 0.08 THEN (extract(year FROM placed_at AT TIME ZONE 'UTC')::int * 12 + extract(month FROM placed_at AT TIME ZONE 'UTC')::int - 1) - $6 + 1
                   WHEN r_coupon < 0.09 THEN $7 + 1 WHEN r_coupon < 0.10 THEN $7 + 2 END AS coupon_id,
              ${taxRateSql('placed_at', '$2')} AS tax_rate_bps,
              CASE WHEN r_lines < 0.5 THEN 1 WHEN r_lines < 0.8 THEN 2 WHEN r_lines < 0.95 THEN 3 ELSE 4 END AS nlines,
              r_part,
              CASE WHEN status = 'cancelled' THEN least(placed_at + make_interval(secs => 3600 + r_cancel * 172800), $2::timestamptz) END AS cancelled_at,
              least(placed_at + make_interval(secs => 600 + r_settle * 6 * 86400), $2::timestamptz) AS settled_at,
              ($8::int[])[1 + floor(r_staff * 4)::int] AS staff_id,
              extract(year FROM placed_at AT TIME ZONE 'UTC')::int AS year
         FROM s)
     SELECT f.*, (row_number() OVER (PARTITION BY year ORDER BY id))::int AS year_seq FROM f`,
    [ctx.start, ctx.now, (ctx.now - ctx.start) / 1000, total, ctx.counts.customers, startMonth, ctx.monthlyCoupons, ctx.staffIds],
  );
  await db.q(`ALTER TABLE seed_work.orders ADD PRIMARY KEY (id)`);
  const years = (await db.q(`SELECT year, count(*)::int AS n FROM seed_work.orders GROUP BY year ORDER BY year`)).rows;
  const crowded = years.find((y) => y.n > 999_999);
  if (crowded) throw new Error(`${crowded.n} invoices in ${crowded.year} would overflow INV-<year>-<6 digits>: use a smaller --scale`);
  await db.q(chunkTable('seed_work.order_chunk'));
  progress.start(total, 'orders');
  for (let a = 1; a <= total; a += CHUNK) {
    const b = Math.min(total, a + CHUNK - 1);
    await orderChunk(db, ctx, a, b);
    progress.tick(b - a + 1);
  }
}

async function orderChunk(db, ctx, a, b) {
  await db.q(`TRUNCATE seed_work.order_chunk`);
  await db.q(`INSERT INTO seed_work.order_chunk ${linesOf('seed_work.orders', '$1 AND $2')}`, [a, b, ctx.sellable]);
  await db.q(`INSERT INTO order_lines (order_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, shipping_cost,
                                       estimated_delivery_days, quantity, line_total)
              SELECT owner_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, shipping_cost,
                     estimated_delivery_days, quantity, line_total
                FROM seed_work.order_chunk ORDER BY owner_id, variant_id`);
  await db.q(
    `INSERT INTO orders (id, number, customer_id, email, status, payment_status, payment_method, coupon_id, coupon_code, subtotal, discount_total,
                         shipping_total, tax_rate_bps, tax_total, total, paid_amount, refunded_amount, shipping_address, estimated_delivery_date,
                         access_token_hash, cart_id, invoice_id, placed_at, updated_at, cancelled_at, cost_of_goods) OVERRIDING SYSTEM VALUE
     SELECT o.id, 'ORD-' || ${pad6('o.id')}, cu.user_id, COALESCE(cu.email, 'guest' || o.id || '@example.net'), o.status,
            CASE o.pay_plan WHEN 'full' THEN 'paid' WHEN 'split' THEN 'paid' WHEN 'partial' THEN 'partially_paid' WHEN 'refund' THEN 'refunded' ELSE 'unpaid' END,
            o.payment_method, c.id, c.code, l.subtotal, d.discount, l.shipping, o.tax_rate_bps, t.tax, tt.total,
            CASE WHEN o.pay_plan IN ('full', 'split') THEN tt.total WHEN o.pay_plan = 'partial' THEN p.part ELSE 0 END,
            CASE WHEN o.pay_plan = 'refund' THEN p.part ELSE 0 END,
            jsonb_build_object('name', COALESCE(cu.full_name, 'Guest ' || o.id),
                               'line1', (1 + o.id % 300) || ' ' || COALESCE(cu.street, ($3::text[])[1 + o.id % array_length($3::text[], 1)]),
                               'city', COALESCE(cu.city, ($4::text[])[1 + o.id % array_length($4::text[], 1)]),
                               'postalCode', lpad((o.id % 99991)::text, 5, '0'),
                               'country', COALESCE(cu.country, ($5::text[])[1 + o.id % array_length($5::text[], 1)])),
            (o.placed_at AT TIME ZONE 'UTC')::date + l.days,
            CASE WHEN cu.user_id IS NULL THEN encode(sha256(convert_to('guest-order-' || o.id, 'UTF8')), 'hex') END,
            NULL, o.id, o.placed_at,
            COALESCE(o.cancelled_at, CASE WHEN o.pay_plan <> 'none' OR o.status <> 'pending' THEN o.settled_at ELSE o.placed_at END), o.cancelled_at, l.cost
       FROM seed_work.orders o
       JOIN (SELECT owner_id, sum(line_total)::int AS subtotal, sum(shipping_cost * quantity)::int AS shipping, max(estimated_delivery_days) AS days,
                    sum(cost_price::bigint * quantity) AS cost
               FROM seed_work.order_chunk GROUP BY owner_id) l ON l.owner_id = o.id
       LEFT JOIN seed_work.customers cu ON cu.n = o.customer_n
       LEFT JOIN coupons c ON c.id = o.coupon_id AND (c.min_purchase IS NULL OR l.subtotal >= c.min_purchase)
      CROSS JOIN LATERAL (SELECT CASE WHEN c.id IS NULL THEN 0
                                      WHEN c.discount_type = 'fixed' THEN least(c.discount_value, l.subtotal)
                                      ELSE least(round(l.subtotal::numeric * least(c.discount_value, 10000) / 10000)::int,
                                                 COALESCE(c.max_discount, l.subtotal), l.subtotal) END AS discount) d
      CROSS JOIN LATERAL (SELECT round((l.subtotal - d.discount)::numeric * o.tax_rate_bps / 10000)::int AS tax) t
      CROSS JOIN LATERAL (SELECT l.subtotal - d.discount + l.shipping + t.tax AS total) tt
      CROSS JOIN LATERAL (SELECT greatest(1, floor(tt.total * o.r_part))::int AS part) p
      WHERE o.id BETWEEN $1 AND $2
      ORDER BY o.id`,
    [a, b, STREETS, CITIES.map(([c]) => c), CITIES.map(([, c]) => c)],
  );
  await db.q(
    `INSERT INTO invoices (id, number, order_id, order_number, issued_at, bill_to, lines, currency, subtotal, discount_total, shipping_total,
                           tax_rate_bps, tax_total, total, paid_amount, payment_status) OVERRIDING SYSTEM VALUE
     SELECT o.id, 'INV-' || so.year || '-' || lpad(so.year_seq::text, 6, '0'), o.id, o.number, o.placed_at,
            o.shipping_address || jsonb_build_object('email', o.email), l.lines, 'USD', o.subtotal, o.discount_total, o.shipping_total,
            o.tax_rate_bps, o.tax_total, o.total, o.paid_amount, o.payment_status
       FROM orders o
       JOIN seed_work.orders so ON so.id = o.id
       JOIN (SELECT owner_id, jsonb_agg(jsonb_build_object('productId', product_id, 'variantId', variant_id, 'productName', product_name, 'sku', sku,
                                                           'attributes', attributes, 'unitPrice', unit_price, 'quantity', quantity,
                                                           'lineTotal', line_total, 'shippingCost', shipping_cost) ORDER BY variant_id) AS lines
               FROM seed_work.order_chunk GROUP BY owner_id) l ON l.owner_id = o.id
      WHERE o.id BETWEEN $1 AND $2
      ORDER BY o.id`,
    [a, b],
  );
  await db.q(
    `INSERT INTO payments (order_id, amount, method, reference, status, paid_at, refunded_at, recorded_by_id, refunded_amount)
     SELECT o.id,
            CASE WHEN so.pay_plan = 'split' AND k = 1 THEN floor(o.total * so.r_part)::int
                 WHEN so.pay_plan = 'split' THEN o.total - floor(o.total * so.r_part)::int
                 WHEN so.pay_plan = 'full' THEN o.total
                 WHEN so.pay_plan = 'partial' THEN o.paid_amount
                 ELSE o.refunded_amount END,
            o.payment_method,
            CASE o.payment_method WHEN 'card' THEN 'ch_' || substr(md5(o.id || '-' || k), 1, 20)
                                  WHEN 'bank_transfer' THEN 'TRF-' || o.id || '-' || k
                                  WHEN 'mobile_wallet' THEN 'MW-' || substr(md5(o.id || '/' || k), 1, 12) END,
            CASE WHEN so.pay_plan = 'refund' THEN 'refunded' ELSE 'succeeded' END,
            CASE WHEN so.pay_plan = 'split' AND k = 1 THEN least(o.placed_at + interval '5 minutes', so.settled_at)
                 WHEN so.pay_plan = 'refund' THEN least(o.placed_at + interval '5 minutes', o.cancelled_at)
                 ELSE so.settled_at END,
            CASE WHEN so.pay_plan = 'refund' THEN o.cancelled_at END,
            CASE WHEN o.payment_method IN ('cash_on_delivery', 'bank_transfer') THEN so.staff_id END,
            CASE WHEN so.pay_plan = 'refund' THEN o.refunded_amount ELSE 0 END
       FROM orders o
       JOIN seed_work.orders so ON so.id = o.id
      CROSS JOIN LATERAL generate_series(1, CASE so.pay_plan WHEN 'split' THEN 2 WHEN 'none' THEN 0 ELSE 1 END) k
      WHERE o.id BETWEEN $1 AND $2
      ORDER BY o.id, k`,
    [a, b],
  );
  await db.q(
    `INSERT INTO coupon_redemptions (coupon_id, order_id, customer_id, email, created_at, cancelled_at)
     SELECT coupon_id, id, customer_id, email, placed_at, cancelled_at FROM orders WHERE id BETWEEN $1 AND $2 AND coupon_id IS NOT NULL ORDER BY id`,
    [a, b],
  );
  await db.q(
    `INSERT INTO stock_movements (variant_id, delta, reason, reference, created_at)
     SELECT variant_id, delta, reason, reference, at FROM (
       SELECT l.variant_id, -l.quantity AS delta, 'order_placed' AS reason, o.number AS reference, o.placed_at AS at
         FROM seed_work.order_chunk l JOIN orders o ON o.id = l.owner_id
       UNION ALL
       SELECT l.variant_id, l.quantity, 'order_cancelled', o.number, o.cancelled_at
         FROM seed_work.order_chunk l JOIN orders o ON o.id = l.owner_id WHERE o.status = 'cancelled') m
     ORDER BY at`,
  );
  await db.q(
    `INSERT INTO outbox_events (type, payload, occurred_at, available_at, attempts, processed_at)
     SELECT 'order.placed', jsonb_build_object('orderId', id, 'number', number, 'customerId', customer_id, 'email', email, 'total', total),
            placed_at, placed_at, 0, placed_at + interval '1 second'
       FROM orders WHERE id BETWEEN $1 AND $2 ORDER BY id`,
    [a, b],
  );
}
