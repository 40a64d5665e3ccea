import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ScheduledJob<R = unknown> {
  /** stable name: also the advisory lock that keeps two processes from running it at once */
  name: string;
  intervalMs: number;
  /**
   * `advisory-lock` (default): each run is one transaction holding the job's advisory lock, so one
   * process runs it at a time. `self`: the run gets no transaction and no lock, because it makes
   * external calls, which never happen inside a transaction: it coordinates itself (claims rows
   * with `FOR UPDATE SKIP LOCKED`) and may run on every process at once. `session-lock`: one process
   * at a time too, but the run holds the job's advisory lock on a connection of its own for the whole
   * run and gets that connection outside any transaction, so it can commit as it goes (the retention
   * job deletes in batches of a statement each, and no row lock outlives its batch).
   */
  coordination?: 'advisory-lock' | 'self' | 'session-lock';
  run(manager: EntityManager): Promise<R>;
  /**
   * Called with what `run` answered once its transaction has committed (never for a skipped run):
   * to wake the workers of what it queued, which would not see it any earlier.
   */
  afterCommit?(result: R): void;
}

/**
 * Periodic jobs (clean-ups, reconciliation) that every API process may schedule: each run takes a
 * transaction-level advisory lock named after the job and skips when another process holds it,
 * unless the job coordinates itself.
 */
@Injectable()
export class Scheduler implements OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly dataSource: DataSource) {}

  schedule<R>(job: ScheduledJob<R>): void {
    let running = false; // a run slower than the interval is not overlapped by the next one
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      void this.runOnce(job)
        .catch((error) => this.logger.warn(`${job.name} failed: ${(error as Error).message}`))
        .finally(() => (running = false));
    }, job.intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs the job now unless another process is running it; returns false when skipped. */
  async runOnce<R>(job: ScheduledJob<R>): Promise<boolean> {
    if (job.coordination === 'self') {
      // run first: an optional call would skip evaluating its argument when there is no afterCommit
      const result = await job.run(this.dataSource.manager);
      job.afterCommit?.(result);
      return true;
    }
    if (job.coordination === 'session-lock') return this.runHoldingSessionLock(job);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`job:${job.name}`]);
      if (!locked) return null;
      return { result: await job.run(manager) };
    });
    if (outcome === null) return false;
    job.afterCommit?.(outcome.result);
    return true;
  }

  private async runHoldingSessionLock<R>(job: ScheduledJob<R>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner('master');
    await runner.connect();
    let broken: Error | undefined;
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`job:${job.name}`]);
      if (!locked) return false;
      let result: R;
      try {
        result = await job.run(runner.manager);
      } finally {
        // a connection that cannot say so is dropped below: the server then releases its lock
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`job:${job.name}`]).catch((error: Error) => (broken = error));
      }
      job.afterCommit?.(result);
      return true;
    } finally {
      // TypeORM's postgres runner takes the error to make its pool discard the connection
      await (runner as unknown as { releasePostgresConnection(error?: Error): Promise<void> }).releasePostgresConnection(broken);
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
