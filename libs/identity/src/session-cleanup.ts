import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Scheduler, type ScheduledJob } from '@chance/core';
import type { EntityManager } from 'typeorm';

/**
 * Removes sessions that can authenticate nothing any more (hourly, one process at a time): ended
 * ones, and those whose every refresh token has expired (their access tokens expired long before).
 * Their refresh tokens go with them. A token naming a removed session is refused like an ended one.
 */
@Injectable()
export class SessionCleanup implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'session-cleanup';
  readonly intervalMs = 60 * 60 * 1000;

  constructor(private readonly scheduler: Scheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  async run(manager: EntityManager): Promise<number> {
    const [, removed] = await manager.query(
      `DELETE FROM sessions s
        WHERE s.ended_at < now() - interval '1 day'
           OR (s.created_at < now() - interval '1 day'
               AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = s.id AND t.expires_at > now()))`,
    );
    return removed;
  }
}
