// Last phases: opening stock that makes every variant's stock the sum of its ledger, coupon
// counters, the sequences and gapless counters the live API continues from, the revenue days, indexes,
// VACUUM ANALYZE.

import { bookingInvoices } from './activity.js';

export async function settleStock(db, ctx, progress) {
  progress.start(5, 'steps');
  // final stock: 3 % sold out, 7 % low (1–5), the rest 10–299, plus whatever the history took out beyond it
  await db.q(
    `CREATE TABLE seed_work.opening AS
     SELECT v.id AS variant_id, v.final + greatest(0, -COALESCE(n.net, 0)) AS delta
       FROM (SELECT id, CASE WHEN r < 0.03 THEN 0 WHEN r < 0.10 THEN 1 + floor(r2 * 5)::int ELSE 10 + floor(r2 * 290)::int END AS final
               FROM (SELECT id, random() AS r, random() AS r2 FROM variants OFFSET 0) x) v
       LEFT JOIN (SELECT variant_id, sum(delta) AS net FROM stock_movements WHERE reason <> 'initial' GROUP BY variant_id) n ON n.variant_id = v.id`,
  );
  progress.tick();
  await db.q(`DELETE FROM stock_movements m USING seed_work.opening o WHERE m.reason = 'initial' AND m.variant_id = o.variant_id AND o.delta = 0`);
  await db.q(
    `UPDATE stock_movements m SET delta = o.delta FROM seed_work.opening o WHERE m.reason = 'initial' AND m.variant_id = o.variant_id AND o.delta <> 0`,
  );
  progress.tick();
  await db.q(`UPDATE variants v SET stock = s.total FROM (SELECT variant_id, sum(delta)::int AS total FROM stock_movements GROUP BY variant_id) s
              WHERE v.id = s.variant_id AND v.stock <> s.total`);
  progress.tick();
  await db.q(`UPDATE coupons c SET times_used = COALESCE(r.n, 0), updated_at = c.created_at
                FROM coupons c2 LEFT JOIN (SELECT r.coupon_id, count(*)::int AS n FROM coupon_redemptions r JOIN orders o ON o.id = r.order_id
                                            WHERE r.cancelled_at IS NULL AND o.status <> 'cancelled' GROUP BY r.coupon_id) r ON r.coupon_id = c2.id
               WHERE c.id = c2.id`);
  await db.q(`UPDATE coupons SET usage_limit = times_used + 250 WHERE id % 3 = 0`);
  progress.tick();
  await bookingInvoices(db);
  await setCounters(db);
  await fillRevenueDays(db);
  await fillCustomerAccounts(db);
  progress.tick();
}

/**
 * Each account's customer figures (docs/api.md#customers), which the triggers (off during the load) did
 * not keep: every user's row, then the figures summed from its orders and bookings by the same
 * per-record rule the triggers apply (no in-store customer is linked to an account in the seed).
 */
export async function fillCustomerAccounts(db) {
  await db.q(`INSERT INTO customer_accounts (user_id) SELECT id FROM users ON CONFLICT DO NOTHING`);
  await db.q(
    `UPDATE customer_accounts a
        SET orders_count = COALESCE(x.orders, 0), offline_sales_count = COALESCE(x.sales, 0), bookings_count = COALESCE(x.bookings, 0),
            lifetime_value = COALESCE(x.value, 0), outstanding_balance = COALESCE(x.outstanding, 0), last_activity_at = x.activity
       FROM customer_accounts a2
       LEFT JOIN (SELECT account, sum(f.orders)::int AS orders, sum(f.sales)::int AS sales, sum(f.bookings)::int AS bookings,
                         sum(f.value)::bigint AS value, sum(f.outstanding)::bigint AS outstanding, max(f.activity) AS activity
                    FROM (SELECT 'order' AS kind, o.customer_id AS account, to_jsonb(o) AS r FROM orders o WHERE o.customer_id IS NOT NULL
                          UNION ALL
                          SELECT 'booking', b.customer_id, to_jsonb(b) FROM bookings b) c
                   CROSS JOIN LATERAL customer_record_figures(c.kind, c.r) f
                   GROUP BY account) x ON x.account = a2.user_id
      WHERE a.user_id = a2.user_id`,
  );
}

/** The revenue ledger's days, which the triggers (off during the load) did not write. */
export async function fillRevenueDays(db) {
  await db.q(`DELETE FROM revenue_changes`);
  await db.q(`DELETE FROM revenue_days`);
  await db.q(
    `INSERT INTO revenue_days (day, channel, revenue, records, gross_profit, refunds) SELECT day, channel, revenue, records, gross_profit, refunds FROM revenue_by_day`,
  );
}

