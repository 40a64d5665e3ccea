import { pathToFileURL } from 'node:url';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
// `@chance/<lib>` (its index), `@chance/<lib>/testing`, or `@chance/<lib>/<path>`: one of a library's
// pure modules by its path (`@chance/core/money`), as the browser SPA imports them too
const alias = /^@chance\/([a-z-]+)(?:\/([a-z-/]+))?$/;

export async function resolve(specifier, context, nextResolve) {
  const match = alias.exec(specifier);
  if (match) {
    const path = match[2] === undefined ? 'index.js' : match[2] === 'testing' ? 'testing/index.js' : `${match[2]}.js`;
    const file = resolvePath(root, 'dist/libs', match[1], 'src', path);
    return nextResolve(pathToFileURL(file).href, context);
  }
  return nextResolve(specifier, context);
}
