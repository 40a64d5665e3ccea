import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { NotificationEntity, NOTIFY_CHANNEL, toNotificationView, type NotificationView } from './notifications.service.js';

type Listener = (notification: NotificationView) => void;

/**
 * Feeds the server-sent event streams from the database, not from process memory: one LISTEN
 * connection per API process receives every committed notification (from any process) and hands
 * it to the streams of its user open here.
 */
@Injectable()
export class NotificationStream implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationStream');
  private readonly listeners = new Map<number, Set<Listener>>();
  private client?: pg.Client;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  subscribe(userId: number, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: options.url, application_name: 'chance-store-notify' });
    client.on('notification', (message) => void this.dispatch(message.payload ?? ''));
    client.on('error', (error) => this.logger.warn(`listen connection lost: ${error.message}`));
    client.on('end', () => {
      if (!this.stopped) setTimeout(() => void this.connect().catch((e) => this.logger.warn(`reconnect failed: ${e.message}`)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.client = client;
  }

  private async dispatch(payload: string): Promise<void> {
    const [userId, id] = payload.split(':').map(Number);
    const listeners = this.listeners.get(userId);
    if (!listeners?.size) return;
    const notification = await this.dataSource.manager.findOneBy(NotificationEntity, { id, userId });
    if (!notification) return;
    const view = toNotificationView(notification);
    for (const listener of listeners) listener(view);
  }
}
