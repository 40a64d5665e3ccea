import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import type { OutboxEvent } from '../events/event-catalog.js';
import { OutboxRelay, publish } from './outbox.js';

// events of these tests only, added to the catalog the way a library adds its own
declare module '@chance/core' {
  interface OutboxEvents {
    'test.happened': { n: number };
    'other.type': Record<string, never>;
  }
}

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});
beforeEach(() => db.pool.query('TRUNCATE outbox_events, outbox_deliveries'));

const newRelay = (options: { batchSize?: number; leaseMs?: number; afterCommitConcurrency?: number } = {}) =>
  new OutboxRelay(dataSource, { intervalMs: 50, ...options });
const publishMany = (count: number) =>
  dataSource.transaction(async (manager) => {
    for (let n = 0; n < count; n++) await publish(manager, 'test.happened', { n });
  });
const outboxRows = async () =>
  (await db.pool.query('SELECT id, processed_at IS NOT NULL AS processed, attempts, available_at > now() AS later, last_error FROM outbox_events ORDER BY id'))
    .rows;

describe('outbox', () => {
  it('emits nothing from a transaction that rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await publish(manager, 'test.happened', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const seen: OutboxEvent<'test.happened'>[] = [];
    const relay = newRelay();
    relay.register('test.happened', 'test.recorder', async (event) => void seen.push(event));
    expect(await relay.drain()).toBe(0);
    expect(seen).toEqual([]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n).toBe(0);
  });

  it('delivers a committed event to every handler once, with its payload', async () => {
    await dataSource.transaction((manager) => publish(manager, 'test.happened', { n: 2 }));
    const seen: string[] = [];
    const relay = newRelay();
    relay.register('test.happened', 'a', async (event) => void seen.push(`a:${event.payload.n}`));
    relay.register('test.happened', 'b', async (event) => void seen.push(`b:${event.payload.n}`));
    relay.register('other.type', 'c', async () => void seen.push('c'));
    expect(await relay.drain()).toBe(1);
    expect(await relay.drain()).toBe(0);
    expect(seen.sort()).toEqual(['a:2', 'b:2']);
  });

  it('after a crash, delivers to the handlers that had not finished and skips those that had', async () => {
    await dataSource.transaction((manager) => publish(manager, 'test.happened', { n: 3 }));
    // the first process: handler a commits its delivery, then handler b dies with the process
    const first = newRelay();
    const firstSeen: string[] = [];
    first.register('test.happened', 'a', async (_, manager) => {
      firstSeen.push('a');
      await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ('effect-of-a')`);
    });
    first.register('test.happened', 'b', async () => {
      throw new Error('process killed');
    });
    await first.drain();
    await db.pool.query(`UPDATE outbox_events SET available_at = now()`); // skip the retry backoff
    // the restarted process
    const second = newRelay();
    const secondSeen: string[] = [];
    second.register('test.happened', 'a', async (_, manager) => {
      secondSeen.push('a');
      await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ('effect-of-a')`);
    });
    second.register('test.happened', 'b', async () => void secondSeen.push('b'));
    expect(await second.drain()).toBe(1);
    expect(firstSeen).toEqual(['a']);
    expect(secondSeen).toEqual(['b']);
    const effects = await db.pool.query(`SELECT count(*)::int AS n FROM rate_limit_hits WHERE key = 'effect-of-a'`);
    expect(effects.rows[0].n).toBe(1);
    const event = await db.pool.query('SELECT processed_at, attempts, last_error FROM outbox_events');
    expect(event.rows[0]).toMatchObject({ processed_at: expect.any(Date), attempts: 1, last_error: null });
  });

  it('rolls back the writes of a failing handler and retries it later', async () => {
    await dataSource.transaction((manager) => publish(manager, 'test.happened', { n: 4 }));
    const relay = newRelay();
    let calls = 0;
    relay.register('test.happened', 'flaky', async (_, manager) => {
      calls++;
      await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ('flaky')`);
      if (calls === 1) throw new Error('temporary failure');
    });
    expect(await relay.drain()).toBe(1); // attempted, postponed
    expect(await relay.drain()).toBe(0); // backoff not over
    const pending = await db.pool.query('SELECT processed_at, attempts, available_at > now() AS later FROM outbox_events');
    expect(pending.rows[0]).toMatchObject({ processed_at: null, attempts: 1, later: true });
    await db.pool.query(`UPDATE outbox_events SET available_at = now()`);
    expect(await relay.drain()).toBe(1);
    expect(calls).toBe(2);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM rate_limit_hits WHERE key = 'flaky'`)).rows[0].n).toBe(1);
  });

  it('lets several relays (API processes) share the work without handling an event twice', async () => {
    await publishMany(60);
    const handled: number[] = [];
    // batches of 10: a relay holds 10 events at a time, and the others take the next ones meanwhile
    const relays = [newRelay({ batchSize: 10 }), newRelay({ batchSize: 10 }), newRelay({ batchSize: 10 })];
    for (const relay of relays) {
      relay.register('test.happened', 'collector', async (event) => {
        await new Promise((r) => setTimeout(r, 1));
        handled.push(event.payload.n);
      });
    }
    const counts = await Promise.all(relays.map((relay) => relay.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(handled.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
  });

  it('claims events in batches: a batch handler gets each batch in one call, in id order', async () => {
    await publishMany(25);
    const calls: number[][] = [];
    const relay = newRelay({ batchSize: 10 });
    relay.registerBatch(['test.happened'], 'batches', async (events) => void calls.push(events.map((e) => e.payload.n)));
    expect(await relay.drain()).toBe(25);
    expect(calls).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22, 23, 24],
    ]);
    expect((await outboxRows()).every((row) => row.processed)).toBe(true);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM outbox_deliveries WHERE handler = 'batches'`)).rows[0].n).toBe(25);
  });

  it('delivers the rest of a batch when one event fails, and retries only that one with backoff', async () => {
    await publishMany(5);
    const relay = newRelay({ batchSize: 10 });
    let poisoned = true;
    relay.registerBatch(['test.happened'], 'writer', async (events, manager) => {
      for (const event of events) {
        await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ($1)`, [`writer-${event.payload.n}`]);
        if (event.payload.n === 2 && poisoned) throw new Error('cannot handle 2 yet');
      }
    });
    expect(await relay.drain()).toBe(5);
    const written = async () => (await db.pool.query(`SELECT key FROM rate_limit_hits WHERE key LIKE 'writer-%' ORDER BY key`)).rows.map((r) => r.key);
    // the failed batch's writes rolled back, then each event alone: all but 2 committed once
    expect(await written()).toEqual(['writer-0', 'writer-1', 'writer-3', 'writer-4']);
    const rows = await outboxRows();
    expect(rows.map((r) => [r.processed, r.attempts])).toEqual([
      [true, 0],
      [true, 0],
      [false, 1],
      [true, 0],
      [true, 0],
    ]);
    expect(rows[2]).toMatchObject({ later: true, last_error: 'writer: cannot handle 2 yet' });
    poisoned = false;
    await db.pool.query(`UPDATE outbox_events SET available_at = now()`); // skip the backoff
    expect(await relay.drain()).toBe(1);
    expect(await written()).toEqual(['writer-0', 'writer-1', 'writer-2', 'writer-3', 'writer-4']);
  });

  it('runs an after-commit handler outside any transaction, with the event leased to it, and records its delivery', async () => {
    await publishMany(1);
    const relay = newRelay();
    const other = newRelay();
    other.registerAfterCommit('test.happened', 'webhook', async () => {
      throw new Error('the other relay must not get the leased event');
    });
    const observed: { locked: boolean; leased: unknown[]; otherTook: number }[] = [];
    relay.registerAfterCommit('test.happened', 'webhook', async (event) => {
      // no transaction holds the event: another connection may lock it without waiting
      const locked = await db.pool
        .query('SELECT id FROM outbox_events WHERE id = $1 FOR UPDATE NOWAIT', [event.id])
        .then(() => false)
        .catch((error) => error.code === '55P03');
      observed.push({ locked, leased: await outboxRows(), otherTook: await other.drain() });
    });
    expect(await relay.drain()).toBe(1);
    expect(observed).toEqual([{ locked: false, leased: [expect.objectContaining({ processed: false, later: true })], otherTook: 0 }]);
    expect((await outboxRows())[0]).toMatchObject({ processed: true, attempts: 0 });
    expect((await db.pool.query(`SELECT handler FROM outbox_deliveries`)).rows).toEqual([{ handler: 'webhook' }]);
  });

  it('retries a failing after-commit handler later, and never repeats one that recorded its delivery in its own transaction', async () => {
    await publishMany(1);
    const relay = newRelay();
    let mailCalls = 0;
    let hookCalls = 0;
    relay.registerAfterCommit('test.happened', 'mail', async (_event, delivery) => {
      mailCalls++;
      // its own transaction: the effect and the delivery record commit together
      await dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ('mail-sent')`);
        await delivery.record(manager);
      });
      if (mailCalls === 1) throw new Error('crashed after committing');
    });
    relay.registerAfterCommit('test.happened', 'hook', async () => {
      hookCalls++;
      if (hookCalls === 1) throw new Error('receiver answered 500');
    });
    expect(await relay.drain()).toBe(1);
    expect((await outboxRows())[0]).toMatchObject({ processed: false, attempts: 1, later: true });
    expect((await outboxRows())[0].last_error).toContain('hook: receiver answered 500');
    await db.pool.query(`UPDATE outbox_events SET available_at = now()`); // skip the backoff
    expect(await relay.drain()).toBe(1);
    expect([mailCalls, hookCalls]).toEqual([1, 2]);
    expect((await outboxRows())[0]).toMatchObject({ processed: true, attempts: 1, last_error: null });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM rate_limit_hits WHERE key = 'mail-sent'`)).rows[0].n).toBe(1);
  });

  it('runs the after-commit handlers of several events at once, up to afterCommitConcurrency, each event settled', async () => {
    await publishMany(5);
    const relay = newRelay({ afterCommitConcurrency: 3 });
    let inFlight = 0;
    let most = 0;
    let release!: () => void;
    const threeIn = new Promise<void>((resolve) => (release = resolve));
    relay.registerAfterCommit('test.happened', 'hook', async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      if (inFlight === 3) release();
      await threeIn; // one at a time would never get here with three in flight: the test would time out
      inFlight--;
    });
    expect(await relay.drain()).toBe(5);
    expect(most).toBe(3);
    expect((await outboxRows()).map((row) => row.processed)).toEqual([true, true, true, true, true]);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM outbox_deliveries WHERE handler = 'hook'`)).rows[0].n).toBe(5);
  });

  it('takes an event up again when its lease ran out (the process died during an after-commit call)', async () => {
    await publishMany(1);
    const dying = newRelay({ leaseMs: 60_000 });
    dying.registerAfterCommit('test.happened', 'hook', () => new Promise<void>(() => undefined)); // never returns: the process is gone
    void dying.drain();
    for (let i = 0; i < 200 && !(await outboxRows())[0]?.later; i++) await new Promise((r) => setTimeout(r, 10));
    const restarted = newRelay();
    const seen: number[] = [];
    restarted.registerAfterCommit('test.happened', 'hook', async (event) => void seen.push(event.id));
    expect(await restarted.drain()).toBe(0); // leased: nobody takes it meanwhile
    await db.pool.query(`UPDATE outbox_events SET available_at = now()`); // the lease runs out
    expect(await restarted.drain()).toBe(1);
    expect(seen).toHaveLength(1);
    expect((await outboxRows())[0]).toMatchObject({ processed: true });
  });

  it('runs in the background once started, and a kick delivers promptly', async () => {
    const relay = new OutboxRelay(dataSource, { intervalMs: 60_000 });
    const seen: number[] = [];
    relay.register('test.happened', 'bg', async (event) => void seen.push(event.payload.n));
    relay.start();
    await new Promise((r) => setTimeout(r, 50));
    await dataSource.transaction((manager) => publish(manager, 'test.happened', { n: 5 }));
    relay.kick();
    // the interval is a minute: a delivery within it came from the kick (polled, so a slow machine only waits longer)
    for (let i = 0; i < 500 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(seen).toEqual([5]);
  });
});
