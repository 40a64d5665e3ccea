// What the store benchmarks need, written straight into the database (set-based, ledger-consistent):
// stock for the benchmarked variants (an `adjustment` movement each), one scarce variant whose
// sell-out gives the deliberate 409s, a coupon without limits, and pre-filled guest carts.

export const BENCH_COUPON = 'BENCHFLOW';
export const SHIPPING_ADDRESS = { name: 'Bench Buyer', line1: '1 Load Test Lane', city: 'London', postalCode: 'N1 9GU', country: 'GB' };

/** Active products' variants that orders and flows buy from, topped up so the load never runs out. */
export async function prepareStore(db, { variants = 2000, topUp = 1000, scarceStock = 25 } = {}) {
  const picked = (
    await db.query(`SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.is_active ORDER BY random() LIMIT $1`, [variants + 1])
  ).rows.map((r) => r.id);
  const scarce = picked.pop();
  await db.query(
    `WITH up AS (UPDATE variants SET stock = stock + $2 WHERE id = ANY($1) RETURNING id)
     INSERT INTO stock_movements (variant_id, delta, reason, note) SELECT id, $2, 'adjustment', 'benchmark stock' FROM up`,
    [picked, topUp],
  );
  await db.query(
    `WITH v AS (SELECT id, $2::int - stock AS delta FROM variants WHERE id = $1),
          up AS (UPDATE variants SET stock = $2 FROM v WHERE variants.id = v.id AND v.delta <> 0 RETURNING variants.id, v.delta)
     INSERT INTO stock_movements (variant_id, delta, reason, note) SELECT id, delta, 'adjustment', 'benchmark: scarce variant' FROM up`,
    [scarce, scarceStock],
  );
  await db.query(
    `INSERT INTO coupons (code, description, discount_type, discount_value, max_discount, is_active)
     VALUES ($1, 'Benchmark flow coupon: 10 % off', 'percentage', 1000, NULL, true)
     ON CONFLICT ((lower(code))) DO UPDATE SET is_active = true, valid_from = NULL, valid_to = NULL, usage_limit = NULL, min_purchase = NULL`,
    [BENCH_COUPON],
  );
  return { variantIds: picked, scarceId: scarce };
}

/**
 * `count` guest carts with two lines each (quantity 1); a share `scarceShare` of them also holds the
 * scarce variant, so that once it sells out their checkouts are refused with 409 OUT_OF_STOCK on purpose.
 */
export async function prefilledCarts(db, { count, variantIds, scarceId, scarceShare = 0.02, run }) {
  const rows = (
    await db.query(
      `INSERT INTO carts (token_hash, status) SELECT encode(sha256(convert_to('bench-' || $2 || '-' || g, 'UTF8')), 'hex'), 'active'
         FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
      [count, run],
    )
  ).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO cart_items (cart_id, variant_id, quantity)
     SELECT c.id, v.variant_id, 1 FROM unnest($1::int[]) WITH ORDINALITY AS c(id, n)
      CROSS JOIN LATERAL (SELECT ($2::int[])[1 + ((c.n * 7 + k * 13) % array_length($2::int[], 1))] AS variant_id FROM generate_series(0, 1) k) v
     UNION
     SELECT c.id, $3, 1 FROM unnest($1::int[]) WITH ORDINALITY AS c(id, n) WHERE c.n % $4 = 0`,
    [rows, variantIds, scarceId, Math.round(1 / scarceShare)],
  );
  const every = Math.round(1 / scarceShare);
  return rows.map((id, i) => ({ id, token: `bench-${run}-${i + 1}`, scarce: (i + 1) % every === 0 }));
}

/** Removes the pre-filled carts nobody checked out (they would otherwise linger as abandoned guest carts). */
export async function dropUnusedCarts(db, carts) {
  if (carts.length === 0) return;
  await db.query(`DELETE FROM carts WHERE id = ANY($1) AND status = 'active'`, [carts.map((c) => c.id)]);
}
