import 'reflect-metadata';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { DomainEventBus, OnTransactionEvent } from './domain-event-bus.js';
import type { TransactionEvent } from './event-catalog.js';

// events of these tests only, added to the catalog the way a library adds its own
declare module '@chance/core' {
  interface TransactionEvents {
    'test.recorded': { key: string };
    'test.refused': { key: string };
  }
}

const order: string[] = [];

/** A library that follows another's records: it writes in the raising transaction. */
@Injectable()
class Follower {
  @OnTransactionEvent('test.recorded')
  async follow({ manager, payload }: TransactionEvent<'test.recorded'>): Promise<void> {
    order.push(`follower:start:${payload.key}`);
    await manager.query('INSERT INTO rate_limit_hits (key) VALUES ($1)', [`followed-${payload.key}`]);
    order.push(`follower:end:${payload.key}`);
  }

  @OnTransactionEvent('test.refused')
  async refuse(_event: TransactionEvent<'test.refused'>): Promise<void> {
    throw new Error('the follower refuses');
  }
}

@Injectable()
class SecondFollower {
  @OnTransactionEvent('test.recorded')
  async follow({ payload }: TransactionEvent<'test.recorded'>): Promise<void> {
    order.push(`second:${payload.key}`);
  }
}

@Module({ imports: [EventEmitterModule.forRoot()], providers: [DomainEventBus, Follower, SecondFollower] })
class TestModule {}

let db: TestDatabase;
let dataSource: DataSource;
let app: INestApplicationContext;
let bus: DomainEventBus;

beforeAll(async () => {
  db = await createTestDatabase();
  dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  app = await NestFactory.createApplicationContext(TestModule, { logger: false });
  await app.init();
  bus = app.get(DomainEventBus);
});
afterAll(async () => {
  await app.close();
  await dataSource.destroy();
  await db.drop();
});
beforeEach(async () => {
  order.length = 0;
  await db.pool.query('TRUNCATE rate_limit_hits');
});

const followed = async () => (await db.pool.query(`SELECT key FROM rate_limit_hits ORDER BY key`)).rows.map((r) => r.key);

describe('in-transaction events', () => {
  it('runs every listener inside the raising transaction, one after another, awaited', async () => {
    await dataSource.transaction(async (manager) => {
      await bus.raise(manager, 'test.recorded', { key: 'a' });
      // visible inside the transaction already, and only there
      expect((await manager.query(`SELECT key FROM rate_limit_hits`)).map((r: { key: string }) => r.key)).toEqual(['followed-a']);
      expect(await followed()).toEqual([]);
    });
    expect(order).toEqual(['follower:start:a', 'follower:end:a', 'second:a']);
    expect(await followed()).toEqual(['followed-a']);
  });

  it('leaves nothing of a listener when the raising transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await bus.raise(manager, 'test.recorded', { key: 'b' });
        throw new Error('the command failed later');
      }),
    ).rejects.toThrow('the command failed later');
    expect(await followed()).toEqual([]);
  });

  it('fails the raising transaction when a listener fails (its error is not swallowed)', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO rate_limit_hits (key) VALUES ('the command')`);
        await bus.raise(manager, 'test.refused', { key: 'c' });
      }),
    ).rejects.toThrow('the follower refuses');
    expect(await followed()).toEqual([]);
  });
});
