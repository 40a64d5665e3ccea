import type { DataSource, EntityManager } from 'typeorm';
import { Scheduler, type ScheduledJob } from './scheduler.js';

// A self-coordinating job runs on the data source's manager, outside any transaction the scheduler
// opens: no database is needed to see that runOnce runs it, with or without an afterCommit.
describe('Scheduler.runOnce for a self-coordinating job', () => {
  const manager = {} as EntityManager;
  const scheduler = new Scheduler({ manager } as DataSource);

  it('runs a job that names nothing to do after its run', async () => {
    const runs: EntityManager[] = [];
    const job: ScheduledJob<number> = { name: 'plain', intervalMs: 1000, coordination: 'self', run: async (m) => (runs.push(m), 1) };
    expect(await scheduler.runOnce(job)).toBe(true);
    expect(runs).toEqual([manager]);
  });

  it('hands what the run answered to afterCommit once the run is over', async () => {
    const seen: string[] = [];
    const job: ScheduledJob<string> = {
      name: 'with-after',
      intervalMs: 1000,
      coordination: 'self',
      run: async () => (seen.push('run'), 'answer'),
      afterCommit: (result) => seen.push(`after:${result}`),
    };
    expect(await scheduler.runOnce(job)).toBe(true);
    expect(seen).toEqual(['run', 'after:answer']);
  });
});
