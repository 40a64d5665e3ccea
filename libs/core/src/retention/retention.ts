import { Inject, Injectable, Logger, type FactoryProvider, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Scheduler, type ScheduledJob } from '../scheduler/scheduler.js';

/**
 * How long the rows of a table that grows with traffic are kept (docs/operations.md, "Retention").
 * The library that owns the table registers its rule with `retentionRule(...)` among its providers;
 * the retention job runs every rule, deleting in batches.
 */
export interface RetentionRule {
  /** stable name: the cut-off it applied is recorded under it in `retention_runs` */
  name: string;
  /** the table, owned by the library that registers the rule */
  table: string;
  /**
   * the timestamptz column a row's age is measured by: a row is deleted once it is older than the
   * time kept. An index led by this column (partial ones included, when `where` implies their
   * predicate) keeps each batch an index range scan.
   */
  age: string;
  /** days kept (fractions allowed: 0.5 is 12 hours), or the variable that sets them and its default; 0 keeps every row */
  keepDays: number | { variable: string; default: number };
  /** a further condition on the row (SQL over the table's own columns), e.g. "not pending" */
  where?: string;
  /**
   * false for a table with no index on `age`, kept small by other means (rate-limit hits): batches
   * then take the first old rows a scan finds instead of the oldest, and need no index on the way in
   */
  indexed?: boolean;
  /** why the rows may go then (docs/operations.md lists it) */
  why: string;
}

export interface RetentionOutcome {
  rule: string;
  table: string;
  keepDays: number;
  /** rows older than this were deleted (null: the rule keeps everything) */
  cutoff: string | null;
  deleted: number;
  batches: number;
}

/** Rows per batch: each batch is one statement, its own transaction, so its locks last a statement. */
export const RETENTION_BATCH_ROWS = 1000;
/** At most this many batches per rule and run, so one rule's backlog (the first run on old data) cannot starve the others. */
const RETENTION_MAX_BATCHES = 500;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The retention job: every `RETENTION_INTERVAL_MS` (10 minutes), on one process at a time (its
 * advisory lock held for the run), each rule deletes its rows older than the time kept, oldest first,
 * in batches of 1,000 rows, each batch one statement (`FOR UPDATE SKIP LOCKED`, so it never waits
 * for a row a request holds) walking the age index from where the last batch stopped.
 * Before deleting, a rule records its cut-off in `retention_runs`, so whoever reads the table (the
 * invariant checker) knows which rows may be gone.
 */
@Injectable()
export class Retention implements ScheduledJob, OnApplicationBootstrap {
  readonly name = 'retention';
  readonly coordination = 'session-lock' as const;
  private readonly logger = new Logger('Retention');
  private readonly registered: RetentionRule[] = [];

  constructor(
    private readonly scheduler: Scheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // core's own tables
    this.add({
      name: 'outbox-events',
      table: 'outbox_events',
      age: 'processed_at',
      keepDays: { variable: 'RETENTION_OUTBOX_DAYS', default: 7 },
      why: 'a delivered event has done its work (its handlers recorded their effects); kept a week to look into what happened. Undelivered events are never deleted. Their delivery records (outbox_deliveries) go with them.',
    });
    this.add({
      name: 'idempotency-keys',
      table: 'idempotency_keys',
      age: 'created_at',
      keepDays: 2,
      where: 'response_status IS NOT NULL',
      why: 'the contract keeps a key at least 24 hours (docs/api.md#idempotency); a key still in progress waits for its work (a card payment: its reconciliation)',
    });
    this.add({
      name: 'rate-limit-hits',
      table: 'rate_limit_hits',
      age: 'at',
      keepDays: this.rateLimitWindowSeconds / 86_400,
      indexed: false,
      why: 'a hit older than the longest window (1 hour) counts for nothing; a key hit again drops its own old hits, this catches the keys never seen again',
    });
  }

  get intervalMs(): number {
    return this.config.retention.intervalMs;
  }

  onApplicationBootstrap(): void {
    const used = new Set(this.registered.flatMap((rule) => (typeof rule.keepDays === 'number' ? [] : [rule.keepDays.variable])));
    for (const variable of Object.keys(this.config.retention.days))
      if (!used.has(variable)) this.logger.warn(`${variable} is set, but no retention rule reads it`);
    this.scheduler.schedule(this);
  }

  /** The longest window any rate limit counts over: older hits count for nothing. */
  private get rateLimitWindowSeconds(): number {
    const { loginWindowSeconds, otpWindowSeconds, messagesWindowSeconds } = this.config.rateLimits;
    return Math.max(60, loginWindowSeconds, otpWindowSeconds, messagesWindowSeconds);
  }

