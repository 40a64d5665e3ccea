import { pathToFileURL } from 'node:url';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const alias = /^@chance\/([a-z-]+)(\/testing)?$/;

export async function resolve(specifier, context, nextResolve) {
  const match = alias.exec(specifier);
  if (match) {
    const file = resolvePath(root, 'dist/libs', match[1], 'src', match[2] ? 'testing/index.js' : 'index.js');
    return nextResolve(pathToFileURL(file).href, context);
  }
  return nextResolve(specifier, context);
}
