// Opening the database the way the app does: DATABASE_URL / --database-url as given, otherwise the
// embedded PostgreSQL of a data folder (started from the built @chance/core, so run with
// `--import ./tools/register-aliases.js` after `npm run build:api`), migrated with the app's own migrate().
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Imports a module of the compiled API (dist/), with a readable error when it was not built. */
export async function importBuilt(relative) {
  const file = join(REPO_ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:api\` first`);
  return import(pathToFileURL(file).href);
}

/**
 * @param {{ databaseUrl?: string, dataDir?: string, log?: (line: string) => void, adopt?: boolean }} options
 * @returns {Promise<{ url: string, embedded: boolean, dataDir?: string, stop(): Promise<void> }>}
 */
export async function openDatabase({ databaseUrl, dataDir, log = () => undefined, adopt = false }) {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => undefined };
  const { startEmbeddedPostgres } = await importBuilt('libs/core/src/index.js');
  const dir = resolve(dataDir ?? process.env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const database = await startEmbeddedPostgres({ dataDir: dir, database: 'chance', log, adopt });
  return { url: database.url, embedded: true, dataDir: dir, stop: () => database.stop() };
}

/** The app's migrations (advisory-locked, so a running API and the seed cannot both apply them). */
export async function migrate(url) {
  const { migrate: run } = await importBuilt('apps/api/src/database.js');
  return run(url);
}

/** `--flag value`, `--flag=value` and bare `--flag` (true). */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument "${argv[i]}"`);
    const [, name, inline] = match;
    if (inline !== undefined) args[name] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args[name] = argv[++i];
    else args[name] = true;
  }
  return args;
}

/** A positive scale such as 1, 0.25 or 0.01. */
export function parseScale(value, fallback) {
  if (value === undefined) return fallback;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 2) throw new Error(`--scale must be a number in (0, 2], got "${value}"`);
  return scale;
}
