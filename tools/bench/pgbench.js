// The reference for write transactions: pgbench's TPC-B-like script on the same PostgreSQL,
// in a database of its own (created, initialised with `pgbench -i`, dropped afterwards).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { newClient } from '@chance/core';

const CANDIDATES = ['/usr/bin/pgbench', '/usr/local/bin/pgbench'];

export const findPgbench = () => CANDIDATES.find((file) => existsSync(file)) ?? null;

const run = (file, args, env) =>
  new Promise((resolve, reject) =>
    execFile(file, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(`${stdout}\n${stderr}`),
    ),
  );

/**
 * @param {{ url: string, clients?: number, threads?: number, seconds?: number, scale?: number }} options  url: any database of the server; scale: pgbench's scaling factor (10: ten branches, so 16 clients do not all queue for one row)
 * @returns {Promise<null | { tps: number, latencyMs: number, clients: number, seconds: number, version: string, scale: number, output: string }>}
 */
export async function runPgbench({ url, clients = 16, threads = 2, seconds = 20, scale: scaling = 10 }) {
  const file = findPgbench();
  if (!file) return null;
  const target = new URL(url);
  const database = 'chance_pgbench';
  const admin = newClient({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const env = { PGHOST: target.hostname, PGPORT: target.port, PGUSER: decodeURIComponent(target.username), PGPASSWORD: decodeURIComponent(target.password) };
    const version = (await run(file, ['--version'], env)).trim().split('\n')[0];
    await run(file, ['-i', '-q', '-s', String(scaling), database], env);
    const output = await run(file, ['-c', String(clients), '-j', String(threads), '-T', String(seconds), database], env);
    const tps = Number(/tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(output)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
    const scale = Number(/scaling factor: (\d+)/.exec(output)?.[1] ?? 1);
    if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's tps from:\n${output}`);
    return { tps, latencyMs, clients, seconds, version, scale, output };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
    await admin.end();
  }
}
