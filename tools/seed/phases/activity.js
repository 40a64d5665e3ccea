// Phases "purchases", "bookings", "notifications" and "carts": what else a live shop accumulates.
import { pad6 } from './catalog.js';

export async function seedPurchases(db, ctx, progress) {
  const { counts } = ctx;
  progress.start(4, 'steps');
  await db.q(
    `CREATE TABLE seed_work.purchases AS
     SELECT p.*, extract(year FROM created_at AT TIME ZONE 'UTC')::int AS year,
            (row_number() OVER (PARTITION BY extract(year FROM created_at AT TIME ZONE 'UTC') ORDER BY id))::int AS year_seq
       FROM (SELECT id, created_at, supplier_id, nlines, shipping, taxed, staff_id,
                    CASE WHEN created_at > $2::timestamptz - interval '10 days' THEN CASE WHEN r_status < 0.3 THEN 'draft' ELSE 'ordered' END
                         WHEN r_status < 0.92 THEN 'received' ELSE 'cancelled' END AS status, r_received
               FROM (SELECT g AS id, $1::timestamptz + make_interval(secs => $3 * (g - 1 + random()) / $4) AS created_at,
                            1 + floor(random() * $5)::int AS supplier_id, 1 + floor(random() * 5)::int AS nlines,
                            (ARRAY[0, 0, 1500, 2500, 4900])[1 + floor(random() * 5)::int] AS shipping, random() < 0.5 AS taxed,
                            random() AS r_status, random() AS r_received, ($6::int[])[1 + floor(random() * 4)::int] AS staff_id
                       FROM generate_series(1, $4) g OFFSET 0) x) p`,
    [ctx.start, ctx.now, (ctx.now - ctx.start) / 1000, counts.purchases, counts.suppliers, ctx.staffIds],
  );
  await db.q(
    `INSERT INTO purchase_lines (purchase_id, variant_id, product_name, sku, attributes, quantity, unit_cost, line_total)
     SELECT DISTINCT ON (p.id, v.variant_id) p.id, v.variant_id, v.product_name, v.sku, v.attributes, p.quantity, v.cost_price, p.quantity * v.cost_price
       FROM (SELECT s.id, 1 + floor(random() * $1)::int AS n, 5 * (2 + floor(random() * 19)::int) AS quantity
               FROM seed_work.purchases s, generate_series(1, s.nlines) k OFFSET 0) p
       JOIN seed_work.variants v ON v.n = p.n
      ORDER BY p.id, v.variant_id`,
    [ctx.sellable],
  );
  progress.tick();
  await db.q(
    `INSERT INTO purchases (id, number, supplier_id, status, subtotal, shipping_cost, tax_total, total, notes, ordered_at, received_at, cancelled_at,
                            purchase_invoice_id, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT s.id, 'PO-' || ${pad6('s.id')}, s.supplier_id, s.status, l.subtotal, s.shipping, t.tax, l.subtotal + s.shipping + t.tax, '',
            CASE WHEN s.status <> 'draft' THEN s.created_at + interval '1 hour' END,
            CASE WHEN s.status = 'received' THEN least(s.created_at + make_interval(secs => 86400 * (2 + 8 * s.r_received)), $1::timestamptz) END,
            CASE WHEN s.status = 'cancelled' THEN s.created_at + interval '2 days' END,
            s.id, s.created_at, s.created_at
       FROM seed_work.purchases s
       JOIN (SELECT purchase_id, sum(line_total)::int AS subtotal FROM purchase_lines GROUP BY purchase_id) l ON l.purchase_id = s.id
      CROSS JOIN LATERAL (SELECT CASE WHEN s.taxed THEN round(l.subtotal * 0.08)::int ELSE 0 END AS tax) t
      ORDER BY s.id`,
    [ctx.now],
  );
  progress.tick();
  await db.q(
    `INSERT INTO purchase_invoices (id, number, purchase_id, purchase_number, supplier_id, supplier, issued_at, lines, currency, subtotal, shipping_cost,
                                    tax_total, total, status) OVERRIDING SYSTEM VALUE
     SELECT p.id, 'PINV-' || s.year || '-' || lpad(s.year_seq::text, 6, '0'), p.id, p.number, p.supplier_id,
            jsonb_build_object('name', su.name, 'contactName', su.contact_name, 'email', su.email, 'phone', su.phone, 'address', su.address),
            p.created_at, l.lines, 'USD', p.subtotal, p.shipping_cost, p.tax_total, p.total,
            CASE p.status WHEN 'received' THEN 'final' WHEN 'cancelled' THEN 'void' ELSE 'open' END
       FROM purchases p
       JOIN seed_work.purchases s ON s.id = p.id
       JOIN suppliers su ON su.id = p.supplier_id
       JOIN (SELECT purchase_id, jsonb_agg(jsonb_build_object('variantId', variant_id, 'productName', product_name, 'sku', sku, 'attributes', attributes,
                                                              'quantity', quantity, 'unitCost', unit_cost, 'lineTotal', line_total) ORDER BY id) AS lines
               FROM purchase_lines GROUP BY purchase_id) l ON l.purchase_id = p.id
      ORDER BY p.id`,
  );
  progress.tick();
  await db.q(
    `INSERT INTO stock_movements (variant_id, delta, reason, reference, created_by, created_at)
     SELECT l.variant_id, l.quantity, 'purchase_received', p.number, s.staff_id, p.received_at
       FROM purchase_lines l JOIN purchases p ON p.id = l.purchase_id JOIN seed_work.purchases s ON s.id = p.id
      WHERE p.status = 'received'
      ORDER BY p.received_at, l.id`,
  );
  progress.tick();
}

