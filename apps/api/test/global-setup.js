/* eslint-disable @nx/enforce-module-boundaries -- the global setup runs outside jest's transform, so it loads the built API from dist/ */
// Starts one embedded PostgreSQL for the whole jest run and migrates a template database that
// every test file clones (CREATE DATABASE ... TEMPLATE), so files stay independent and fast.
// Plain ESM JavaScript importing the built API (npm test builds first): jest does not transform it.
import '../../../tools/register-aliases.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  const { startEmbeddedPostgres, withClient } = await import('../../../dist/libs/core/src/index.js');
  const { migrate } = await import('../../../dist/apps/api/src/database.js');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'chance-test-pg-'));
    const db = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', persistent: false });
    globalThis.__chanceTestPg = db;
    adminUrl = db.url;
  }
  const template = 'chance_template';
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  await migrate(url.toString());
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
}
