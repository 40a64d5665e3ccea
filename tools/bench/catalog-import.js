// The catalog import and export of docs/api.md#catalog-media at size (`npm run bench -- --only import`, and
// last in a full run): a 100,000-row CSV (50,000 new products of two variants each) uploaded to
// POST /api/admin/imports/products, imported again unchanged, then with every price changed; the
// whole catalog exported. Seconds, rows per second and the API's resident memory while it works.
// The products it made are deleted again afterwards (the bench data stays as seeded).
import { createWriteStream, openAsBlob, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { peakMemoryWhile } from './api-process.js';
import { markdownRows, mb, writeSection } from './report.js';

const START = '<!-- bench:import:start -->';
const END = '<!-- bench:import:end -->';
const HEADER = 'sku,product,category,description,price,costPrice,shippingCost,estimatedDeliveryDays,isActive,stock,attribute:size,attribute:colour\n';

/** Writes the CSV to `file` a line at a time (the file is never held in memory here either). */
async function writeCsv(file, { rows, prefix, priceStep = 0 }) {
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER);
  for (let i = 0; i < rows; i++) {
    const product = Math.floor(i / 2);
    const size = i % 2 === 0 ? 'M' : 'L';
    const description = product % 10 === 0 ? `"Imported product ${product}, ""bench"" edition"` : `Imported product ${product}`;
    await write(
      `${prefix}-${product}-${size},Bench Import ${prefix} ${product},Bench Import Category ${product % 50},${description},` +
        `${1000 + (product % 5000) + (size === 'L' ? 200 : 0) + priceStep},${400 + (product % 700)},${product % 4 === 0 ? 0 : 350},${product % 10},` +
        `${product % 17 === 0 ? 'false' : 'true'},${i % 25},${size},${['red', 'blue', 'green'][product % 3]}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

/** Uploads `file` as multipart (streamed from disk) and samples the API's memory meanwhile. */
async function timedImport(api, token, file, dryRun = false) {
  const form = new FormData();
  form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'import.csv');
  return peakMemoryWhile(api.pid, async () => {
    const started = performance.now();
    const reply = await fetch(`${api.url}/api/admin/imports/products?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = await reply.json();
    const seconds = (performance.now() - started) / 1000;
    if (reply.status !== 200) throw new Error(`import answered ${reply.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return { seconds, counts: { created: body.created, updated: body.updated, unchanged: body.unchanged, errors: body.errors.length } };
  });
}

/** Downloads the export, counting its bytes and lines, and samples the API's memory meanwhile. */
function timedExport(api, token) {
  return peakMemoryWhile(api.pid, async () => {
    const started = performance.now();
    const reply = await fetch(`${api.url}/api/admin/exports/products.csv`, { headers: { authorization: `Bearer ${token}` } });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of reply.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    return { seconds: (performance.now() - started) / 1000, bytes, lines };
  });
}

/**
 * @param {{ api: { url: string, pid: number }, db: import('pg').Client, token: string, tmpDir: string, rows?: number, say: (line: string) => void }} options
 */
export async function importRun({ api, db, token, tmpDir, rows = 100_000, say }) {
  const prefix = `BI${Date.now().toString(36).toUpperCase()}`;
  const createFile = join(tmpDir, 'import-create.csv');
  const updateFile = join(tmpDir, 'import-update.csv');
  const fileBytes = await writeCsv(createFile, { rows, prefix });
  await writeCsv(updateFile, { rows, prefix, priceStep: 1 });
  // products of an earlier run that was cut short (its own clean-up never ran) would weigh on this one
  const leftover = await db.query(`DELETE FROM products WHERE name LIKE 'Bench Import BI%'`);
  if (leftover.rowCount > 0) say(`import: removed ${leftover.rowCount.toLocaleString('en')} products left by an earlier run`);
  const [{ variants }] = (await db.query('SELECT count(*)::int AS variants FROM variants')).rows;
  try {
    say(`import: ${rows.toLocaleString('en')} new rows (${(fileBytes / 2 ** 20).toFixed(1)} MB) into a catalog of ${variants.toLocaleString('en')} variants`);
    const create = await timedImport(api, token, createFile);
    say(`import: created in ${create.seconds.toFixed(1)} s ${JSON.stringify(create.counts)}`);
    const dry = await timedImport(api, token, createFile, true);
    say(`import: dry run of the same file in ${dry.seconds.toFixed(1)} s ${JSON.stringify(dry.counts)}`);
    const unchanged = await timedImport(api, token, createFile);
    say(`import: the same file again in ${unchanged.seconds.toFixed(1)} s ${JSON.stringify(unchanged.counts)}`);
    const update = await timedImport(api, token, updateFile);
    say(`import: every price changed in ${update.seconds.toFixed(1)} s ${JSON.stringify(update.counts)}`);
    const exported = await timedExport(api, token);
    say(`export: ${(exported.lines - 1).toLocaleString('en')} variants (${(exported.bytes / 2 ** 20).toFixed(1)} MB) in ${exported.seconds.toFixed(1)} s`);
    return { rows, fileBytes, catalogVariants: variants, create, dry, unchanged, update, export: exported };
  } finally {
    say('import: removing the imported products again');
    await db.query(`DELETE FROM products WHERE id IN (SELECT product_id FROM variants WHERE sku LIKE $1)`, [`${prefix}-%`]);
    await db.query(`DELETE FROM categories c WHERE name LIKE 'Bench Import Category %' AND NOT EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id)`);
  }
}

const perSecond = (rows, seconds) => `${Math.round(rows / seconds).toLocaleString('en')} rows/s`;

export function importRows(r) {
  const row = (measure, run, budget = '', pass = null) => ({
    measure,
    result: `${run.seconds.toFixed(1)} s (${perSecond(r.rows, run.seconds)}); ${Object.entries(run.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}; API memory ${mb(run.rssBefore)} → peak ${mb(run.rssPeak)}`,
    budget,
    pass,
  });
  return [
    row(
      `import ${r.rows.toLocaleString('en')} new rows (${mb(r.fileBytes)} CSV)`,
      r.create,
      '≤ 60 s',
      r.create.seconds <= 60 && r.create.counts.created === r.rows,
    ),
    row('dry run of the same file', r.dry),
    row('the same file again (all unchanged)', r.unchanged),
    row('every price changed (all updated)', r.update),
    {
      measure: 'export of the whole catalog',
      result: `${r.export.seconds.toFixed(1)} s for ${(r.export.lines - 1).toLocaleString('en')} variants (${mb(r.export.bytes)}, ${perSecond(r.export.lines - 1, r.export.seconds)}); API memory ${mb(r.export.rssBefore)} → peak ${mb(r.export.rssPeak)}`,
      budget: '',
      pass: null,
    },
  ];
}

export function printImportTable(rows) {
  for (const row of rows)
    console.log(`${row.pass === null ? '    ' : row.pass ? 'pass' : 'FAIL'}  ${row.measure}: ${row.result}${row.budget ? ` (budget ${row.budget})` : ''}`);
}

/** Rewrites the import section of docs/benchmarks.md (between its markers; appended the first time). */
export function writeImportReport(file, result, rows, { command, code, load }) {
  const table = [
    `_Generated by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (code ${code}; load average ${load.start.toFixed(2)} at start, ${load.end.toFixed(2)} at the end)._`,
    '',
    `Catalog before the import: ${result.catalogVariants.toLocaleString('en')} variants. The CSV: ${result.rows.toLocaleString('en')} rows, ${(result.rows / 2).toLocaleString('en')} new products of two variants (attributes size and colour), 50 new categories, stock on most rows (adjustment movements).`,
    '',
    '| measure | result | budget | |',
    '|---|---|---|---|',
    ...markdownRows(rows),
  ].join('\n');
  writeSection(file, {
    start: START,
    end: END,
    body: table,
    place: (current, block) => `${current.trimEnd()}\n\n## Catalog import and export\n\n${block}\n`,
  });
}
