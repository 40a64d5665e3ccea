import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { OutboxRelay, publish, type OutboxEvent } from './outbox.js';

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

const newRelay = () => new OutboxRelay(dataSource, { intervalMs: 50 });

describe('outbox', () => {
  it('emits nothing from a transaction that rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await publish(manager, 'test.happened', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const seen: OutboxEvent[] = [];
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
    await dataSource.transaction(async (manager) => {
      for (let n = 0; n < 60; n++) await publish(manager, 'test.happened', { n });
    });
    const handled: number[] = [];
    const relays = [newRelay(), newRelay(), newRelay()];
    for (const relay of relays) {
      relay.register('test.happened', 'collector', async (event) => {
        await new Promise((r) => setTimeout(r, 1));
        handled.push(event.payload.n as number);
      });
    }
    const counts = await Promise.all(relays.map((relay) => relay.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(handled.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
  });

  it('runs in the background once started, and a kick delivers promptly', async () => {
    const relay = new OutboxRelay(dataSource, { intervalMs: 60_000 });
    const seen: number[] = [];
    relay.register('test.happened', 'bg', async (event) => void seen.push(event.payload.n as number));
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
