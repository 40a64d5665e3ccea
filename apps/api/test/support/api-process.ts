import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@chance/core';

export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../../..');

/**
 * How long spawnApi waits for a healthy API: on a machine shared with other builds an embedded
 * PostgreSQL's first start alone can take a minute. A test or hook that spawns APIs allows this
 * much for each start.
 */
export const API_START_TIMEOUT_MS = 300_000;

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The built API (`dist/`) as its own process, as `npm start` runs it; with `fdLimit`, under that
 * limit on open files (`ulimit -n`, soft and hard, so Node cannot raise it).
 */
export async function spawnApi(env: Record<string, string>, { fdLimit }: { fdLimit?: number } = {}): Promise<ApiProcess> {
  const port = await freePort();
  let output = '';
  const node = [process.execPath, '--import', './tools/register-aliases.js', 'dist/apps/api/src/main.js'];
  const [command, args]: [string, string[]] = fdLimit ? ['/bin/sh', ['-c', `ulimit -n ${fdLimit} && exec "$@"`, 'sh', ...node]] : [node[0], node.slice(1)];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const deadline = Date.now() + API_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a CLI command of the built API to completion. */
export function runCli(script: string, args: string[], env: Record<string, string>, input = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', './tools/register-aliases.js', `dist/apps/api/src/cli/${script}.js`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdin.end(input);
    child.on('exit', (code) => done({ code, output }));
  });
}
