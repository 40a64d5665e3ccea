// Runs Redocly CLI's `lint` on an OpenAPI file under the repository's redocly.yaml, offline and
// quietly: for `npm run lint:openapi` (lint.js) and the test of the rules (apps/api/test/openapi-lint.e2e-spec.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './schema-source.js';

/**
 * @param {string} file the document, relative to the repository root or absolute
 * @param {'stylish' | 'json'} format
 * @returns {{ status: number, stdout: string, stderr: string }}
 */
export function redoclyLint(file, format) {
  const lint = spawnSync(join(REPO_ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', 'redocly.yaml', '--format', format], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    // offline and quiet: no usage telemetry, no check for a newer version, no notices
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  });
  if (lint.error) throw lint.error;
  return { status: lint.status ?? 1, stdout: lint.stdout, stderr: withoutBoxedNotice(lint.stderr) };
}

/**
 * The CLI's output without its boxed notice (a framed paragraph: on Node 20, that its next
 * releases need Node 22, which no setting turns off). Node 20 is this project's runtime (README).
 */
function withoutBoxedNotice(text) {
  return text.replace(/^[ \t]*╔[\s\S]*?╚[^\n]*\n\n?/m, '');
}
