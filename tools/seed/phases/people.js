// Phase "people": the back-office team, customers (users + profiles, one shared argon2id hash) and
// in-store customers.
import { CITIES, FIRST_NAMES, LAST_NAMES, STREETS } from '../words.js';

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
export const CUSTOMER_PASSWORD = 'customer-password-1';

export async function seedPeople(db, ctx, progress) {
  const { counts } = ctx;
  progress.start(5, 'steps');
  const base = Number((await db.q(`SELECT COALESCE(max(id), 0) AS n FROM users`)).rows[0].n);
  ctx.adminId = base + 1;
  ctx.staffIds = [base + 1, base + 2, base + 3, base + 4];
  ctx.customerBase = base + 4; // customer n (1..C) is user customerBase + n
  await db.q(
    `INSERT INTO users (id, email, password_hash, role, is_active, email_verified_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
     VALUES ($1, $2, $3, 'admin', true, $4, $4, $4),
            ($1 + 1, 'staff1@example.com', $3, 'staff', true, $4, $4, $4),
            ($1 + 2, 'staff2@example.com', $3, 'staff', true, $4, $4, $4),
            ($1 + 3, 'staff3@example.com', $3, 'staff', true, $4, $4, $4)`,
    [ctx.adminId, BENCH_ADMIN.email, ctx.hashes.staff, ctx.start],
  );
  await db.q(
    `INSERT INTO profiles (user_id, full_name, phone, address)
     VALUES ($1, 'Bench Admin', NULL, NULL), ($1 + 1, 'Sam Staff', NULL, NULL), ($1 + 2, 'Alex Staff', NULL, NULL), ($1 + 3, 'Jo Staff', NULL, NULL)`,
    [ctx.adminId],
  );
  progress.tick();

  await db.q(
    `CREATE TABLE seed_work.customers AS
     SELECT g AS n, $1::int + g AS user_id, fn || ' ' || ln AS full_name,
            regexp_replace(lower(fn || '.' || ln), '[^a-z0-9.]+', '', 'g') || g || '@example.com' AS email,
            '+1 555 ' || lpad((g % 10000000)::text, 7, '0') AS phone,
            (1 + g % 200) || ' ' || street || ', ' || city AS address, city, country, street,
            $5::timestamptz - interval '30 days' + r_created * ($6::timestamptz - $5::timestamptz - interval '1 day') AS created_at
       FROM (SELECT g, ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] AS fn,
                    ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int] AS ln,
                    ($7::text[])[1 + floor(random() * array_length($7::text[], 1))::int] AS street,
                    (ARRAY[${CITIES.map(([c]) => `'${c}'`).join(', ')}])[1 + (g % ${CITIES.length})] AS city,
                    (ARRAY[${CITIES.map(([, c]) => `'${c}'`).join(', ')}])[1 + (g % ${CITIES.length})] AS country,
                    random() AS r_created
               FROM generate_series(1, $2) g OFFSET 0) x`,
    [ctx.customerBase, counts.customers, FIRST_NAMES, LAST_NAMES, ctx.start, ctx.now, STREETS],
  );
  await db.q(`ALTER TABLE seed_work.customers ADD PRIMARY KEY (n)`);
  await db.q(`CREATE UNIQUE INDEX ON seed_work.customers (user_id)`);
  progress.tick();

  await db.q(
    `INSERT INTO users (id, email, password_hash, role, is_active, email_verified_at, phone_verified_at, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT user_id, email, $1, 'customer', random() > 0.01, CASE WHEN random() < 0.7 THEN created_at + interval '5 minutes' END,
            CASE WHEN random() < 0.2 THEN created_at + interval '9 minutes' END, created_at, created_at
       FROM seed_work.customers ORDER BY n`,
    [ctx.hashes.customer],
  );
  progress.tick();
  await db.q(`INSERT INTO profiles (user_id, full_name, phone, address)
              SELECT user_id, full_name, CASE WHEN random() < 0.8 THEN phone END, CASE WHEN random() < 0.7 THEN address END
                FROM seed_work.customers ORDER BY n`);
  progress.tick();

  await db.q(
    `INSERT INTO offline_customers (id, name, phone, email, address, notes, created_at, updated_at) OVERRIDING SYSTEM VALUE
     SELECT g, fn || ' ' || ln, '+44 7700 ' || lpad((g % 1000000)::text, 6, '0'),
            CASE WHEN random() < 0.5 THEN regexp_replace(lower(fn || '.' || ln), '[^a-z0-9.]+', '', 'g') || '.shop' || g || '@example.org' END,
            CASE WHEN random() < 0.6 THEN (1 + g % 90) || ' ' || ($5::text[])[1 + g % array_length($5::text[], 1)] END,
            CASE WHEN random() < 0.05 THEN 'Pays at the end of the month' END, created_at, created_at
       FROM (SELECT g, ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] AS fn,
                    ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] AS ln,
                    $4::timestamptz - interval '30 days' + random() * interval '700 days' AS created_at
               FROM generate_series(1, $1) g OFFSET 0) x`,
    [counts.offlineCustomers, FIRST_NAMES, LAST_NAMES, ctx.start, STREETS],
  );
  progress.tick();
}
