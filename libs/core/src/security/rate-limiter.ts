import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  /** Refuses with 429 RATE_LIMITED (and Retry-After) when the key already has `limit` hits in the window. */
  async assertAllowed(rule: RateLimit, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS hits, EXTRACT(EPOCH FROM (max(at) + make_interval(secs => $2) - now())) AS retry_after
         FROM rate_limit_hits WHERE key = $1 AND at > now() - make_interval(secs => $2)`,
      [rule.key, rule.windowSeconds],
    );
    if (row.hits >= rule.limit) throw rateLimited(Number(row.retry_after));
  }

  /** Records one hit. */
  async record(key: string, windowSeconds: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM rate_limit_hits WHERE key = $1 AND at <= now() - make_interval(secs => $2)`, [key, windowSeconds]);
    await manager.query('INSERT INTO rate_limit_hits (key) VALUES ($1)', [key]);
  }

  /** Checks and records a hit atomically: the (limit+1)-th hit inside the window is refused. */
  async consume(rule: RateLimit): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [rule.key]);
      await this.assertAllowed(rule, manager);
      await this.record(rule.key, rule.windowSeconds, manager);
    });
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_hits WHERE key = $1', [key]);
  }
}
