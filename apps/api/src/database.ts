import { ensureDatabase, newClient, startEmbeddedPostgres, type AppConfig } from '@chance/core';
import { DataSource } from 'typeorm';
import { migrations } from './migrations/index.js';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL kept in DATA_DIR. */
export async function openDatabase(
  config: AppConfig,
  { log = () => undefined, owner = false }: { log?: (line: string) => void; owner?: boolean } = {},
): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  return startEmbeddedPostgres({ dataDir: config.dataDir, database: 'chance', log, adopt: owner });
}

/** Applies pending migrations, one process at a time (an advisory lock serialises concurrent starts). */
export async function migrate(url: string): Promise<string[]> {
  const lock = newClient({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7263001)');
    const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'migrations', logging: false });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock(7263001)').catch(() => undefined);
    await lock.end();
  }
}

export { ensureDatabase };
