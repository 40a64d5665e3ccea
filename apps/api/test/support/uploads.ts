import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reply, TestApi } from './test-api.js';

/** Every file under `dir`, as paths relative to it (the temporary folder included). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** POSTs `content` as the multipart field `field` (a browser's FormData upload). */
export function uploadFile(
  api: TestApi,
  path: string,
  token: string,
  content: Buffer | string,
  { field = 'file', filename = 'upload.png', type = 'application/octet-stream' }: { field?: string; filename?: string; type?: string } = {},
): Promise<Reply> {
  const form = new FormData();
  form.append(field, new Blob([content], { type }), filename);
  return api.request('POST', path, { token, form });
}
