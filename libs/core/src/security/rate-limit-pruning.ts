import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Scheduler, type ScheduledJob } from '../scheduler/scheduler.js';

/**
 * Removes rate-limit hits older than the longest window (every 10 minutes, one process at a time).
 * A key's own expired hits go when it is hit again; this catches the keys never seen again (one
 * per e-mail tried, per IP, per cart guesser), which would otherwise stay forever.
 */
@Injectable()
export class RateLimitPruning implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'rate-limit-pruning';
  readonly intervalMs = 10 * 60 * 1000;

  constructor(
    private readonly scheduler: Scheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  /** The longest window any limit uses: every hit older than it counts for nothing. */
  get retentionSeconds(): number {
    const { loginWindowSeconds, otpWindowSeconds, messagesWindowSeconds } = this.config.rateLimits;
    return Math.max(60, loginWindowSeconds, otpWindowSeconds, messagesWindowSeconds);
  }

  async run(manager: EntityManager): Promise<number> {
    const [, removed] = await manager.query('DELETE FROM rate_limit_hits WHERE at < now() - make_interval(secs => $1)', [this.retentionSeconds]);
    return removed;
  }
}
