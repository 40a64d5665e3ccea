import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  RateLimiter,
  STORE_MAX_ROWS,
  findPage,
  notFound,
  publish,
  validationFailed,
  OutboxRelay,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  type AppConfig,
  type OutboxEvent,
} from '@chance/core';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { bigintNumber } from '@chance/core';
import { NOTIFYING_EVENTS, notificationsFor, type Audience, type NotificationDraft } from './notification-rules.js';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) id: number;
  @Column({ name: 'user_id', type: 'integer' }) userId: number;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'link_resource', type: 'text', nullable: true }) linkResource: string | null;
  @Column({ name: 'link_id', type: 'integer', nullable: true }) linkId: number | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export interface NotificationView {
  id: number;
  type: string;
  title: string;
  body: string;
  link: { resource: string; id: number } | null;
  readAt: Date | null;
  createdAt: Date;
}

export const toNotificationView = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  link: n.linkResource && n.linkId !== null ? { resource: n.linkResource, id: n.linkId } : null,
  readAt: n.readAt,
  createdAt: n.createdAt,
});

export const NOTIFICATION_LIST: ListSpec = {
  resource: 'notifications',
  maxRows: STORE_MAX_ROWS,
  sortable: ['id', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  filters: { unread: { type: 'boolean' }, type: { type: 'enum', values: ['order_update', 'product_update', 'message', 'booking_update', 'low_stock'] } },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'n.id', createdAt: 'n.createdAt', type: 'n.type' },
  custom: { unread: (qb, value) => qb.andWhere(`n.readAt IS ${value ? '' : 'NOT '}NULL`) },
};

/** The channel PostgreSQL announces new notifications on (payload `<userId>:<notificationId>`). */
export const NOTIFY_CHANNEL = 'chance_notifications';

/**
 * Per-user notifications. Created by outbox handlers (once per event and recipient: a unique
 * (event, user) key), announced with NOTIFY on commit so every API process can stream them.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const type of NOTIFYING_EVENTS) {
      this.relay.register(type, `notifications:${type}`, (event, manager) => this.deliver(event, manager));
    }
  }

  async deliver(event: OutboxEvent, manager: EntityManager): Promise<void> {
    for (const draft of notificationsFor(event.type, event.payload)) await this.insert(manager, event.id, draft);
  }

  private async insert(manager: EntityManager, eventId: number, draft: NotificationDraft): Promise<void> {
    const recipients = recipientsSql(draft.audience);
    await manager.query(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, event_id)
         SELECT r.id, $1, $2, $3, $4, $5, $6 FROM (${recipients.sql}) r
         ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING
         RETURNING id, user_id)
       SELECT count(pg_notify('${NOTIFY_CHANNEL}', user_id::text || ':' || id::text)) FROM inserted`,
      [draft.type, draft.title, draft.body, draft.link?.resource ?? null, draft.link?.id ?? null, eventId, ...recipients.params],
    );
  }

  async list(userId: number, query: ListQuery): Promise<ListPage<NotificationView>> {
    const qb = this.dataSource.manager.createQueryBuilder(NotificationEntity, 'n').where('n.userId = :userId', { userId });
    return (await findPage('notifications', qb, query, COLUMNS)).map(toNotificationView);
  }

  async unreadCount(userId: number): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return count;
  }

  /** Marks one of the user's notifications read; another user's is 404. */
  async markRead(userId: number, id: number): Promise<NotificationView> {
    await this.dataSource.query('UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2', [id, userId]);
    return this.get(userId, id);
  }

  async markAllRead(userId: number): Promise<number> {
    const [, count] = await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return count;
  }

  async get(userId: number, id: number): Promise<NotificationView> {
    const notification = await this.dataSource.manager.findOneBy(NotificationEntity, { id, userId });
    if (!notification) throw notFound('Notification');
    return toNotificationView(notification);
  }

  /** A customer's message to the shop: each one notifies every admin and staff member, so they are limited per user (SPEC section 20). */
  async sendFromCustomer(userId: number, message: { title: string; body: string }): Promise<void> {
    const { messagesPerHour, messagesWindowSeconds } = this.config.rateLimits;
    await this.limiter.consume({ key: `messages:${userId}`, limit: messagesPerHour, windowSeconds: messagesWindowSeconds });
    await this.send({ fromUserId: userId, toStaff: true, ...message });
  }

  /** Messages go through the outbox too: durable, delivered after commit, once per recipient. */
  async send(message: { fromUserId: number; toUserId?: number; toStaff?: boolean; title: string; body: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (message.toUserId !== undefined) {
        const [user] = await manager.query('SELECT 1 FROM users WHERE id = $1', [message.toUserId]);
        if (!user) throw validationFailed({ userId: 'does not exist' });
      }
      await publish(manager, 'notifications.message', { ...message, toUserId: message.toUserId ?? null });
    });
    this.relay.kick();
  }
}

function recipientsSql(audience: Audience): { sql: string; params: unknown[] } {
  switch (audience.kind) {
    case 'user':
      return { sql: 'SELECT id FROM users WHERE id = $7 AND is_active', params: [audience.userId] };
    case 'staff':
      return { sql: `SELECT id FROM users WHERE role IN ('admin', 'staff') AND is_active`, params: [] };
    case 'all-customers':
      return { sql: `SELECT id FROM users WHERE role = 'customer' AND is_active`, params: [] };
    case 'cart-holders':
      return {
        sql: `SELECT DISTINCT c.customer_id AS id FROM carts c JOIN cart_items ci ON ci.cart_id = c.id JOIN variants v ON v.id = ci.variant_id
               WHERE c.status = 'active' AND c.customer_id IS NOT NULL AND v.product_id = $7`,
        params: [audience.productId],
      };
  }
}
