// `npm run size:storefront`: the JavaScript a browser downloads to open the built storefront
// (dist/apps/storefront), compressed as a server sends it (gzip level 9; brotli beside it).
// First load = the scripts and module preloads of index.html and everything they import
// statically; each page loaded on demand adds its own chunk and that chunk's static imports.
// Exits 1 when the first load, or the first load plus any one page, passes the budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/apps/storefront');
const ASSETS = join(DIST, 'assets');
/** A product goal of our own, not of the contract (issue 22): first load at most 200 KB of compressed JavaScript. */
export const BUDGET_BYTES = 200 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes(file) {
  const source = readFileSync(join(ASSETS, file));
  return {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(file) {
  const source = readFileSync(join(ASSETS, file), 'utf8');
  const found = new Set();
  for (const match of source.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)) found.add(match[1]);
  return [...found];
}

function closure(start) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const total = (files) =>
  [...files].map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

export function measure() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/apps/storefront is missing: run `npm run build` first');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/shop\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]);
  const firstLoad = closure(referenced);
  const chunks = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const pages = chunks
    .filter((f) => !firstLoad.has(f) && /^[A-Za-z]+Page-/.test(f))
    .map((page) => {
      const extra = [...closure([page])].filter((f) => !firstLoad.has(f));
      return { page: page.replace(/-[\w-]{8}\.js$/, ''), extra: total(extra) };
    })
    .sort((a, b) => b.extra.gzip - a.extra.gzip);
  return { firstLoad: total(firstLoad), firstLoadFiles: [...firstLoad], pages, all: total(chunks) };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const result = measure();
  console.log(`Storefront JavaScript (dist/apps/storefront), compressed:`);
  console.log(
    `  first load (home page)   ${kb(result.firstLoad.gzip)} gzip · ${kb(result.firstLoad.brotli)} brotli · ${kb(result.firstLoad.raw)} raw (${result.firstLoadFiles.length} files)`,
  );
  for (const { page, extra } of result.pages) console.log(`  + ${page.padEnd(22)} ${kb(extra.gzip)} gzip`);
  const worst = result.firstLoad.gzip + (result.pages[0]?.extra.gzip ?? 0);
  console.log(`  heaviest first visit     ${kb(worst)} gzip (first load + ${result.pages[0]?.page ?? 'no page'})`);
  console.log(`  every chunk together     ${kb(result.all.gzip)} gzip`);
  console.log(`  budget                   ${kb(BUDGET_BYTES)} gzip for a first visit`);
  if (worst > BUDGET_BYTES) {
    console.error(`Over budget: ${kb(worst)} > ${kb(BUDGET_BYTES)}`);
    process.exit(1);
  }
}