export async function seedBookings(db, ctx, progress) {
  progress.start(2, 'steps');
  // taxed at 0 % (the seeded shop's history has no tax on visits); a completed visit was paid in full on the day
  // and has its invoice id reserved above the orders' invoices (whose ids are the orders'; the invoices themselves are
  // numbered once the orders' are in: bookingInvoices)
  await db.q(
    `INSERT INTO bookings (customer_id, service_type_id, service_name, price, subtotal, tax_rate_bps, tax_total, total, paid_amount, payment_status,
                           invoice_id, duration_minutes, scheduled_at, address, notes, status, completed_at, cancelled_at, created_by_id, assignee_id,
                           created_at, updated_at)
     SELECT cu.user_id, st.id, st.name, st.price, st.price, 0, 0, st.price,
            CASE WHEN b.status = 'completed' THEN st.price ELSE 0 END,
            CASE WHEN b.status = 'completed' AND st.price > 0 THEN 'paid' ELSE 'unpaid' END,
            CASE WHEN b.status = 'completed' THEN $7::int + b.g END,
            st.duration_minutes, b.scheduled_at,
            COALESCE(cu.address, (1 + b.g % 200) || ' ' || cu.street || ', ' || cu.city),
            CASE WHEN b.r_notes < 0.3 THEN 'Please ring the bell twice' ELSE '' END, b.status,
            CASE WHEN b.status = 'completed' THEN b.scheduled_at + make_interval(mins => st.duration_minutes) END,
            CASE WHEN b.status = 'cancelled' THEN b.created_at + (b.scheduled_at - b.created_at) / 2 END,
            CASE WHEN b.r_staff < 0.4 THEN b.staff_id END, CASE WHEN b.r_staff < 0.8 THEN b.staff_id END, b.created_at,
            CASE b.status WHEN 'completed' THEN b.scheduled_at + make_interval(mins => st.duration_minutes)
                          WHEN 'cancelled' THEN b.created_at + (b.scheduled_at - b.created_at) / 2 ELSE b.created_at END
       FROM (SELECT x.*, x.scheduled_at - make_interval(secs => 86400 * (1 + 13 * x.r_lead)) AS created_at,
                    CASE WHEN x.scheduled_at < $2::timestamptz THEN CASE WHEN x.r_status < 0.85 THEN 'completed' ELSE 'cancelled' END
                         ELSE CASE WHEN x.r_status < 0.9 THEN 'pending' ELSE 'cancelled' END END AS status
               FROM (SELECT g, date_trunc('hour', $1::timestamptz + random() * ($2::timestamptz + interval '30 days' - $1::timestamptz)) + interval '8 hours' AS scheduled_at,
                            1 + floor(random() * $4)::int AS cn, 1 + floor(random() * $5)::int AS st, random() AS r_status, random() AS r_staff,
                            random() AS r_notes, random() AS r_lead, ($6::int[])[1 + floor(random() * 4)::int] AS staff_id
                       FROM generate_series(1, $3) g OFFSET 0) x) b
       JOIN seed_work.customers cu ON cu.n = b.cn
       JOIN service_types st ON st.id = b.st
      ORDER BY b.created_at`,
    [ctx.start, ctx.now, ctx.counts.bookings, ctx.counts.customers, 8, ctx.staffIds, ctx.counts.orders],
  );
  progress.tick();
  await db.q(
    `INSERT INTO booking_payments (booking_id, amount, method, paid_at, recorded_by_id)
     SELECT id, total, CASE WHEN id % 3 = 0 THEN 'card' ELSE 'cash' END, completed_at, assignee_id FROM bookings WHERE status = 'completed' AND total > 0`,
  );
  progress.tick();
}