/** Identity columns, the document number sequences and the gapless per-year counters continue after the seeded rows. */
export async function setCounters(db) {
  const identities = (await db.q(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`)).rows;
  for (const { table_name: table, column_name: column } of identities) {
    await db.q(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`, [
      `public."${table}"`,
      column,
    ]);
  }
  const numbered = [
    ['order_number_seq', 'orders', 'ORD-'],
    ['offline_sale_number_seq', 'offline_sales', 'SALE-'],
    ['purchase_number_seq', 'purchases', 'PO-'],
  ];
  for (const [sequence, table, prefix] of numbered) {
    await db.q(
      `SELECT setval($1, COALESCE((SELECT max(substr(number, ${prefix.length + 1})::int) FROM ${table} WHERE number ~ ('^' || $2 || '[0-9]+$')), 0) + 1, false)`,
      [sequence, prefix],
    );
  }
  await db.q(`INSERT INTO document_counters (kind, year, last)
              SELECT 'invoice', substr(number, 5, 4)::int, max(substr(number, 10)::int) FROM invoices GROUP BY 2
              ON CONFLICT (kind, year) DO UPDATE SET last = greatest(document_counters.last, EXCLUDED.last)`);
  await db.q(`INSERT INTO document_counters (kind, year, last)
              SELECT 'purchase_invoice', substr(number, 6, 4)::int, max(substr(number, 11)::int) FROM purchase_invoices GROUP BY 2
              ON CONFLICT (kind, year) DO UPDATE SET last = greatest(document_counters.last, EXCLUDED.last)`);
}

/** The big tables whose secondary indexes are dropped during the load and rebuilt once at the end (much faster than row by row). */
export const BULK_TABLES = [
  'orders',
  'order_lines',
  'invoices',
  'payments',
  'coupon_redemptions',
  'stock_movements',
  'outbox_events',
  'notifications',
  'offline_sales',
  'offline_sale_lines',
  'offline_sale_payments',
  'bookings',
  'purchase_lines',
];

/** Secondary indexes (not backing a constraint) of the bulk tables, with the statements that rebuild them. */
export async function secondaryIndexes(db) {
  return (
    await db.q(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition, t.relname AS table_name
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
        WHERE t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY t.relname, name`,
      [BULK_TABLES],
    )
  ).rows;
}

/** Runs tasks on several connections at once (a PostgreSQL backend, so a core, each). */
async function onEach(dbs, tasks, run) {
  const queue = [...tasks];
  await Promise.all(
    dbs.map(async (db) => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) await run(db, task);
    }),
  );
}

/** Rebuilds the dropped indexes, the slowest (trigram GIN) first, on every connection given. */
export async function rebuildIndexes(dbs, indexes, progress) {
  progress.start(indexes.length, 'indexes');
  const ordered = [...indexes].sort((a, b) => Number(/USING gin/.test(b.definition)) - Number(/USING gin/.test(a.definition)));
  await onEach(dbs, ordered, async (db, index) => {
    const [{ present }] = (await db.q(`SELECT to_regclass($1) IS NOT NULL AS present`, [index.name])).rows;
    if (!present) await db.q(index.definition);
    progress.tick();
  });
}

export async function vacuumAnalyze(dbs, progress) {
  const tables = (await dbs[0].q(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY n_live_tup DESC`)).rows.map((r) => r.relname);
  progress.start(tables.length, 'tables');
  await onEach(dbs, tables, async (db, table) => {
    await db.q(`VACUUM (ANALYZE) "${table}"`);
    progress.tick();
  });
}

/**
 * The load ran with row triggers off (session_replication_role = replica), so foreign keys were not
 * checked row by row: check every one of them now, set-based, and fail loudly on any orphan.
 */
export async function verifyForeignKeys(dbs, progress) {
  const keys = (
    await dbs[0].q(
      `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
              array_agg(a.attname::text ORDER BY k.ord) AS child_columns, array_agg(af.attname::text ORDER BY k.ord) AS parent_columns
         FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(child_attnum, parent_attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.child_attnum
         JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.parent_attnum
        WHERE c.contype = 'f'
        GROUP BY c.conname, c.conrelid, c.confrelid`,
    )
  ).rows;
  progress.start(keys.length, 'keys');
  const broken = [];
  await onEach(dbs, keys, async (db, key) => {
    const join = key.child_columns.map((column, i) => `p."${key.parent_columns[i]}" = c."${column}"`).join(' AND ');
    const present = key.child_columns.map((column) => `c."${column}" IS NOT NULL`).join(' AND ');
    const [{ orphans }] = (
      await db.q(`SELECT count(*)::int AS orphans FROM ${key.child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${join})`)
    ).rows;
    if (orphans > 0) broken.push(`${key.conname}: ${orphans} row(s) of ${key.child} without their ${key.parent}`);
    progress.tick();
  });
  if (broken.length) throw new Error(`foreign keys broken by the seed:\n  ${broken.join('\n  ')}`);
}