  /** Registers a rule (`retentionRule(...)` does it for a library); run in the order added. */
  add(rule: RetentionRule): void {
    for (const identifier of [rule.table, rule.age])
      if (!IDENTIFIER.test(identifier)) throw new Error(`retention rule ${rule.name}: "${identifier}" is not a plain column or table name`);
    if (this.registered.some((r) => r.name === rule.name)) throw new Error(`retention rule ${rule.name} is registered twice`);
    this.registered.push(rule);
  }

  get rules(): readonly RetentionRule[] {
    return this.registered;
  }

  /** The days a rule keeps with this configuration (0: everything). */
  keepDaysOf(rule: RetentionRule): number {
    if (typeof rule.keepDays === 'number') return rule.keepDays;
    return this.config.retention.days[rule.keepDays.variable] ?? rule.keepDays.default;
  }

  /** One run of every rule (the scheduler calls it holding the job's lock; tests call it through `Scheduler.runOnce`). */
  async run(manager: EntityManager): Promise<RetentionOutcome[]> {
    const outcomes: RetentionOutcome[] = [];
    for (const rule of this.registered) {
      const outcome = await this.apply(manager, rule);
      outcomes.push(outcome);
      if (outcome.deleted > 0) this.logger.log(`${rule.table}: deleted ${outcome.deleted} rows older than ${outcome.cutoff} (${rule.name})`);
    }
    return outcomes;
  }

  /** Deletes one rule's old rows, batch after batch, each batch a statement of its own (outside any transaction). */
  async apply(manager: EntityManager, rule: RetentionRule): Promise<RetentionOutcome> {
    const keepDays = this.keepDaysOf(rule);
    const outcome: RetentionOutcome = { rule: rule.name, table: rule.table, keepDays, cutoff: null, deleted: 0, batches: 0 };
    if (!(keepDays > 0)) return outcome;
    // one cut-off for the whole run, recorded first: a reader that sees a deletion sees its cut-off too
    const [{ cutoff }] = await manager.query(
      `WITH cut AS (SELECT now() - make_interval(secs => $2) AS cutoff)
       INSERT INTO retention_runs AS r (rule, table_name, cutoff, started_at)
       SELECT $1, $3, cutoff, now() FROM cut
       ON CONFLICT (rule) DO UPDATE SET cutoff = GREATEST(r.cutoff, EXCLUDED.cutoff), table_name = EXCLUDED.table_name, started_at = now()
       RETURNING (SELECT cutoff FROM cut)::text AS cutoff`,
      [rule.name, keepDays * 86_400, rule.table],
    );
    outcome.cutoff = cutoff;
    const sql = batchStatement(rule);
    let from = '-infinity';
    while (outcome.batches < RETENTION_MAX_BATCHES) {
      const [{ removed, last }] = await manager.query(sql, rule.indexed === false ? [cutoff, RETENTION_BATCH_ROWS] : [cutoff, RETENTION_BATCH_ROWS, from]);
      outcome.batches++;
      outcome.deleted += removed;
      if (removed < RETENTION_BATCH_ROWS || last === null) break;
      from = last;
    }
    await manager.query(`UPDATE retention_runs SET finished_at = now(), deleted_last_run = $2, deleted_total = deleted_total + $2 WHERE rule = $1`, [
      rule.name,
      outcome.deleted,
    ]);
    return outcome;
  }
}

/**
 * One batch: the oldest rows past the cut-off (from where the previous batch stopped: rows a
 * condition keeps are not walked again), locked without waiting for any a request holds, deleted by
 * their physical address. Returns how many went and the age to go on from.
 */
function batchStatement(rule: RetentionRule): string {
  const { table, age } = rule;
  const condition = rule.where ? ` AND (${rule.where})` : '';
  const pick =
    rule.indexed === false
      ? `SELECT ctid, ${age} AS age FROM ${table} WHERE ${age} < $1${condition} LIMIT $2 FOR UPDATE SKIP LOCKED`
      : `SELECT ctid, ${age} AS age FROM ${table} WHERE ${age} < $1 AND ${age} >= $3${condition} ORDER BY ${age} LIMIT $2 FOR UPDATE SKIP LOCKED`;
  return `WITH doomed AS (${pick}),
          gone AS (DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM doomed)) RETURNING 1)
          SELECT (SELECT count(*) FROM gone)::int AS removed, (SELECT max(age) FROM doomed)::text AS last`;
}

/**
 * A library's retention rule, as one entry of its module's providers:
 * `providers: [..., retentionRule({ name: 'audit-log', table: 'audit_logs', ... })]`.
 */
export function retentionRule(rule: RetentionRule): FactoryProvider {
  return {
    provide: Symbol(`retention rule ${rule.name}`),
    inject: [Retention],
    useFactory: (retention: Retention) => {
      retention.add(rule);
      return rule;
    },
  };
}
