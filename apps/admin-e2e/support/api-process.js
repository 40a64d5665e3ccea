// Runs the built API (dist/, from `npm run build`) as a child process for the browser tests:
// a free port, a fresh DATA_DIR (the API starts an embedded PostgreSQL there), a first admin from
// ADMIN_EMAIL / ADMIN_PASSWORD. The API also serves the built SPA at `/`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const mainScript = 'dist/apps/api/src/main.js';
const spaIndex = 'dist/apps/admin/index.html';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The last lines a child wrote, for failure messages. */
function outputTail(limit = 200) {
  const lines = [];
  return {
    push(chunk) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      if (lines.length > limit) lines.splice(0, lines.length - limit);
    },
    toString: () => lines.join('\n'),
  };
}

/**
 * Starts the API and resolves once GET /api/health answers 200. `dataDir`: an existing (seeded)
 * data folder to run on instead of a fresh one; it is removed on stop all the same.
 * @param {{ adminEmail: string, adminPassword: string, env?: Record<string, string>, startTimeoutMs?: number, dataDir?: string }} options
 * @returns {Promise<{ baseUrl: string, port: number, dataDir: string, output: () => string, stop: () => Promise<void>, checkInvariants: () => Promise<{ code: number | null, output: string }> }>}
 */
export async function startApi({ adminEmail, adminPassword, env = {}, startTimeoutMs = 300_000, dataDir: seededDataDir }) {
  for (const built of [mainScript, spaIndex]) {
    if (!existsSync(join(repoRoot, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the browser tests`);
    }
  }
  const port = await freePort();
  const dataDir = seededDataDir ?? (await mkdtemp(join(tmpdir(), 'chance-admin-e2e-data-')));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must reach the cluster folder.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);

  const childEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    NODE_ENV: 'test',
  };
  delete childEnv.DATABASE_URL; // always the embedded, throw-away database
  const output = outputTail();
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', './tools/register-aliases.js', mainScript], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const baseUrl = `http://127.0.0.1:${port}`;

  async function stop() {
    if (!hasExited) {
      child.kill('SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await stopOrphanedPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  const deadline = Date.now() + startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (true) {
    if (hasExited) {
      const { code, signal } = await exited;
      await stop();
      throw new Error(`The API exited during start (code ${code}, signal ${signal}). Output:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
      lastProblem = `GET /api/health answered ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not become healthy within ${startTimeoutMs} ms (${lastProblem}). Output:\n${output}`);
    }
    await sleep(250);
  }

  /**
   * Stops the API (its embedded PostgreSQL with it) and runs `check:invariants` over the data it
   * left, as an operator would: resolves to the CLI's exit code and output. `stop` still cleans up.
   */
  async function checkInvariants() {
    if (!hasExited) {
      child.kill('SIGTERM');
      await exited;
    }
    const cli = spawn(process.execPath, ['--import', './tools/register-aliases.js', 'dist/apps/api/src/cli/check-invariants.js'], {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = outputTail(1000);
    cli.stdout.on('data', (chunk) => report.push(chunk));
    cli.stderr.on('data', (chunk) => report.push(chunk));
    const code = await new Promise((resolveExit) => cli.once('exit', (exitCode) => resolveExit(exitCode)));
    return { code, output: report.toString() };
  }

  return { baseUrl, port, dataDir, output: () => output.toString(), stop, checkInvariants };
}

/** If the API was killed, its embedded PostgreSQL may still run on the temp cluster: end it. */
async function stopOrphanedPostgres(dataDir) {
  // the built core (npm test builds first): only a pid that still is a PostgreSQL gets a signal
  // eslint-disable-next-line @nx/enforce-module-boundaries -- plain node test code reads the built library, as the jest global setup does
  const { stopLeftoverPostgres } = await import('../../../dist/libs/core/src/database/embedded-postgres.js');
  await stopLeftoverPostgres(join(dataDir, 'pg'), { signal: 'SIGQUIT', waitMs: 5000 });
}

/** POST JSON to the API; returns { status, json }. */
export async function apiPost(baseUrl, path, body, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
