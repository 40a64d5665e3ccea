import { Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  payload: P;
  occurredAt: Date;
}

/** Runs inside the relay's transaction: its database writes commit with the delivery record. */
export type OutboxHandler<P = Record<string, unknown>> = (event: OutboxEvent<P>, manager: EntityManager) => Promise<void>;

/** Writes events into the outbox as part of the caller's transaction. */
export async function publish(manager: EntityManager, type: string, payload: object): Promise<void> {
  await manager.query('INSERT INTO outbox_events (type, payload) VALUES ($1, $2)', [type, JSON.stringify(payload)]);
}

export interface RelayOptions {
  intervalMs: number;
  batchSize?: number;
  maxBackoffMs?: number;
}

/**
 * Delivers committed outbox events to registered handlers, at least once, each handler at most
 * once per event (a delivery row is written in the handler's transaction). Events are claimed
 * with `FOR UPDATE SKIP LOCKED`, so every API process can run a relay.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, { name: string; handle: OutboxHandler }[]>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private kicked = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RelayOptions,
  ) {}

  /** `name` identifies the handler for de-duplication: keep it stable across releases. */
  register<P = Record<string, unknown>>(type: string, name: string, handle: OutboxHandler<P>): void {
    const list = this.handlers.get(type) ?? [];
    if (list.some((h) => h.name === name)) throw new Error(`outbox handler ${name} registered twice for ${type}`);
    list.push({ name, handle: handle as OutboxHandler });
    this.handlers.set(type, list);
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

  /** Delivers everything that is due; returns how many events were completed. */
  async drain(): Promise<number> {
    let done = 0;
    while (await this.deliverNext()) done++;
    return done;
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

  private async pass(): Promise<void> {
    try {
      const limit = this.options.batchSize ?? 100;
      for (let i = 0; i < limit && !this.stopped; i++) {
        if (!(await this.deliverNext())) break;
      }
    } catch (error) {
      this.logger.warn(`relay pass failed: ${(error as Error).message}`);
    }
  }

  /** Claims one due event and runs its pending handlers; false when nothing is due. */
  async deliverNext(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; type: string; payload: Record<string, unknown>; occurred_at: Date; attempts: number }[] = await manager.query(
        `SELECT id, type, payload, occurred_at, attempts FROM outbox_events
            WHERE processed_at IS NULL AND available_at <= now()
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return false;
      const row = rows[0];
      const event: OutboxEvent = { id: Number(row.id), type: row.type, payload: row.payload, occurredAt: row.occurred_at };
      const done = new Set<string>(
        (await manager.query('SELECT handler FROM outbox_deliveries WHERE event_id = $1', [event.id])).map((r: { handler: string }) => r.handler),
      );
      const failures: string[] = [];
      for (const handler of this.handlers.get(event.type) ?? []) {
        if (done.has(handler.name)) continue;
        await manager.query('SAVEPOINT outbox_handler');
        try {
          await handler.handle(event, manager);
          await manager.query('INSERT INTO outbox_deliveries (event_id, handler) VALUES ($1, $2)', [event.id, handler.name]);
          await manager.query('RELEASE SAVEPOINT outbox_handler');
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT outbox_handler');
          failures.push(`${handler.name}: ${(error as Error).message}`);
        }
      }
      if (failures.length === 0) {
        await manager.query('UPDATE outbox_events SET processed_at = now(), last_error = NULL WHERE id = $1', [event.id]);
      } else {
        const backoffMs = Math.min(this.options.maxBackoffMs ?? 300_000, 1000 * 2 ** Math.min(row.attempts, 16));
        this.logger.warn(`event ${event.id} (${event.type}) will be retried: ${failures.join('; ')}`);
        await manager.query(
          `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2,
                  available_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
          [event.id, failures.join('; ').slice(0, 2000), String(backoffMs)],
        );
      }
      return true;
    });
  }
}
