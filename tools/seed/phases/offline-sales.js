// Phase "in-store sales": sales at the counter with snapshot lines, discounts, one or two payments
// or partial ones, a few cancelled (stock returned), and their stock movements.
import { chunkTable, linesOf } from './orders.js';
import { pad6, taxRateSql } from './catalog.js';

const CHUNK = 50_000;

export async function seedOfflineSales(db, ctx, progress) {
  const total = ctx.counts.offlineSales;
  await db.q(
    `CREATE TABLE seed_work.sales AS
     SELECT id, sold_at, customer_id, nlines, r_part, r_discount, staff_id, method,
            CASE WHEN r_cancel < 0.03 THEN CASE WHEN r_pay < 0.5 THEN 'full' ELSE 'none' END
                 WHEN r_pay < 0.68 THEN 'full' WHEN r_pay < 0.80 THEN 'split' WHEN r_pay < 0.92 THEN 'partial' ELSE 'none' END AS pay_plan,
            CASE WHEN r_cancel < 0.03 THEN least(sold_at + make_interval(secs => 600 + r_settle * 86400), $2::timestamptz) END AS cancelled_at,
            least(sold_at + make_interval(secs => 86400 + r_settle * 30 * 86400), $2::timestamptz) AS settled_at,
            ${taxRateSql('sold_at', '$2')} AS tax_rate_bps
       FROM (SELECT g AS id, $1::timestamptz + make_interval(secs => $3 * power((g - 1 + random()) / $4, 0.9)) AS sold_at,
                    1 + floor(random() * $5)::int AS customer_id,
                    CASE WHEN random() < 0.6 THEN 1 WHEN random() < 0.7 THEN 2 ELSE 3 END AS nlines,
                    0.3 + 0.4 * random() AS r_part, random() AS r_discount, random() AS r_pay, random() AS r_cancel, random() AS r_settle,
                    ($6::int[])[1 + floor(random() * 4)::int] AS staff_id,
                    CASE WHEN random() < 0.6 THEN 'cash' WHEN random() < 0.75 THEN 'card' ELSE 'mobile_wallet' END AS method
               FROM generate_series(1, $4) g OFFSET 0) x`,
    [ctx.start, ctx.now, (ctx.now - ctx.start) / 1000, total, ctx.counts.offlineCustomers, ctx.staffIds],
  );
  await db.q(`ALTER TABLE seed_work.sales ADD PRIMARY KEY (id)`);
  await db.q(chunkTable('seed_work.sale_chunk'));
  progress.start(total, 'sales');
  for (let a = 1; a <= total; a += CHUNK) {
    const b = Math.min(total, a + CHUNK - 1);
    await saleChunk(db, ctx, a, b);
    progress.tick(b - a + 1);
  }
}

async function saleChunk(db, ctx, a, b) {
  await db.q(`TRUNCATE seed_work.sale_chunk`);
  await db.q(`INSERT INTO seed_work.sale_chunk ${linesOf('seed_work.sales', '$1 AND $2')}`, [a, b, ctx.sellable]);
  await db.q(`INSERT INTO offline_sale_lines (sale_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, quantity, line_total)
              SELECT owner_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, quantity, line_total
                FROM seed_work.sale_chunk ORDER BY owner_id, variant_id`);
  await db.q(
    `INSERT INTO offline_sales (id, number, customer_id, status, sold_at, subtotal, discount, tax_rate_bps, tax_total, total, paid_amount,
                                payment_status, created_by_id, cancelled_at, created_at, updated_at, cost_of_goods) OVERRIDING SYSTEM VALUE
     SELECT s.id, 'SALE-' || ${pad6('s.id')}, s.customer_id, CASE WHEN s.cancelled_at IS NULL THEN 'completed' ELSE 'cancelled' END, s.sold_at,
            l.subtotal, d.discount, s.tax_rate_bps, t.tax, tt.total, pd.paid,
            CASE WHEN pd.paid >= tt.total THEN 'paid' WHEN pd.paid > 0 THEN 'partially_paid' ELSE 'unpaid' END,
            s.staff_id, s.cancelled_at, s.sold_at, COALESCE(s.cancelled_at, CASE WHEN s.pay_plan IN ('split', 'partial') THEN s.settled_at ELSE s.sold_at END),
            l.cost
       FROM seed_work.sales s
       JOIN (SELECT owner_id, sum(line_total)::int AS subtotal, sum(cost_price::bigint * quantity) AS cost FROM seed_work.sale_chunk GROUP BY owner_id) l
         ON l.owner_id = s.id
      CROSS JOIN LATERAL (SELECT CASE WHEN s.r_discount < 0.2 THEN floor(l.subtotal * 0.05)::int ELSE 0 END AS discount) d
      CROSS JOIN LATERAL (SELECT round((l.subtotal - d.discount)::numeric * s.tax_rate_bps / 10000)::int AS tax) t
      CROSS JOIN LATERAL (SELECT l.subtotal - d.discount + t.tax AS total) tt
      CROSS JOIN LATERAL (SELECT CASE s.pay_plan WHEN 'full' THEN tt.total WHEN 'split' THEN tt.total
                                                 WHEN 'partial' THEN least(tt.total - 1, greatest(1, floor(tt.total * s.r_part)::int)) ELSE 0 END AS paid) pd
      WHERE s.id BETWEEN $1 AND $2
      ORDER BY s.id`,
    [a, b],
  );
  await db.q(
    `INSERT INTO offline_sale_payments (sale_id, amount, method, paid_at, note, recorded_by_id)
     SELECT o.id,
            CASE WHEN s.pay_plan = 'split' AND k = 1 THEN floor(o.total * s.r_part)::int
                 WHEN s.pay_plan = 'split' THEN o.total - floor(o.total * s.r_part)::int
                 ELSE o.paid_amount END,
            CASE WHEN k = 2 THEN 'bank_transfer' ELSE s.method END,
            CASE WHEN k = 2 THEN s.settled_at ELSE s.sold_at END,
            CASE WHEN k = 2 THEN 'Balance settled' END, s.staff_id
       FROM offline_sales o
       JOIN seed_work.sales s ON s.id = o.id
      CROSS JOIN LATERAL generate_series(1, CASE WHEN o.paid_amount = 0 THEN 0 WHEN s.pay_plan = 'split' THEN 2 ELSE 1 END) k
      WHERE o.id BETWEEN $1 AND $2
      ORDER BY o.id, k`,
    [a, b],
  );
  await db.q(
    `INSERT INTO stock_movements (variant_id, delta, reason, reference, created_by, created_at)
     SELECT variant_id, delta, reason, reference, created_by, at FROM (
       SELECT l.variant_id, -l.quantity AS delta, 'offline_sale' AS reason, o.number AS reference, o.created_by_id AS created_by, o.sold_at AS at
         FROM seed_work.sale_chunk l JOIN offline_sales o ON o.id = l.owner_id
       UNION ALL
       SELECT l.variant_id, l.quantity, 'offline_sale_cancelled', o.number, o.created_by_id, o.cancelled_at
         FROM seed_work.sale_chunk l JOIN offline_sales o ON o.id = l.owner_id WHERE o.status = 'cancelled') m
     ORDER BY at`,
  );
}
