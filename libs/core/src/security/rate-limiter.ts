import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyedQueue } from '../concurrency/keyed-queue.js';
import { inTransaction } from '../database/transaction.js';
import { rateLimited } from '../errors/domain-error.js';

export interface RateLimit {
  /** what is limited: `login:<email>`, `register:<ip>`, `otp:<userId>` */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window-free rate limiting kept in PostgreSQL, so that it holds across API processes:
 * a hit is a row; the count of rows inside the sliding window decides. Per-key advisory locks
 * make check-and-record atomic.
 */
@Injectable()
export class RateLimiter {
  private readonly queue = new KeyedQueue();

  constructor(private readonly dataSource: DataSource) {}

  /** Checks and records a hit atomically: the (limit+1)-th hit inside the window is refused. */
  async consume(rule: RateLimit): Promise<void> {
    await this.consumeAll([rule]);
  }

  /**
   * Checks and records one hit of every rule, atomically and all or none: a refusal by any rule
   * records nothing (429 RATE_LIMITED with Retry-After). A hit recorded before the work it guards is
   * a reservation: under any concurrency, across processes, no more than `limit` requests get past
   * it, which is how the login lock holds (docs/api.md#limits); `release` gives one back when the work
   * did not happen. Requests for the same key queue in this process first (KeyedQueue), so a flood
   * on one key holds one pooled connection, not all of them.
   */
  async consumeAll(rules: RateLimit[]): Promise<void> {
    const keys = rules.map((rule) => rule.key);
    const windows = rules.map((rule) => rule.windowSeconds);
    await this.queue.run(keys, () =>
      inTransaction(this.dataSource, async (manager) => {
        // in hash order: two requests locking overlapping keys never wait on each other
        await manager.query('SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS locks', [keys]);
        const counts: { key: string; hits: number; retry_after: string | null }[] = await manager.query(
          `SELECT r.key, count(h.key)::int AS hits, EXTRACT(EPOCH FROM (max(h.at) + make_interval(secs => r.window_seconds) - now())) AS retry_after
             FROM unnest($1::text[], $2::int[]) AS r(key, window_seconds)
             LEFT JOIN rate_limit_hits h ON h.key = r.key AND h.at > now() - make_interval(secs => r.window_seconds)
            GROUP BY r.key, r.window_seconds`,
          [keys, windows],
        );
        for (const rule of rules) {
          const count = counts.find((c) => c.key === rule.key);
          if (count && count.hits >= rule.limit) throw rateLimited(Number(count.retry_after));
        }
        // the keys' expired hits go as new ones come (the pruning job catches keys never hit again)
        await manager.query(
          `WITH expired AS (
             DELETE FROM rate_limit_hits h USING unnest($1::text[], $2::int[]) AS r(key, window_seconds)
              WHERE h.key = r.key AND h.at <= now() - make_interval(secs => r.window_seconds))
           INSERT INTO rate_limit_hits (key) SELECT unnest($1::text[])`,
          [keys, windows],
        );
      }),
    );
  }

  /** Takes back the newest hit of a key (a reservation whose work was refused for another reason). */
  async release(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_hits WHERE ctid = (SELECT ctid FROM rate_limit_hits WHERE key = $1 ORDER BY at DESC LIMIT 1)', [key]);
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_hits WHERE key = $1', [key]);
  }
}
