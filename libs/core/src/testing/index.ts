import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { newPool, withClient } from '../database/pg-clients.js';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the migrated template that the jest global
 * setup prepared (a real PostgreSQL: embedded, or DATABASE_URL's server).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error('run the tests with jest (its global setup prepares the database)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // pool.end() resolves before its connections have closed on the server, so the DROP … WITH
  // (FORCE) below can still terminate one of them: that error must not crash the test process
  const pool = newPool({ connectionString: url.toString(), max: 5 });
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    },
  };
}
