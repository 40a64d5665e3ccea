// `npm run openapi:types`: starts the built API (dist/, as `npm start` runs it) on an embedded
// PostgreSQL in a throwaway data folder (or on DATABASE_URL when set), reads /api/openapi.json,
// stops it, and writes the generated types (apps/admin/src/api/schema.ts, libs/client/src/schema.ts).
// The npm script rebuilds the API first, so the document is the one the DTOs describe now.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startApi } from '../bench/api-process.js';
import { importBuilt } from '../seed/database.js';
import { REPO_ROOT, SCHEMA_COMMAND, SCHEMA_FILES, schemaPath, schemaSource } from './schema-source.js';

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist/apps/api/src/main.js'))) throw new Error('dist/ has no API: run `npm run build:api` first');
  const document = await fetchDocument();
  const source = await schemaSource(document);
  for (const name of SCHEMA_FILES) {
    const file = schemaPath(name);
    const before = existsSync(file) ? await readFile(file, 'utf8') : undefined;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, source);
    console.log(before === source ? `${name} is up to date` : `${name} written`);
  }
}

/** The OpenAPI document of the built API, from a process of its own that is stopped afterwards. */
async function fetchDocument() {
  const dataDir = await mkdtemp(join(tmpdir(), 'chance-openapi-'));
  const databaseUrl = process.env.DATABASE_URL;
  const api = await startApi({
    port: await (await importBuilt('libs/core/src/index.js')).freePort(),
    dataDir,
    logFile: join(dataDir, 'api.log'),
    env: { NODE_ENV: 'development', LOG_LEVEL: 'warn', OUTBOX_RELAY: 'off', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    ownsPostgres: !databaseUrl,
  });
  try {
    const response = await fetch(`${api.url}/api/openapi.json`);
    if (response.status !== 200) throw new Error(`GET /api/openapi.json answered ${response.status} (${SCHEMA_COMMAND})`);
    return await response.json();
  } finally {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
