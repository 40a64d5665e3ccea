// Evidence for the list sorts of issue 21 (docs/benchmarks.md, "List sorts"): on a seeded database
// (`npm run seed -- --scale 1 --data-dir DIR`), asks the admin products list sorted by stock and the
// in-store customers list sorted by what they owe, a few times each through the built app, and
// prints the best time and every query's EXPLAIN (ANALYZE, BUFFERS). Run:
//   npm run build:api && node --import ./tools/register-aliases.js tools/bench/list-sorts.js --data-dir DIR
import { randomBytes } from 'node:crypto';
import { importBuilt, parseArgs } from '../seed/database.js';
import { explainQueries, startProbe } from './explain.js';

const args = parseArgs(process.argv.slice(2));
const dataDir = args['data-dir'] ?? '.data/bench-1';
const { startEmbeddedPostgres, newClient } = await importBuilt('libs/core/src/index.js');
const database = await startEmbeddedPostgres({ dataDir, database: 'chance', adopt: false });
const db = newClient({ connectionString: database.url, application_name: 'chance-store-list-sorts' });
await db.connect();
// statistics and visibility as a database in use has them (autovacuum's work)
for (const table of ['products', 'variants', 'offline_customers', 'offline_sales']) await db.query(`VACUUM ANALYZE ${table}`);
const probe = await startProbe({ url: database.url, dataDir, jwtSecret: randomBytes(32).toString('hex') });
try {
  const login = await probe.request({ method: 'POST', path: '/api/auth/login', body: { email: 'bench-admin@example.com', password: 'bench-admin-password' } });
  const headers = { authorization: `Bearer ${JSON.parse(login.body).accessToken}` };
  const q = (value) => encodeURIComponent(JSON.stringify(value));
  const cases = {
    'products by stock, ascending (first page)': `/api/admin/products?sort=${q(['stock', 'ASC'])}&range=${q([0, 24])}`,
    'products by stock, descending, page 40': `/api/admin/products?sort=${q(['stock', 'DESC'])}&range=${q([1000, 1024])}`,
    'products by name (for comparison)': `/api/admin/products?sort=${q(['name', 'ASC'])}&range=${q([0, 24])}`,
    'in-store customers by amount owed, descending': `/api/admin/offline-customers?sort=${q(['outstandingBalance', 'DESC'])}&range=${q([0, 24])}`,
    'in-store customers owing, by amount owed': `/api/admin/offline-customers?sort=${q(['outstandingBalance', 'DESC'])}&range=${q([0, 24])}&filter=${q({ owing: true })}`,
    'in-store customers by name (for comparison)': `/api/admin/offline-customers?sort=${q(['name', 'ASC'])}&range=${q([0, 24])}`,
  };
  const [{ products, variants, customers, sales, owed }] = (
    await db.query(`SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM variants)::int AS variants,
                           (SELECT count(*) FROM offline_customers)::int AS customers, (SELECT count(*) FROM offline_sales)::int AS sales,
                           (SELECT count(*) FROM offline_sales WHERE status = 'completed' AND paid_amount < total)::int AS owed`)
  ).rows;
  console.log(`data: ${products} products, ${variants} variants, ${customers} in-store customers, ${sales} in-store sales (${owed} with a balance)`);
  for (const [name, path] of Object.entries(cases)) {
    const times = [];
    let reply;
    for (let i = 0; i < 5; i++) {
      reply = await probe.request({ path, headers });
      if (reply.status !== 200) throw new Error(`${name}: ${reply.status} ${reply.body}`);
      times.push(reply.ms);
    }
    const plans = await explainQueries(db, reply.queries);
    console.log(`\n## ${name}\n${path}\nbest of 5: ${Math.min(...times).toFixed(1)} ms, median ${times.sort((a, b) => a - b)[2].toFixed(1)} ms`);
    console.log(`slowest query: ${plans[0].executionMs} ms\n${plans[0].plan}`);
  }
} finally {
  await probe.close();
  await db.end();
  await database.stop();
}