/**
 * The invoices of the completed bookings, under the ids they reserved, numbered on from the orders'
 * invoices of each year in completion order (run once the orders are in, before the counters are set).
 */
export async function bookingInvoices(db) {
  await db.q(
    `INSERT INTO invoices (id, number, booking_id, issued_at, bill_to, lines, currency, subtotal, discount_total, shipping_total,
                           tax_rate_bps, tax_total, total, paid_amount, payment_status)
     OVERRIDING SYSTEM VALUE
     SELECT b.invoice_id, 'INV-' || y.year || '-' || lpad((COALESCE(m.last, 0) + row_number() OVER (PARTITION BY y.year ORDER BY b.completed_at, b.id))::text, 6, '0'),
            b.id, b.completed_at,
            jsonb_build_object('name', COALESCE(NULLIF(p.full_name, ''), u.email), 'email', u.email, 'line1', b.address, 'line2', NULL,
                               'city', '', 'postalCode', '', 'country', '', 'phone', p.phone),
            jsonb_build_array(jsonb_build_object('productId', NULL, 'variantId', NULL, 'productName', b.service_name, 'sku', '',
                              'attributes', '{}'::jsonb, 'unitPrice', b.subtotal, 'quantity', 1, 'lineTotal', b.subtotal, 'shippingCost', 0)),
            (SELECT currency FROM settings WHERE id = 1), b.subtotal, 0, 0, b.tax_rate_bps, b.tax_total, b.total, b.paid_amount, b.payment_status
       FROM bookings b
       CROSS JOIN LATERAL (SELECT extract(year FROM b.completed_at AT TIME ZONE 'UTC')::int AS year) y
       LEFT JOIN (SELECT substr(number, 5, 4)::int AS year, max(substr(number, 10)::int) AS last FROM invoices GROUP BY 1) m ON m.year = y.year
       JOIN users u ON u.id = b.customer_id LEFT JOIN profiles p ON p.user_id = b.customer_id
      WHERE b.status = 'completed'`,
  );
}

const CHUNK = 100_000;

