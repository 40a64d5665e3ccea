import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Scheduler, type ScheduledJob } from '@chance/core';
import type { EntityManager } from 'typeorm';

/**
 * Folds the revenue ledger (`revenue_changes`, appended by triggers on every order, in-store sale,
 * booking and refund change that counts) into one row per UTC day and channel (`revenue_days`), every 30 s on
 * one API process at a time. The rows it deletes and adds commit together, so a report reading
 * days plus pending changes sees every change exactly once, before, during and after a fold.
 */
@Injectable()
export class RevenueDaysFold implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'revenue-days-fold';
  readonly intervalMs = 30_000;

  constructor(private readonly scheduler: Scheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(this);
  }

  async run(manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH folded AS (DELETE FROM revenue_changes RETURNING day, channel, revenue, records, gross_profit, refunds)
       INSERT INTO revenue_days (day, channel, revenue, records, gross_profit, refunds)
       SELECT day, channel, sum(revenue), sum(records), sum(gross_profit), sum(refunds) FROM folded GROUP BY day, channel
       ON CONFLICT (day, channel) DO UPDATE
          SET revenue = revenue_days.revenue + EXCLUDED.revenue,
              records = revenue_days.records + EXCLUDED.records,
              gross_profit = revenue_days.gross_profit + EXCLUDED.gross_profit,
              refunds = revenue_days.refunds + EXCLUDED.refunds`,
    );
  }
}
