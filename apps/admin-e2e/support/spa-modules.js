// Loads the SPA's framework-free modules (money, session, http client, data provider, product form
// conversions, the variants lookup) into Node for fast logic tests: esbuild bundles them from
// apps/admin/src into one ESM file, with react-admin and ra-core replaced by the little they need
// at runtime (HttpError).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const src = join(repoRoot, 'apps/admin/src');
const httpError = join(repoRoot, 'node_modules/ra-core/src/dataProvider/HttpError.ts');

const stubReactAdmin = {
  name: 'stub-react-admin',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(react-admin|ra-core)$/ }, () => ({ path: 'ra-runtime', namespace: 'stub' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `export { default as HttpError } from ${JSON.stringify(httpError)};
        export const fetchUtils = {};`,
      loader: 'js',
      resolveDir: repoRoot,
    }));
  },
};

/** Imports the SPA modules; returns them with a cleanup function. */
export async function loadSpaModules() {
  const entry = `
    export * as decimal from ${JSON.stringify(join(src, 'money/decimal.ts'))};
    export * as money from ${JSON.stringify(join(src, 'money/money.ts'))};
    export * as rates from ${JSON.stringify(join(src, 'money/rates.ts'))};
    export * as changes from ${JSON.stringify(join(src, 'providers/changes.ts'))};
    export * as access from ${JSON.stringify(join(src, 'providers/access.ts'))};
    export * as session from ${JSON.stringify(join(src, 'providers/session.ts'))};
    export * as http from ${JSON.stringify(join(src, 'providers/httpClient.ts'))};
    export * as data from ${JSON.stringify(join(src, 'providers/dataProvider.ts'))};
    export * as auth from ${JSON.stringify(join(src, 'providers/authProvider.ts'))};
    export * as variantLookup from ${JSON.stringify(join(src, 'providers/variantLookup.ts'))};
    export * as productForm from ${JSON.stringify(join(src, 'products/productForm.ts'))};
    export * as stockReasons from ${JSON.stringify(join(src, 'stock-movements/reasons.ts'))};
  `;
  const dir = await mkdtemp(join(tmpdir(), 'chance-admin-modules-'));
  const outfile = join(dir, 'spa-modules.mjs');
  const result = await build({
    stdin: { contents: entry, resolveDir: src, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'node20',
    write: false,
    logLevel: 'silent',
    tsconfig: join(repoRoot, 'apps/admin/tsconfig.json'),
    plugins: [stubReactAdmin],
  });
  await writeFile(outfile, result.outputFiles[0].contents);
  const modules = await import(pathToFileURL(outfile).href);
  return { ...modules, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
