import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Scheduler, type AppConfig, type ScheduledJob } from '@chance/core';
import type { EntityManager } from 'typeorm';

/** Removes guest carts nobody touched for GUEST_CART_TTL_DAYS (hourly, one process at a time). */
@Injectable()
export class GuestCartCleanup implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'guest-cart-cleanup';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(
    private readonly scheduler: Scheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  async run(manager: EntityManager): Promise<number> {
    const [, removed] = await manager.query(`DELETE FROM carts WHERE customer_id IS NULL AND updated_at < now() - make_interval(days => $1)`, [
      this.config.guestCartTtlDays,
    ]);
    return removed;
  }
}
