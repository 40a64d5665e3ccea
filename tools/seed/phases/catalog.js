// Phase "catalog": settings, categories, products with 1–3 variants, their opening-stock movements
// (deltas filled in at the end, once every sale is known), coupons, service types and suppliers.
import { ADJECTIVES, COLORS, DEPARTMENTS, MATERIALS, RAM, SERVICE_TYPES, SIZES, SUB_CATEGORIES, SUPPLIER_SUFFIXES, SUPPLIER_WORDS } from '../words.js';

/** `ORD-000042` style padding that never truncates (lpad would cut 1000000 to 100000). */
export const pad6 = (expr) => `CASE WHEN length((${expr})::text) >= 6 THEN (${expr})::text ELSE lpad((${expr})::text, 6, '0') END`;
export const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Tax rate of the time: 7 % for the first year of history, 8 % since (orders keep the rate they were made with). */
export const taxRateSql = (column, nowParam) => `CASE WHEN ${column} < ${nowParam}::timestamptz - interval '365 days' THEN 700 ELSE 800 END`;

export function categoriesOf(count) {
  const top = Math.min(DEPARTMENTS.length, Math.max(2, Math.ceil(count / 10)));
  const rows = DEPARTMENTS.slice(0, top).map((d, i) => ({ id: i + 1, name: d.name, parentId: null, kind: d.kind, nouns: d.nouns }));
  for (let i = 0; i < count - top; i++) {
    const dept = rows[i % top];
    const round = Math.floor(i / top);
    const sub = SUB_CATEGORIES[round % SUB_CATEGORIES.length];
    const name = `${dept.name} ${sub}${round >= SUB_CATEGORIES.length ? ` ${Math.floor(round / SUB_CATEGORIES.length) + 1}` : ''}`;
    rows.push({ id: rows.length + 1, name, parentId: dept.id, kind: dept.kind, nouns: dept.nouns });
  }
  return rows;
}

