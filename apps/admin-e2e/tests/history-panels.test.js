// Issue 9: a "History" panel on every edit page of the admin SPA (the Django admin's history, for
// every record). Every component that renders react-admin's <Edit> must also render <HistoryPanel>,
// so a new edit page without its history fails here. (The panel itself is driven in the browser
// by dashboard.test.js and in-store.test.js.)
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../admin/src/', import.meta.url));

async function* componentFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* componentFiles(path);
    else if (entry.name.endsWith('.tsx')) yield path;
  }
}

test('every edit page renders the record’s History panel', async () => {
  const editPages = [];
  const withoutHistory = [];
  for await (const file of componentFiles(source)) {
    const text = await readFile(file, 'utf8');
    if (!/<Edit[\s<>]/.test(text)) continue;
    editPages.push(relative(source, file));
    if (!/<HistoryPanel[\s/>]/.test(text)) withoutHistory.push(relative(source, file));
  }
  assert.ok(editPages.length >= 10, `found only ${editPages.length} edit pages: ${editPages.join(', ')}`);
  assert.deepEqual(withoutHistory, []);
});