/** Notifications: order updates to their customers (most), bookings, price drops, messages, low stock to the team; older ones mostly read. */
export async function seedNotifications(db, ctx, progress) {
  const total = ctx.counts.notifications;
  await db.q(`CREATE TABLE seed_work.reg_orders AS
              SELECT (row_number() OVER (ORDER BY id))::int AS n, id, number, customer_id, status, placed_at FROM orders WHERE customer_id IS NOT NULL`);
  await db.q(`ALTER TABLE seed_work.reg_orders ADD PRIMARY KEY (n)`);
  const registered = Number((await db.q(`SELECT count(*) AS n FROM seed_work.reg_orders`)).rows[0].n);
  const [{ lo, hi }] = (await db.q(`SELECT min(id) AS lo, max(id) AS hi FROM bookings`)).rows;
  const readAt = (
    at,
  ) => `CASE WHEN ${at} < $2::timestamptz - interval '7 days' AND random() < 0.85 THEN ${at} + make_interval(secs => 3600 + random() * 86400 * 3)
                               WHEN random() < 0.3 THEN least(${at} + interval '1 hour', $2::timestamptz) END`;
  const shares = { order_update: 0.6, booking_update: 0.1, product_update: 0.1, message: 0.1, low_stock: 0.1 };
  progress.start(total, 'notifications');
  let done = 0;
  for (const [type, share] of Object.entries(shares)) {
    const want = type === 'low_stock' ? total - done : Math.round(total * share);
    for (let left = want; left > 0; left -= CHUNK) {
      const n = Math.min(CHUNK, left);
      if (type === 'order_update' && registered > 0) {
        await db.q(
          `INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, read_at, created_at)
           SELECT customer_id, 'order_update',
                  'Order ' || number || CASE WHEN k.r < 0.5 THEN ' received' ELSE ' is now ' || status END,
                  'Thank you for shopping with Chance Store.', 'orders', id, ${readAt('at')}, at
             FROM (SELECT o.*, least(o.placed_at + make_interval(secs => k.r * 86400 * 4), $2::timestamptz) AS at, k.r
                     FROM (SELECT 1 + floor(random() * $3)::int AS pick, random() AS r FROM generate_series(1, $1) OFFSET 0) k
                     JOIN seed_work.reg_orders o ON o.n = k.pick) k`,
          [n, ctx.now, registered],
        );
      } else if (type === 'booking_update' && lo !== null) {
        await db.q(
          `INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, read_at, created_at)
           SELECT b.customer_id, 'booking_update', 'Your ' || lower(b.service_name) || ' booking is ' || b.status,
                  'Scheduled for ' || to_char(b.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.', 'bookings', b.id, ${readAt('b.updated_at')}, b.updated_at
             FROM (SELECT $3::int + floor(random() * ($4::int - $3::int + 1))::int AS pick FROM generate_series(1, $1) OFFSET 0) k
             JOIN bookings b ON b.id = k.pick`,
          [n, ctx.now, lo, hi],
        );
      } else if (type === 'product_update' || type === 'message') {
        await db.q(
          `INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, read_at, created_at)
           SELECT cu.user_id, $4::text,
                  CASE WHEN $4::text = 'message' THEN 'A message from Chance Store' ELSE 'Price drop: ' || v.product_name END,
                  CASE WHEN $4::text = 'message' THEN 'Our shop opens late on Thursdays this month.' ELSE 'An item in your cart costs less now.' END,
                  CASE WHEN $4::text = 'message' THEN NULL ELSE 'products' END, CASE WHEN $4::text = 'message' THEN NULL ELSE v.product_id END,
                  ${readAt('k.at')}, k.at
             FROM (SELECT 1 + floor(random() * $3)::int AS cn, 1 + floor(random() * $5)::int AS vn,
                          $6::timestamptz + random() * ($2::timestamptz - $6::timestamptz) AS at
                     FROM generate_series(1, $1) OFFSET 0) k
             JOIN seed_work.customers cu ON cu.n = k.cn
             JOIN seed_work.variants v ON v.n = k.vn`,
          [n, ctx.now, ctx.counts.customers, type, ctx.sellable, ctx.start],
        );
      } else {
        await db.q(
          `INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, read_at, created_at)
           SELECT k.user_id, 'low_stock', 'Low stock: ' || v.sku, v.product_name || ' is at or below its threshold.', 'products', v.product_id,
                  ${readAt('k.at')}, k.at
             FROM (SELECT ($3::int[])[1 + floor(random() * 4)::int] AS user_id, 1 + floor(random() * $4)::int AS vn,
                          $5::timestamptz + random() * ($2::timestamptz - $5::timestamptz) AS at
                     FROM generate_series(1, $1) OFFSET 0) k
             JOIN seed_work.variants v ON v.n = k.vn`,
          [n, ctx.now, ctx.staffIds, ctx.sellable, ctx.start],
        );
      }
      done += n;
      progress.tick(n);
    }
  }
}

