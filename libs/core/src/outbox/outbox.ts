import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxEvent, OutboxEventName, OutboxEvents } from '../events/event-catalog.js';

/**
 * Writes an event into the outbox as part of the caller's transaction: it is delivered after that
 * transaction commits, and never if it rolls back. Name and payload are checked against the
 * event catalog (`OutboxEvents`).
 */
export async function publish<K extends OutboxEventName>(manager: EntityManager, type: K, payload: OutboxEvents[K]): Promise<void> {
  await manager.query('INSERT INTO outbox_events (type, payload) VALUES ($1, $2)', [type, JSON.stringify(payload)]);
}

/**
 * Many events of one name at once, as `publish` writes one: a bulk command (a catalog import) raises
 * thousands, in one statement per 10,000 instead of a round trip each.
 */
export async function publishMany<K extends OutboxEventName>(manager: EntityManager, type: K, payloads: readonly OutboxEvents[K][]): Promise<void> {
  for (let start = 0; start < payloads.length; start += 10_000) {
    const chunk = payloads.slice(start, start + 10_000).map((payload) => JSON.stringify(payload));
    await manager.query('INSERT INTO outbox_events (type, payload) SELECT $1, p FROM unnest($2::jsonb[]) WITH ORDINALITY AS u(p, n) ORDER BY n', [type, chunk]);
  }
}

/**
 * What `publish` writes, as SQL, for publishing in the very statement that writes the record (one round trip
 * fewer while the caller holds its locks):
 *
 * ```ts
 * `WITH o AS (INSERT INTO orders … RETURNING id), ${publishSql('order.placed', "$9::jsonb || jsonb_build_object('orderId', o.id)", 'o')} SELECT …`
 * ```
 *
 * `payload` is an SQL expression of the event's JSON (a parameter, completed by columns of
 * `from`); the caller types it against the catalog (`satisfies OutboxEvents[K]`, less what the
 * statement adds). The CTE is named `published`.
 */
export function publishSql(type: OutboxEventName, payload: string, from?: string): string {
  if (!/^[a-z][a-z._]*$/.test(type)) throw new Error(`not an event name: ${type}`);
  return `published AS (INSERT INTO outbox_events (type, payload) SELECT '${type}', ${payload}${from ? ` FROM ${from}` : ''})`;
}

/** Runs inside the relay's transaction, for one event: its writes commit together with the delivery record, or roll back with it. */
export type OutboxHandler<K extends OutboxEventName> = (event: OutboxEvent<K>, manager: EntityManager) => Promise<void>;

/** The same for many events at once, in id order (one statement for a whole batch): all of them succeed, or none. */
export type OutboxBatchHandler<K extends OutboxEventName> = (events: OutboxEvent<K>[], manager: EntityManager) => Promise<void>;

/**
 * Runs after the relay's transaction has committed, outside any transaction: for a call to
 * another system (a webhook, an e-mail) that must never hold a database transaction open
 * (docs/architecture.md, Transactions). The event is leased to the handler meanwhile, so no other relay
 * picks it up. Resolving records the delivery; throwing retries the event later with backoff. A
 * handler that writes in a transaction of its own (its outcome, its own log) records the delivery
 * in that transaction with `delivery.record(manager)`, so that effect and record commit together;
 * otherwise the relay records it once the handler has resolved. At least once: after a crash
 * between the call and the record, the handler is given the event again (same `id`). The handler
 * bounds its own time (a webhook's 10 s timeout), well under the lease: the relay waits for it.
 */
export type AfterCommitHandler<K extends OutboxEventName> = (
  event: OutboxEvent<K>,
  delivery: { record(manager: EntityManager): Promise<void> },
) => Promise<void>;

export interface RelayOptions {
  intervalMs: number;
  /** events claimed per transaction */
  batchSize?: number;
  maxBackoffMs?: number;
  /** how long an event stays leased to its after-commit handlers before another pass may take it again */
  leaseMs?: number;
  /** events of a batch whose after-commit handlers run at once (each event's handlers one after another) */
  afterCommitConcurrency?: number;
}

type Types = OutboxEventName | readonly OutboxEventName[];
type Handler =
  | { name: string; types: ReadonlySet<string>; kind: 'transaction'; handle: OutboxBatchHandler<OutboxEventName> }
  | { name: string; types: ReadonlySet<string>; kind: 'after-commit'; handle: AfterCommitHandler<OutboxEventName> };

interface Claimed {
  event: OutboxEvent;
  attempts: number;
  done: Set<string>;
  failures: string[];
}

/** An event whose after-commit handlers are to run (those it has not been delivered to); leased: no handler in the relay's transaction failed. */
interface AfterCommitWork {
  claimed: Claimed;
  handlers: Extract<Handler, { kind: 'after-commit' }>[];
  leased: boolean;
}

interface Settlement {
  id: number;
  /** done: processed; failed: retried after a backoff; leased: its after-commit handlers are running */
  state: 'done' | 'failed' | 'leased';
  error: string | null;
  delayMs: number | null;
}

