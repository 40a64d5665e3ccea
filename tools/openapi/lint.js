// `npm run lint:openapi` (part of `npm run lint`): writes the OpenAPI document of the built API
// (dist/, as /api/openapi.json serves it) to dist/openapi.json, without a database or a server
// (Nest's preview mode), then lints it with Redocly CLI under redocly.yaml. The document comes from
// the compiled decorators, so it needs a current `npm run build:api`: `npm test` builds first; run
// alone, this refuses a dist/ older than the API's sources rather than lint a stale document.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { importBuilt } from '../seed/database.js';
import { redoclyLint } from './redocly.js';
import { REPO_ROOT, SCHEMA_FILES } from './schema-source.js';

const BUILT = join(REPO_ROOT, 'dist/apps/api/src/openapi.js');
const OUTPUT = join(REPO_ROOT, 'dist/openapi.json');
/** Where the API's TypeScript lives: what the document is compiled from (libs/client is the storefront's, not the API's). */
const SOURCES = ['apps/api/src', 'libs'];
const NOT_API = new Set([join(REPO_ROOT, 'libs/client'), ...SCHEMA_FILES.map((file) => join(REPO_ROOT, file))]);

/** The newest API source file (tests and the SPA's files aside) with its modification time. */
function newestSource() {
  let newest = { file: '', mtimeMs: 0 };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (NOT_API.has(path)) continue;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'test') walk(path);
      } else if (entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|fault-spec|d)\.ts$/.test(entry.name)) {
        const { mtimeMs } = statSync(path);
        if (mtimeMs > newest.mtimeMs) newest = { file: path, mtimeMs };
      }
    }
  };
  for (const dir of SOURCES) walk(join(REPO_ROOT, dir));
  return newest;
}

async function main() {
  if (!existsSync(BUILT)) throw new Error('dist/ has no API: run `npm run build:api` first (npm test builds before it lints)');
  const source = newestSource();
  if (source.mtimeMs > statSync(BUILT).mtimeMs) {
    throw new Error(`dist/ is older than ${relative(REPO_ROOT, source.file)}: run \`npm run build:api\` first, so the linted document is the current one`);
  }
  const { previewOpenApiDocument } = await importBuilt('apps/api/src/openapi.js');
  const { loadConfig } = await importBuilt('apps/api/src/config.js');
  // a fixed secret and no data folder: nothing is written, nothing connects
  const config = loadConfig({
    NODE_ENV: 'development',
    JWT_SECRET: 'openapi-lint-secret-that-signs-nothing-at-all',
    DATA_DIR: join(REPO_ROOT, 'dist/.openapi-lint'),
  });
  const document = await previewOpenApiDocument(config);
  await writeFile(OUTPUT, `${JSON.stringify(document, null, 2)}\n`);
  const lint = redoclyLint(relative(REPO_ROOT, OUTPUT), 'stylish');
  process.stdout.write(lint.stdout);
  process.stderr.write(lint.stderr);
  process.exitCode = lint.status;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
