import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ScheduledJob {
  /** stable name: also the advisory lock that keeps two processes from running it at once */
  name: string;
  intervalMs: number;
  run(manager: EntityManager): Promise<unknown>;
}

/**
 * Periodic jobs (clean-ups) that every API process may schedule: each run takes a transaction-level
 * advisory lock named after the job and skips when another process holds it.
 */
@Injectable()
export class Scheduler implements OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly dataSource: DataSource) {}

  schedule(job: ScheduledJob): void {
    const timer = setInterval(
      () => void this.runOnce(job).catch((error) => this.logger.warn(`${job.name} failed: ${(error as Error).message}`)),
      job.intervalMs,
    );
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs the job now unless another process is running it; returns false when skipped. */
  async runOnce(job: ScheduledJob): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`job:${job.name}`]);
      if (!locked) return false;
      await job.run(manager);
      return true;
    });
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
