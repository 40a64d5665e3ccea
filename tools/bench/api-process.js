// The production build of the API as its own process (as `npm start` runs it after building),
// timed from spawn to a healthy /api/health, with its resident memory sampled while it works.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, stopLeftoverPostgres as stopClusterServer } from '@chance/core';
import { REPO_ROOT } from '../seed/database.js';

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc (Linux). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * Runs `work` while sampling the resident memory of process `pid` every 50 ms: what `work` returned,
 * with the RSS before it began (`rssBefore`) and the highest seen meanwhile (`rssPeak`).
 */
export async function peakMemoryWhile(pid, work) {
  const rssBefore = memoryOf(pid).rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, memoryOf(pid).rss)), 50);
  try {
    return { ...(await work()), rssBefore, rssPeak };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The load comes from one address (this machine) at hundreds of carts, coupons and sign-ins a
 * second: the per-IP limits of docs/api.md#limits (defaults 30–60 a minute) are lifted for it, or they
 * would be what the load measures. The flood benchmark (floods.js) keeps them.
 */
export const LOAD_LIMITS = {
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_COUPON_TRIES_PER_MINUTE: '1000000',
  RATE_LIMIT_GUEST_CARTS_PER_MINUTE: '1000000',
  RATE_LIMIT_REGISTER_PER_MINUTE: '1000000',
  RATE_LIMIT_PASSWORD_RESETS: '1000000',
  RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR: '1000000',
};

/**
 * The in-process memory samples (tools/bench/memory-probe.js) an API started with `memoryFile` wrote:
 * one object a line ({ at: epoch ms, rss, heapTotal, heapUsed, external, arrayBuffers, heapAvailable }).
 */
export function readMemorySamples(file) {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

/**
 * @param {{ port: number, dataDir: string, env?: Record<string, string>, logFile: string, nodeArgs?: string[], ownsPostgres?: boolean, memoryFile?: string }} options
 *   ownsPostgres: false when the API uses a DATABASE_URL (it then leaves that server alone, and so does stop())
 *   memoryFile: preload tools/bench/memory-probe.js, which appends the process's memoryUsage() to this file every 5 s (emptied first)
 */
export async function startApi({ port, dataDir, env = {}, logFile, nodeArgs = [], ownsPostgres = true, memoryFile }) {
  const out = openSync(logFile, 'w');
  if (memoryFile) rmSync(memoryFile, { force: true });
  const memoryProbe = memoryFile ? ['--import', './tools/bench/memory-probe.js'] : [];
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...nodeArgs,
      ...memoryProbe,
      '--import',
      './tools/register-aliases.js',
      'dist/apps/api/src/main.js',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ...(memoryFile ? { BENCH_MEMORY_FILE: memoryFile } : {}),
        ...env,
      },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  let healthy = false;
  while (!healthy) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the API exited before it was healthy; see ${logFile}:\n${tail(logFile)}`);
    if (performance.now() - started > 120_000) {
      child.kill('SIGTERM');
      throw new Error(`the API was not healthy within 120 s; see ${logFile}`);
    }
    try {
      healthy = (await fetch(`${url}/api/health`)).status === 200;
    } catch {
      /* not listening yet */
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 25));
  }
  const startupSeconds = (performance.now() - started) / 1000;

  let samples = 0;
  let maxRss = 0;
  let sampling = null;
  const api = {
    url,
    pid: child.pid,
    startupSeconds,
    memoryFile,
    /** starts sampling RSS every 100 ms (call once the load begins) */
    sample() {
      sampling ??= setInterval(() => {
        const { rss } = memoryOf(child.pid);
        samples++;
        maxRss = Math.max(maxRss, rss);
      }, 100);
      sampling.unref();
    },
    memory() {
      const { rss, peak } = memoryOf(child.pid);
      return { rss, sampledPeak: Math.max(maxRss, rss), kernelPeak: peak, samples };
    },
    /** SIGTERM: the API closes and stops the embedded PostgreSQL it started; returns once the process is gone. */
    async stop() {
      if (sampling) clearInterval(sampling);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      if (ownsPostgres) await stopLeftoverPostgres(dataDir);
      return result;
    },
  };
  return api;
}

/**
 * The built API on a throwaway embedded PostgreSQL, for the benchmarks that need no seeded data
 * (floods.js, attacks.js): a free port and a new temporary data folder (the API's log inside),
 * which `stop()` removes again.
 * @param {{ name: string, env?: Record<string, string> }} options name: part of the folder's name
 */
export async function startThrowawayApi({ name, env = {} }) {
  const dataDir = await mkdtemp(join(tmpdir(), `chance-${name}-`));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  let api;
  try {
    api = await startApi({ port: await freePort(), dataDir, env, logFile: join(dataDir, 'api.log') });
  } catch (error) {
    await removeDataDir();
    throw error;
  }
  return {
    ...api,
    dataDir,
    async stop() {
      const result = await api.stop();
      await removeDataDir();
      return result;
    },
  };
}

/** If the API was killed before it could stop its PostgreSQL, stop that server (named in postmaster.pid) ourselves. */
export async function stopLeftoverPostgres(dataDir) {
  await stopClusterServer(join(dataDir, 'pg'));
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