/**
 * Delivers committed outbox events to registered handlers, at least once, each handler at most
 * once per event (a delivery row, written with the handler's effects). Events are claimed in
 * batches with `FOR UPDATE SKIP LOCKED`, so every API process can run a relay and none waits for
 * another. In a batch, each handler gets all of its events at once inside a savepoint; when that
 * fails, it gets them one by one, so the event that fails is retried later with a growing backoff
 * and the rest of the batch is delivered now. A batch costs a handful of statements whatever its size.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('Outbox');
  private readonly handlers: Handler[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private kicked = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RelayOptions,
  ) {}

  /** A handler of single events, run in the relay's transaction. `name` identifies it for de-duplication: keep it stable across releases. */
  register<K extends OutboxEventName>(types: K | readonly K[], name: string, handle: OutboxHandler<K>): void {
    this.registerBatch(types, name, async (events, manager) => {
      for (const event of events) await handle(event, manager);
    });
  }

  /** A handler of whole batches (in id order), run in the relay's transaction. */
  registerBatch<K extends OutboxEventName>(types: K | readonly K[], name: string, handle: OutboxBatchHandler<K>): void {
    this.add({ name, types: typeSet(types), kind: 'transaction', handle: handle as unknown as OutboxBatchHandler<OutboxEventName> });
  }

  /** A handler run after commit, outside any transaction (see AfterCommitHandler). */
  registerAfterCommit<K extends OutboxEventName>(types: K | readonly K[], name: string, handle: AfterCommitHandler<K>): void {
    this.add({ name, types: typeSet(types), kind: 'after-commit', handle: handle as unknown as AfterCommitHandler<OutboxEventName> });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a pass soon (after a commit that published events). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.kicked = true;
    else this.schedule(0);
  }

  /** Delivers everything that is due; returns how many events it took up (delivered, or failed and postponed). */
  async drain(): Promise<number> {
    let taken = 0;
    for (let n; (n = await this.deliverBatch()) > 0;) taken += n;
    return taken;
  }

  /** Claims one batch of due events and runs their pending handlers; returns how many events it took up (0: nothing is due). */
  async deliverBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    const { claimed, afterCommit } = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; type: string; payload: never; occurred_at: Date; attempts: number; done: string[] }[] = await manager.query(
        `SELECT e.id, e.type, e.payload, e.occurred_at, e.attempts, ARRAY(SELECT d.handler FROM outbox_deliveries d WHERE d.event_id = e.id) AS done
           FROM outbox_events e
          WHERE e.processed_at IS NULL AND e.available_at <= now()
          ORDER BY e.id LIMIT $1
            FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const claimed: Claimed[] = rows.map((row) => ({
        event: { id: Number(row.id), type: row.type, payload: row.payload, occurredAt: row.occurred_at } as OutboxEvent,
        attempts: row.attempts,
        done: new Set(row.done),
        failures: [],
      }));
      if (claimed.length === 0) return { claimed, afterCommit: [] };
      const delivered: { id: number; handler: string }[] = [];
      for (const handler of this.handlers) {
        if (handler.kind !== 'transaction') continue;
        const pending = claimed.filter((c) => handler.types.has(c.event.type) && !c.done.has(handler.name));
        if (pending.length === 0) continue;
        let error = await this.attempt(manager, handler, pending);
        if (error === null) {
          delivered.push(...pending.map((c) => ({ id: c.event.id, handler: handler.name })));
          continue;
        }
        // one of them fails: deliver the others now, and retry only that one later
        for (const one of pending) {
          if (pending.length > 1) error = await this.attempt(manager, handler, [one]);
          if (error === null) delivered.push({ id: one.event.id, handler: handler.name });
          else one.failures.push(`${handler.name}: ${error}`);
        }
      }
      const afterCommit = claimed.flatMap((c): AfterCommitWork[] => {
        const handlers = this.afterCommitPending(c);
        return handlers.length > 0 ? [{ claimed: c, handlers, leased: c.failures.length === 0 }] : [];
      });
      // settled now, except the events whose after-commit handlers have yet to run: leased to them
      const waiting = new Set(afterCommit.map((work) => work.claimed));
      const settlements = claimed.map((c) => this.settlement(c, waiting.has(c)));
      await settle(manager, delivered, settlements);
      return { claimed, afterCommit };
    });
    if (afterCommit.length > 0) await this.runAfterCommit(afterCommit);
    return claimed.length;
  }

  private add(handler: Handler): void {
    if (this.handlers.some((h) => h.name === handler.name)) throw new Error(`outbox handler ${handler.name} registered twice`);
    this.handlers.push(handler);
  }

  /** Runs a handler on events inside a savepoint; null when it succeeded, else what went wrong (its writes rolled back). */
  private async attempt(manager: EntityManager, handler: Extract<Handler, { kind: 'transaction' }>, events: Claimed[]): Promise<string | null> {
    await manager.query('SAVEPOINT outbox_handler');
    try {
      await handler.handle(
        events.map((c) => c.event),
        manager,
      );
      await manager.query('RELEASE SAVEPOINT outbox_handler');
      return null;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT outbox_handler');
      await manager.query('RELEASE SAVEPOINT outbox_handler');
      return (error as Error).message;
    }
  }

  private afterCommitPending(claimed: Claimed): Extract<Handler, { kind: 'after-commit' }>[] {
    return this.handlers.filter(
      (h): h is Extract<Handler, { kind: 'after-commit' }> => h.kind === 'after-commit' && h.types.has(claimed.event.type) && !claimed.done.has(h.name),
    );
  }

  private settlement(claimed: Claimed, leased: boolean): Settlement {
    const id = claimed.event.id;
    const lease = leased ? (this.options.leaseMs ?? 60_000) : 0;
    if (claimed.failures.length > 0) {
      const error = claimed.failures.join('; ');
      this.logger.warn(`event ${id} (${claimed.event.type}) will be retried: ${error}`);
      return { id, state: 'failed', error: error.slice(0, 2000), delayMs: Math.max(lease, this.backoff(claimed.attempts)) };
    }
    return leased ? { id, state: 'leased', error: null, delayMs: lease } : { id, state: 'done', error: null, delayMs: null };
  }

  private backoff(attempts: number): number {
    return Math.min(this.options.maxBackoffMs ?? 300_000, 1000 * 2 ** Math.min(attempts, 16));
  }

  /**
   * The after-commit handlers, outside any transaction, several events at once (8 by default);
   * then the leased events are settled in one statement (an event that failed in the relay's
   * transaction was settled already: retried after its backoff).
   */
  private async runAfterCommit(events: AfterCommitWork[]): Promise<void> {
    const delivered: { id: number; handler: string }[] = [];
    const settlements: Settlement[] = [];
    const runEvent = async ({ claimed, handlers, leased }: AfterCommitWork) => {
      for (const handler of handlers) {
        const record = async (manager: EntityManager) => {
          await manager.query('INSERT INTO outbox_deliveries (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING', [claimed.event.id, handler.name]);
        };
        try {
          await handler.handle(claimed.event, { record });
          delivered.push({ id: claimed.event.id, handler: handler.name });
        } catch (error) {
          claimed.failures.push(`${handler.name}: ${(error as Error).message}`);
        }
      }
      if (leased) settlements.push(this.settlement(claimed, false));
    };
    // events are independent (no order is promised to handlers): several at once, each one's handlers in turn
    let next = 0;
    const lanes = Math.max(1, Math.min(this.options.afterCommitConcurrency ?? 8, events.length));
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < events.length) await runEvent(events[next++]);
      }),
    );
    await settle(this.dataSource.manager, delivered, settlements);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.kicked;
        this.kicked = false;
        this.schedule(again ? 0 : this.options.intervalMs);
      });
    }, delay);
    this.timer.unref();
  }

  /** Batch after batch while full ones come back (a burst drains at once), then waits for the interval or a kick. */
  private async pass(): Promise<void> {
    try {
      const batchSize = this.options.batchSize ?? 200;
      while (!this.stopped && (await this.deliverBatch()) >= batchSize);
    } catch (error) {
      this.logger.warn(`relay pass failed: ${(error as Error).message}`);
    }
  }
}

const typeSet = (types: Types): ReadonlySet<string> => new Set(typeof types === 'string' ? [types] : types);

/**
 * One statement: the delivery rows of the handlers that succeeded, and each event's outcome
 * (processed; or postponed with its attempt counted and its error kept; or leased).
 */
async function settle(manager: EntityManager, delivered: { id: number; handler: string }[], settlements: Settlement[]): Promise<void> {
  if (delivered.length === 0 && settlements.length === 0) return;
  await manager.query(
    `WITH delivered AS (
       INSERT INTO outbox_deliveries (event_id, handler) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING)
     UPDATE outbox_events e
        SET processed_at = CASE WHEN s.state = 'done' THEN now() END,
            attempts = e.attempts + CASE WHEN s.state = 'failed' THEN 1 ELSE 0 END,
            last_error = CASE s.state WHEN 'failed' THEN s.error WHEN 'done' THEN NULL ELSE e.last_error END,
            available_at = CASE WHEN s.delay_ms IS NULL THEN e.available_at ELSE now() + s.delay_ms * interval '1 millisecond' END
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::int[]) AS s(id, state, error, delay_ms)
      WHERE e.id = s.id AND e.processed_at IS NULL`,
    [
      delivered.map((d) => d.id),
      delivered.map((d) => d.handler),
      settlements.map((s) => s.id),
      settlements.map((s) => s.state),
      settlements.map((s) => s.error),
      settlements.map((s) => s.delayMs),
    ],
  );
}
