// `npm run seed -- --scale N [--database-url URL | --data-dir DIR] [--reset]`
//
// Fills the database with realistic data at scale, set-based (generate_series, INSERT ... SELECT),
// never one request per row: at --scale 1 about 100,000 variants, 50,000 customers, 1,000,000
// orders, 200,000 in-store sales, 20,000 bookings and 1,000,000 notifications over two years,
// consistent with every invariant `npm run check:invariants` checks. Fractional scales work
// (--scale 0.01 for a quick try). Without --database-url it runs the app's embedded PostgreSQL
// (DATA_DIR, default .data) and applies the app's migrations first.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newClient } from '@chance/core';
import argon2 from 'argon2';
import { migrate, openDatabase, parseArgs, parseScale } from './database.js';
import { HISTORY_DAYS, DAY_MS, planFor } from './plan.js';
import { createProgress } from './progress.js';
import { seedCatalog } from './phases/catalog.js';
import { BENCH_ADMIN, CUSTOMER_PASSWORD, seedPeople } from './phases/people.js';
import { seedOrders } from './phases/orders.js';
import { seedOfflineSales } from './phases/offline-sales.js';
import { seedBookings, seedCarts, seedMessages, seedNotifications, seedPurchases } from './phases/activity.js';
import { rebuildIndexes, secondaryIndexes, settleStock, vacuumAnalyze, verifyForeignKeys } from './phases/finish.js';

/** Tables the seed fills; --reset empties them (settings and the migrations table stay). */
const DATA_TABLES = [
  'users',
  'profiles',
  'customer_accounts',
  'refresh_tokens',
  'sessions',
  'otp_codes',
  'rate_limit_hits',
  'outbox_events',
  'outbox_deliveries',
  'categories',
  'products',
  'variants',
  'product_images',
  'stock_movements',
  'stock_counts',
  'stock_count_lines',
  'coupons',
  'coupon_redemptions',
  'carts',
  'cart_items',
  'orders',
  'order_lines',
  'payments',
  'invoices',
  'idempotency_keys',
  'document_counters',
  'suppliers',
  'purchases',
  'purchase_lines',
  'purchase_invoices',
  'offline_customers',
  'offline_sales',
  'offline_sale_lines',
  'offline_sale_payments',
  'service_types',
  'bookings',
  'booking_payments',
  'notifications',
  'messages',
  'audit_logs',
  'revenue_days',
  'revenue_changes',
];

/** Same argon2id parameters as libs/identity/src/password.ts, so the seeded passwords log in. */
/** @type {Parameters<typeof argon2.hash>[1]} */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const USAGE = `Usage: npm run seed -- --scale N [--database-url URL | --data-dir DIR] [--reset]
  --scale N            1 = 1,000,000 orders and the rest in proportion (fractions work: 0.01); default 1
  --database-url URL   seed this PostgreSQL (default: DATABASE_URL, else the embedded one in DATA_DIR or .data)
  --data-dir DIR       the embedded PostgreSQL's folder
  --reset              empty the shop's tables first (otherwise a database that already has products or orders is refused)`;

async function connect(url) {
  const client = newClient({ connectionString: url, application_name: 'chance-store-seed' });
  await client.connect();
  /** @type {(sql: string, params?: unknown[]) => Promise<import('pg').QueryResult<any>>} */
  const q = (sql, params) => client.query(sql, params);
  const db = { client, q, bulk: true };
  await db.q(`SET synchronous_commit = off`);
  await db.q(`SET maintenance_work_mem = '512MB'`);
  await db.q(`SET work_mem = '128MB'`);
  await db.q(`SET max_parallel_maintenance_workers = 1`);
  try {
    // skips the row triggers (foreign-key checks, audit) during the load: the seed writes consistent data
    await db.q(`SET session_replication_role = replica`);
  } catch {
    db.bulk = false;
  }
  return db;
}