export async function seedCatalog(db, ctx, progress) {
  const { counts } = ctx;
  progress.start(7, 'steps');
  await db.q(`UPDATE settings SET store_name = 'Chance Store', currency = 'USD', tax_rate_bps = 800, low_stock_threshold = 5, updated_at = $1`, [ctx.now]);

  const categories = categoriesOf(counts.categories);
  await db.q(
    `INSERT INTO categories (id, name, slug, description, parent_id, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT id, name, slug, 'Everything ' || lower(name), parent_id, $5::timestamptz - interval '90 days', $5::timestamptz - interval '90 days'
       FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS c(id, name, slug, parent_id) ORDER BY id`,
    [categories.map((c) => c.id), categories.map((c) => c.name), categories.map((c) => slugify(c.name)), categories.map((c) => c.parentId), ctx.start],
  );
  // products go into the leaf categories (all of them when there are no sub-categories)
  const leaves = categories.filter((c) => c.parentId !== null);
  await db.q(`CREATE TABLE seed_work.categories (n int PRIMARY KEY, id int, kind text, nouns text[])`);
  for (const [i, c] of leaves.entries()) await db.q(`INSERT INTO seed_work.categories VALUES ($1, $2, $3, $4)`, [i + 1, c.id, c.kind, c.nouns]);
  progress.tick();

  await db.q(
    `INSERT INTO products (id, name, slug, description, category_id, price, cost_price, shipping_cost, estimated_delivery_days,
                           is_active, low_stock_threshold, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT x.id, x.name, trim(both '-' from regexp_replace(lower(x.name), '[^a-z0-9]+', '-', 'g')) || '-' || x.id,
            'A ' || lower(x.name) || ' from our ' || lower(x.noun) || ' range, built to last.',
            x.category_id, x.price, round(x.price * (0.4 + 0.25 * random()))::int,
            (ARRAY[0, 0, 0, 299, 499, 799, 1299])[1 + floor(random() * 7)::int], 1 + floor(random() * 10)::int,
            random() > 0.04, CASE WHEN random() < 0.1 THEN 3 + floor(random() * 18)::int END, x.created_at, x.created_at
       FROM (SELECT p.id, c.id AS category_id, p.price, p.created_at, n.noun, p.adjective || ' ' || p.material || ' ' || n.noun AS name
               FROM (SELECT g AS id, 1 + floor(random() * $2)::int AS cn, random() AS noun_r,
                            ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] AS adjective,
                            ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int] AS material,
                            (floor(power(random(), 2.5) * 500)::int + 1) * 100 - 1 AS price,
                            $5::timestamptz - interval '60 days' + random() * interval '120 days' AS created_at
                       FROM generate_series(1, $1) g OFFSET 0) p
               JOIN seed_work.categories c ON c.n = p.cn
              CROSS JOIN LATERAL (SELECT c.nouns[1 + floor(p.noun_r * array_length(c.nouns, 1))::int] AS noun) n) x
      ORDER BY x.id`,
    [counts.products, leaves.length, ADJECTIVES, MATERIALS, ctx.start],
  );
  progress.tick();

  await db.q(
    `INSERT INTO variants (id, product_id, sku, attributes, price, cost_price, stock, position, created_at) OVERRIDING SYSTEM VALUE
     SELECT row_number() OVER (ORDER BY p.id, k)::int, p.id, 'SKU-' || ${pad6('p.id')} || '-' || k,
            CASE c.kind
              WHEN 'apparel' THEN jsonb_build_object('size', ($1::text[])[k + p.id % 2], 'color', ($2::text[])[1 + p.id % 10])
              WHEN 'tech' THEN jsonb_build_object('ram', ($3::text[])[k], 'color', ($2::text[])[1 + p.id % 2])
              WHEN 'color' THEN CASE WHEN nv.n = 1 THEN '{}'::jsonb ELSE jsonb_build_object('color', ($2::text[])[1 + (p.id + k) % 10]) END
              ELSE CASE WHEN nv.n = 1 THEN '{}'::jsonb ELSE jsonb_build_object('pack', (k * 2 - 1) || ' pcs') END
            END,
            CASE WHEN k > 1 AND random() < 0.3 THEN p.price + 500 * (k - 1) END,
            NULL, 0, k - 1, p.created_at
       FROM products p
       JOIN seed_work.categories c ON c.id = p.category_id
      CROSS JOIN LATERAL (SELECT 1 + mod(hashint4(p.id)::bigint + 2147483648, 3)::int AS n) nv
      CROSS JOIN LATERAL generate_series(1, nv.n) k`,
    [SIZES, COLORS, RAM],
  );
  progress.tick();

  // opening stock comes first in the ledger; its delta is settled in the "stock" phase
  await db.q(`INSERT INTO stock_movements (variant_id, delta, reason, note, created_at)
              SELECT id, 1, 'initial', 'opening stock', created_at FROM variants ORDER BY id`);
  // what orders and sales draw from: active products' variants in a random popularity order
  await db.q(`CREATE TABLE seed_work.variants AS
              SELECT (row_number() OVER (ORDER BY random()))::int AS n, v.id AS variant_id, p.id AS product_id, p.name AS product_name, v.sku,
                     v.attributes, COALESCE(v.price, p.price) AS unit_price, COALESCE(v.cost_price, p.cost_price) AS cost_price,
                     p.shipping_cost, p.estimated_delivery_days
                FROM variants v JOIN products p ON p.id = v.product_id WHERE p.is_active`);
  await db.q(`ALTER TABLE seed_work.variants ADD PRIMARY KEY (n)`);
  ctx.sellable = Number((await db.q(`SELECT count(*) AS n FROM seed_work.variants`)).rows[0].n);
  progress.tick();

  // one promotion per month of history (percentage, capped) and two that always run (fixed amount)
  await db.q(
    `INSERT INTO coupons (id, code, description, discount_type, discount_value, max_discount, min_purchase, valid_from, valid_to,
                          usage_limit, per_customer_limit, is_active, times_used, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT row_number() OVER (ORDER BY m)::int, 'SAVE-' || to_char(m, 'YYYY-MM'), 'Monthly promotion ' || to_char(m, 'FMMonth YYYY'),
            'percentage', (ARRAY[500, 1000, 1500, 2000])[1 + (extract(month FROM m)::int % 4)], 5000,
            CASE WHEN extract(month FROM m)::int % 2 = 1 THEN 2000 END,
            m, m + interval '1 month' - interval '1 millisecond', NULL, NULL, true, 0, m - interval '7 days', m - interval '7 days'
       FROM generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'), date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC'), interval '1 month') m`,
    [ctx.start, ctx.now],
  );
  ctx.monthlyCoupons = Number((await db.q(`SELECT count(*) AS n FROM coupons`)).rows[0].n);
  await db.q(
    `INSERT INTO coupons (id, code, description, discount_type, discount_value, max_discount, min_purchase, valid_from, usage_limit,
                          is_active, times_used, created_at, updated_at) OVERRIDING SYSTEM VALUE
     VALUES ($1, 'WELCOME5', 'Five off a first basket of 30 or more', 'fixed', 500, NULL, 3000, $3, NULL, true, 0, $3, $3),
            ($2, 'BIGBASKET', '10 % off baskets of 200 or more, up to 100', 'percentage', 1000, 10000, 20000, $3, NULL, true, 0, $3, $3)`,
    [ctx.monthlyCoupons + 1, ctx.monthlyCoupons + 2, ctx.start],
  );
  progress.tick();

  await db.q(
    `INSERT INTO service_types (id, name, description, price, duration_minutes, is_active, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT row_number() OVER ()::int, name, description, price, minutes, true, $5, $5
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS s(name, description, price, minutes)`,
    [
      SERVICE_TYPES.map((s) => s.name),
      SERVICE_TYPES.map((s) => s.description),
      SERVICE_TYPES.map((s) => s.price),
      SERVICE_TYPES.map((s) => s.minutes),
      ctx.start,
    ],
  );
  progress.tick();

  await db.q(
    `INSERT INTO suppliers (id, name, contact_name, email, phone, address, notes, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT g, name, 'Account manager ' || g, 'orders@' || trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) || '.example.com',
            '+44 20 7946 ' || lpad((g % 10000)::text, 4, '0'), g || ' Industrial Estate', '', $4::timestamptz - interval '90 days', $4::timestamptz - interval '90 days'
       FROM (SELECT g, ($2::text[])[1 + g % array_length($2::text[], 1)] || ' ' || ($3::text[])[1 + (g / array_length($2::text[], 1)) % array_length($3::text[], 1)]
                       || CASE WHEN g > array_length($2::text[], 1) * array_length($3::text[], 1) THEN ' ' || g ELSE '' END AS name
               FROM generate_series(1, $1) g) s`,
    [counts.suppliers, SUPPLIER_WORDS, SUPPLIER_SUFFIXES, ctx.start],
  );
  progress.tick();
}
