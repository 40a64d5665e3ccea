import { existsSync, readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import { spawnApi, type ApiProcess } from './support/api-process.js';
import { eventually } from './support/eventually.js';

/** WEB_CONCURRENCY (docs/operations.md, "Several processes on one machine"): N API processes on one port, under node:cluster. */
let db: TestDatabase;
let api: ApiProcess;

const workersOf = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
/** the pids of the processes that logged a request (Fastify's request log carries the pid) */
const servedBy = (output: string): Set<number> =>
  new Set(
    output
      .split('\n')
      .filter((line) => line.includes('"incoming request"'))
      .map((line) => JSON.parse(line).pid as number),
  );

/** on a new connection each time, so the primary hands each to the next worker */
const health = () => fetch(`${api.url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(30_000) });

beforeAll(async () => {
  db = await createTestDatabase();
  api = await spawnApi({ DATABASE_URL: db.url, WEB_CONCURRENCY: '2', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', LOG_LEVEL: 'info' });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('WEB_CONCURRENCY', () => {
  it('runs that many API processes sharing the port, each serving requests', async () => {
    // both workers are listening once each has logged that it is
    await eventually(async () => expect(api.output().match(/Chance Store listening/g)?.length).toBe(2), 60_000);
    const workers = workersOf(api.child.pid!);
    expect(workers).toHaveLength(2);
    // new connections are handed out in turn: twenty of them reach both processes
    for (let i = 0; i < 20; i++) {
      const reply = await health();
      expect(reply.status).toBe(200);
    }
    await eventually(async () => expect([...servedBy(api.output())].sort()).toEqual([...workers].sort()));
  }, 120_000);

  it('replaces a process that dies, and the new one serves requests', async () => {
    const [victim, survivor] = workersOf(api.child.pid!);
    process.kill(victim, 'SIGKILL');
    const replaced = await eventually(async () => {
      const workers = workersOf(api.child.pid!);
      expect(workers).toHaveLength(2);
      expect(workers).toContain(survivor);
      expect(workers).not.toContain(victim);
      return workers.find((pid) => pid !== survivor)!;
    }, 60_000);
    await eventually(async () => expect(api.output().match(/Chance Store listening/g)?.length).toBe(3), 90_000);
    const before = api.output().length;
    for (let i = 0; i < 20; i++) expect((await health()).status).toBe(200);
    await eventually(async () => expect(servedBy(api.output().slice(before)).has(replaced)).toBe(true));
  }, 180_000);

  it('stops every process on SIGTERM', async () => {
    const workers = workersOf(api.child.pid!);
    const code = await api.stop('SIGTERM');
    expect({ code, output: code === 0 ? '' : api.output().slice(-3000) }).toEqual({ code: 0, output: '' });
    for (const pid of workers) expect([pid, alive(pid)]).toEqual([pid, false]);
  });
});