export async function seed({ scale, databaseUrl, dataDir, reset = false, log = console.log }) {
  const began = performance.now();
  const database = await openDatabase({ databaseUrl: databaseUrl ?? process.env.DATABASE_URL, dataDir, log: () => undefined });
  const timings = [];
  const progress = createProgress();
  const main = await connect(database.url).catch(stopOn(database));
  let second = null;
  let indexes = [];
  try {
    const applied = await migrate(database.url);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    second = await connect(database.url);
    await prepare(main, reset);

    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ctx = {
      scale,
      counts: planFor(scale),
      now,
      start: new Date(now.getTime() - HISTORY_DAYS * DAY_MS),
      hashes: { staff: await argon2.hash(BENCH_ADMIN.password, ARGON2), customer: await argon2.hash(CUSTOMER_PASSWORD, ARGON2) },
    };
    log(
      `seeding scale ${scale}: ${Object.entries(ctx.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ')}`,
    );
    await main.q(`DROP SCHEMA IF EXISTS seed_work CASCADE`);
    await main.q(`CREATE SCHEMA seed_work`);
    indexes = await secondaryIndexes(main);
    for (const index of indexes) await main.q(`DROP INDEX IF EXISTS ${index.name}`);

    const phase = async (name, db, work) => {
      const bar = progress.bar(name);
      const t0 = performance.now();
      await work(db, ctx, bar);
      const seconds = (performance.now() - t0) / 1000;
      timings.push({ phase: name, seconds });
      bar.done(seconds);
    };
    await phase('catalog', main, seedCatalog);
    await phase('people', main, seedPeople);
    await main.q(`ANALYZE seed_work.variants; ANALYZE seed_work.customers`);
    // two lanes side by side (a PostgreSQL backend each): online orders | everything in the shop
    await Promise.all([
      phase('orders', main, seedOrders),
      (async () => {
        await phase('in-store sales', second, seedOfflineSales);
        await phase('purchases', second, seedPurchases);
        await phase('bookings', second, seedBookings);
        await phase('carts', second, seedCarts);
      })(),
    ]);
    await phase('notifications', main, seedNotifications);
    await phase('messages', main, seedMessages);
    await phase('stock & counters', main, settleStock);
    await phase('indexes', [main, second], async (dbs, _ctx, bar) => rebuildIndexes(dbs, indexes, bar));
    indexes = [];
    await main.q(`DROP SCHEMA seed_work CASCADE`);
    if (main.bulk) await phase('foreign keys', [main, second], async (dbs, _ctx, bar) => verifyForeignKeys(dbs, bar));
    await phase('vacuum analyze', [main, second], async (dbs, _ctx, bar) => vacuumAnalyze(dbs, bar));

    /** @type {Record<string, number | string>} */
    const totals = (
      await main.q(
        `SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM variants)::int AS variants,
              (SELECT count(*) FROM users WHERE role = 'customer')::int AS customers, (SELECT count(*) FROM orders)::int AS orders,
              (SELECT count(*) FROM order_lines)::int AS "orderLines", (SELECT count(*) FROM invoices)::int AS invoices,
              (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM offline_sales)::int AS "offlineSales",
              (SELECT count(*) FROM bookings)::int AS bookings, (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM messages)::int AS messages,
              (SELECT count(*) FROM stock_movements)::int AS "stockMovements", (SELECT count(*) FROM outbox_events)::int AS "outboxEvents",
              pg_database_size(current_database()) AS bytes`,
      )
    ).rows[0];
    const seconds = (performance.now() - began) / 1000;
    const summary = { scale, seededAt: new Date().toISOString(), seconds: Math.round(seconds), totals, timings, admin: BENCH_ADMIN.email };
    if (database.embedded) await writeFile(join(database.dataDir, 'seed.json'), JSON.stringify(summary, null, 2));
    progress.stop();
    log(
      `seeded in ${seconds.toFixed(0)} s: ${Object.entries(totals)
        .filter(([k]) => k !== 'bytes')
        .map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`)
        .join(', ')}; database ${(Number(totals.bytes) / 2 ** 30).toFixed(2)} GiB`,
    );
    log(`sign in to the admin as ${BENCH_ADMIN.email} / ${BENCH_ADMIN.password}; customers use ${CUSTOMER_PASSWORD}`);
    return summary;
  } finally {
    progress.stop();
    if (indexes.length) await rebuildIndexes([main], indexes, { start() {}, tick() {} }).catch((e) => log(`could not rebuild indexes: ${e.message}`));
    await main.q(`DROP SCHEMA IF EXISTS seed_work CASCADE`).catch(() => undefined);
    await main.client.end().catch(() => undefined);
    await second?.client.end().catch(() => undefined);
    await database.stop();
  }
}

const stopOn = (database) => async (error) => {
  await database.stop();
  throw error;
};

async function prepare(db, reset) {
  if (reset) {
    await db.q(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    for (const sequence of ['order_number_seq', 'offline_sale_number_seq', 'purchase_number_seq']) await db.q(`ALTER SEQUENCE ${sequence} RESTART`);
    return;
  }
  const [row] = (
    await db.q(`SELECT EXISTS (SELECT 1 FROM products) OR EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM offline_sales)
                                    OR EXISTS (SELECT 1 FROM coupons) OR EXISTS (SELECT 1 FROM bookings) AS used`)
  ).rows;
  if (row.used) throw new Error('this database already has a catalog or orders: seed an empty one, or pass --reset to empty it first');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args['database-url'] && args['data-dir']) throw new Error('give --database-url or --data-dir, not both');
  await seed({ scale: parseScale(args.scale, 1), databaseUrl: args['database-url'], dataDir: args['data-dir'], reset: Boolean(args.reset) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main()
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      if (process.env.SEED_DEBUG) console.error(error);
      process.exit(1);
    });
}
