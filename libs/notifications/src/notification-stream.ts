import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { newClient } from '@chance/core';
import { SESSIONS_CHANNEL } from '@chance/identity';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { NotificationView } from './dto/notification.dto.js';
import { NotificationEntity } from './notification.entity.js';
import { NOTIFY_CHANNEL, toNotificationView } from './notifications.service.js';
import { StreamRegistry } from './stream-registry.js';

/** Streams opened and closed on any API process, payload `open|close:<userId>:<streamId>`. */
export const STREAMS_CHANNEL = 'chance_streams';

/** One open server-sent event stream of this process. */
export interface OpenStream {
  userId: number;
  /** the session whose access token opened it: it closes when that session ends */
  sessionId?: string;
  send(notification: NotificationView): void;
  /** ends the response (the client's EventSource may reconnect, authenticated afresh) */
  end(): void;
}

/**
 * Feeds the server-sent event streams from the database, not from process memory: one LISTEN
 * connection per API process receives every committed notification (from any process) and hands
 * it to the streams of its user open here. The same connection hears sessions end (their streams
 * close at once) and streams open and close anywhere (each user keeps at most five, the oldest
 * closing first, across every process).
 */
@Injectable()
export class NotificationStream implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationStream');
  private readonly streams = new Map<string, OpenStream>();
  private readonly byUser = new Map<number, Set<string>>();
  /** every process's streams, as announced */
  private readonly cluster = new StreamRegistry();
  /** this process's streams alone: the cap holds here even while announcements cannot arrive */
  private readonly local = new StreamRegistry();
  private client?: pg.Client;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const stream of this.streams.values()) stream.end();
    await this.client?.end().catch(() => undefined);
  }

  /** Registers an open stream; returns what to call when it has closed, for whatever reason. */
  open(stream: OpenStream): () => void {
    const id = randomUUID();
    this.streams.set(id, stream);
    const mine = this.byUser.get(stream.userId) ?? new Set<string>();
    this.byUser.set(stream.userId, mine.add(id));
    for (const evicted of this.local.opened(stream.userId, id)) this.close(evicted);
    const announced = this.announce('open', stream.userId, id);
    return () => {
      if (!this.streams.delete(id)) return;
      mine.delete(id);
      if (mine.size === 0 && this.byUser.get(stream.userId) === mine) this.byUser.delete(stream.userId);
      this.local.closed(stream.userId, id);
      // after its own opening, so that every process hears the two in this order
      void announced.then(() => this.announce('close', stream.userId, id));
    };
  }

  private close(id: string): void {
    this.streams.get(id)?.end();
  }

  private streamsOf(userId: number): OpenStream[] {
    return [...(this.byUser.get(userId) ?? [])].map((id) => this.streams.get(id)!).filter(Boolean);
  }

  private announce(what: 'open' | 'close', userId: number, id: string): Promise<void> {
    return this.dataSource.query('SELECT pg_notify($1, $2)', [STREAMS_CHANNEL, `${what}:${userId}:${id}`]).then(
      () => undefined,
      (error: Error) => this.logger.warn(`could not announce a stream: ${error.message}`),
    );
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = newClient({ connectionString: options.url, application_name: 'chance-store-notify' }, (error) =>
      this.logger.warn(`listen connection lost: ${error.message}`),
    );
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === NOTIFY_CHANNEL) void this.dispatch(payload);
      else if (message.channel === SESSIONS_CHANNEL) this.sessionsEnded(payload);
      else if (message.channel === STREAMS_CHANNEL) this.streamAnnounced(payload);
    });
    client.on('end', () => {
      if (!this.stopped) setTimeout(() => void this.connect().catch((e) => this.logger.warn(`reconnect failed: ${e.message}`)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}; LISTEN ${SESSIONS_CHANNEL}; LISTEN ${STREAMS_CHANNEL}`);
    this.client = client;
  }

  private async dispatch(payload: string): Promise<void> {
    const [userId, id] = payload.split(':').map(Number);
    const mine = this.streamsOf(userId);
    if (mine.length === 0) return;
    const notification = await this.dataSource.manager.findOneBy(NotificationEntity, { id, userId });
    if (!notification) return;
    const view = toNotificationView(notification);
    for (const stream of mine) stream.send(view);
  }

  /** `<userId>:<sessionId>` or `<userId>:*`: those sessions have ended, and so do their streams. */
  private sessionsEnded(payload: string): void {
    const [user, session] = payload.split(':');
    for (const stream of this.streamsOf(Number(user))) {
      if (session === '*' || stream.sessionId === session) stream.end();
    }
  }

  private streamAnnounced(payload: string): void {
    const [what, user, id] = payload.split(':');
    const userId = Number(user);
    if (what === 'close') return this.cluster.closed(userId, id);
    for (const evicted of this.cluster.opened(userId, id)) this.close(evicted);
  }
}
