import { Logger } from '@nestjs/common';
import { actorContext } from '../audit/actor-context.js';

/**
 * Work on rows that wait in a table (webhook deliveries, e-mails) and call another system: each
 * due row is leased to one process by `claim` (`FOR UPDATE SKIP LOCKED` and a lease time in one
 * short statement), then `run` outside any transaction records its outcome. A process that dies
 * mid-call leaves the lease to run out, and any process claims the row again: at least once.
 */
export interface LeasedWork<T> {
  /**
   * Claims up to `limit` due items and leases them to this process; `busy` says how many items of
   * each key (an endpoint) are running here, so a key already at its bound gets no more.
   */
  claim(limit: number, busy: ReadonlyMap<string, number>): Promise<T[]>;
  keyOf(item: T): string;
  /** Sends one item and records its outcome; never throws for the item's own failure. */
  run(item: T): Promise<void>;
}

export interface LeasedWorkerOptions {
  /** how often due items are looked for when nothing kicks the worker (retries come due on their own) */
  intervalMs: number;
  /** items running at once in this process */
  concurrency: number;
  /** items of one key running at once in this process: a slow key cannot take every slot */
  perKey?: number;
}

/**
 * Runs leased work with bounded concurrency, in all and per key: a slow endpoint holds at most
 * `perKey` of the `concurrency` slots, and the others keep flowing. Looks for due work on a timer
 * and when kicked (new work committed, a slot freed).
 */
export class LeasedWorker<T> {
  private readonly logger: Logger;
  private readonly running = new Set<Promise<void>>();
  private readonly busy = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private pumping?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(
    name: string,
    private readonly work: LeasedWork<T>,
    private readonly options: LeasedWorkerOptions,
  ) {
    this.logger = new Logger(name);
  }

  get perKey(): number {
    return this.options.perKey ?? this.options.concurrency;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops claiming, and waits for the items running now. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.pumping;
    await Promise.allSettled([...this.running]);
  }

  /** Looks for due work soon (coalesced: many kicks, one look). */
  kick(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    // not in the context of the request that kicked it: the work is nobody's action in the audit log
    this.pumping = actorContext.exit(() => new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.pump()));
  }

  /** Claims and starts work while slots are free and due work comes back; resolves when all of it has run (for tests and benchmarks). */
  async drain(): Promise<void> {
    for (;;) {
      await this.pumping;
      if (this.running.size === 0) {
        this.again = false;
        this.pumping = this.pump(true);
        await this.pumping;
        if (this.running.size === 0) return;
      }
      await Promise.race(this.running);
    }
  }

  /** `force`: also when stopped (a drain by a test or benchmark of a worker that is not started). */
  private async pump(force = false): Promise<void> {
    try {
      do {
        this.again = false;
        const free = this.options.concurrency - this.running.size;
        if (free <= 0) break;
        const items = await this.work.claim(free, this.busy);
        for (const item of items) this.launch(item);
        if (items.length === free) this.again = true;
      } while (this.again && (force || !this.stopped));
    } catch (error) {
      this.logger.warn(`claiming work failed: ${(error as Error).message}`);
    } finally {
      this.pumping = undefined;
      if (this.again) this.kick();
    }
  }

  private launch(item: T): void {
    const key = this.work.keyOf(item);
    this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
    const run: Promise<void> = this.work
      .run(item)
      .catch((error: Error) => this.logger.warn(`work on ${key} failed: ${error.message}`))
      .finally(() => {
        this.running.delete(run);
        const left = (this.busy.get(key) ?? 1) - 1;
        if (left > 0) this.busy.set(key, left);
        else this.busy.delete(key);
        this.kick();
      });
    this.running.add(run);
  }
}
