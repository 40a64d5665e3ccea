import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Scheduler, type ScheduledJob } from '../scheduler/scheduler.js';
import type { EntityManager } from 'typeorm';

/** Idempotency keys are kept 24 hours at least (docs/api.md#idempotency); older ones are removed hourly. */
@Injectable()
export class IdempotencyCleanup implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'idempotency-cleanup';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(private readonly scheduler: Scheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  async run(manager: EntityManager): Promise<number> {
    // a key still in progress is kept until its work completes it (a card payment: its reconciliation)
    const [, removed] = await manager.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours' AND response_status IS NOT NULL`);
    return removed;
  }
}