/** Live carts: customers' active carts and recent guest carts, 1–3 lines each. */
export async function seedCarts(db, ctx, progress) {
  progress.start(2, 'steps');
  const carts = ctx.counts.activeCarts;
  await db.q(
    `INSERT INTO carts (customer_id, token_hash, status, created_at, updated_at)
     SELECT user_id, NULL, 'active', at, at FROM (
       SELECT user_id, $2::timestamptz - random() * interval '20 days' AS at FROM seed_work.customers ORDER BY random() LIMIT $1) c
     UNION ALL
     SELECT NULL, encode(sha256(convert_to('seed-guest-cart-' || x.g || '-' || random(), 'UTF8')), 'hex'), 'active', x.at, x.at
       FROM (SELECT g, $2::timestamptz - random() * interval '20 days' AS at FROM generate_series(1, $1) g OFFSET 0) x`,
    [carts, ctx.now],
  );
  progress.tick();
  await db.q(
    `INSERT INTO cart_items (cart_id, variant_id, quantity, created_at)
     SELECT DISTINCT ON (p.id, v.variant_id) p.id, v.variant_id, p.quantity, p.created_at
       FROM (SELECT c.id, c.created_at, 1 + floor(power(random(), 1.6) * $1)::int AS n, 1 + floor(random() * 2)::int AS quantity
               FROM carts c, generate_series(1, 1 + c.id % 3) k WHERE c.status = 'active' OFFSET 0) p
       JOIN seed_work.variants v ON v.n = p.n
      ORDER BY p.id, v.variant_id`,
    [ctx.sellable],
  );
  progress.tick();
}

const QUESTIONS = [
  ['Delivery on Sunday?', 'Can my order come on a Sunday? I am away during the week.'],
  ['Wrong size', 'The shirt I received is one size too small. Can I exchange it?'],
  ['Invoice address', 'Please put my company name on the invoice.'],
  ['Electrician visit', 'Can the electrician come before 10:00?'],
  ['Gift wrapping', 'Do you wrap gifts? It is for a birthday.'],
];
const ANSWERS = [
  'Yes, of course: we have noted it on your order.',
  'Thank you for writing: a colleague will call you today.',
  'Done. Anything else, just write.',
];

/**
 * Messages (docs/api.md#messages): customers' questions to the shop (about 2 in 100 customers), most
 * answered by a staff member within a day, and the one message to every customer whose
 * notifications the notifications phase wrote. Names and e-mails are the snapshots the API takes.
 */
export async function seedMessages(db, ctx, progress) {
  progress.start(3, 'steps');
  const questions = Math.max(5, Math.round(ctx.counts.customers * 0.02));
  await db.q(
    `CREATE TABLE seed_work.questions AS
     SELECT c.user_id, c.full_name, c.email, k.q, k.at, k.answered, ($5::int[])[1 + floor(random() * 4)::int] AS staff_id
       FROM (SELECT 1 + floor(random() * $2)::int AS cn, 1 + floor(random() * $3)::int AS q,
                    $4::timestamptz + random() * ($1::timestamptz - interval '1 day' - $4::timestamptz) AS at, random() < 0.8 AS answered
               FROM generate_series(1, $6) OFFSET 0) k
       JOIN seed_work.customers c ON c.n = k.cn`,
    [ctx.now, ctx.counts.customers, QUESTIONS.length, ctx.start, ctx.staffIds, questions],
  );
  progress.tick();
  await db.q(
    `INSERT INTO messages (direction, user_id, user_name, user_email, sender_id, title, body, created_at)
     SELECT direction, user_id, full_name, email, sender_id, title, body, at FROM (
       SELECT 'from_customer' AS direction, q.user_id, q.full_name, q.email, q.user_id AS sender_id,
              ($2::text[])[q.q] AS title, ($3::text[])[q.q] AS body, q.at
         FROM seed_work.questions q
       UNION ALL
       SELECT 'to_customer', q.user_id, q.full_name, q.email, q.staff_id, 'Re: ' || ($2::text[])[q.q],
              ($4::text[])[1 + floor(random() * $5)::int], least(q.at + make_interval(secs => 600 + random() * 86400), $1::timestamptz)
         FROM seed_work.questions q WHERE q.answered) m
      ORDER BY at`,
    [ctx.now, QUESTIONS.map(([title]) => title), QUESTIONS.map(([, body]) => body), ANSWERS, ANSWERS.length],
  );
  progress.tick();
  await db.q(
    `INSERT INTO messages (direction, user_id, user_name, user_email, sender_id, title, body, created_at)
     VALUES ('to_customer', NULL, NULL, NULL, $1, 'A message from Chance Store', 'Our shop opens late on Thursdays this month.', $2::timestamptz)`,
    [ctx.adminId, ctx.start],
  );
  progress.tick();
}
