import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  STORE_MAX_ROWS,
  findPage,
  type BulkResultView,
  notFound,
  OutboxRelay,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  type OutboxEvent,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { customersHoldingProducts } from '@chance/cart';
import { activeUserIds, activeUserIdsWithRoles, BACK_OFFICE } from '@chance/identity';
import type { NotificationView } from './dto/notification.dto.js';
import { NotificationEntity } from './notification.entity.js';
import { NOTIFYING_EVENTS, notificationsFor, type Audience, type NotifyingEventName } from './notification-rules.js';

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
 * Per-user notifications. Created by the outbox handler `notifications` (once per event and
 * recipient: a unique (event, user) key), announced with NOTIFY on commit so every API process
 * can stream them.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.registerBatch(NOTIFYING_EVENTS, 'notifications', (events, manager) => this.deliver(events, manager));
  }

  /**
   * The notifications of a batch of events: every draft of every event (in event order), its
   * recipients resolved by the libraries that know them (identity: active users and staff; cart:
   * who holds a product), then inserted in one statement once per (event, user), each announced on
   * commit.
   */
  async deliver(events: OutboxEvent<NotifyingEventName>[], manager: EntityManager): Promise<void> {
    const drafts = events.flatMap((event) => notificationsFor(event).map((draft) => ({ event, draft })));
    if (drafts.length === 0) return;
    const recipients = await this.recipients(
      manager,
      drafts.map(({ draft }) => draft.audience),
    );
    const pairs = drafts.flatMap((_, seq) => recipients[seq].map((userId) => [seq, userId] as const));
    if (pairs.length === 0) return;
    await manager.query(
      `WITH draft AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS d(seq int, event_id bigint, type text, title text, body text, link_resource text, link_id int)),
       inserted AS (
         INSERT INTO notifications (user_id, type, title, body, link_resource, link_id, event_id)
         SELECT r.user_id, d.type, d.title, d.body, d.link_resource, d.link_id, d.event_id
           FROM draft d JOIN unnest($2::int[], $3::int[]) AS r(seq, user_id) ON r.seq = d.seq
          ORDER BY d.seq, r.user_id
         ON CONFLICT ON CONSTRAINT notifications_once_per_event DO NOTHING
         RETURNING id, user_id)
       SELECT count(pg_notify('${NOTIFY_CHANNEL}', user_id::text || ':' || id::text)) FROM inserted`,
      [
        JSON.stringify(
          drafts.map(({ event, draft }, seq) => ({
            seq,
            event_id: event.id,
            type: draft.type,
            title: draft.title,
            body: draft.body,
            link_resource: draft.link?.resource ?? null,
            link_id: draft.link?.id ?? null,
          })),
        ),
        pairs.map(([seq]) => seq),
        pairs.map(([, userId]) => userId),
      ],
    );
  }

  /** The users each audience reaches (in id order): one query per kind of audience the batch holds. */
  private async recipients(manager: EntityManager, audiences: Audience[]): Promise<number[][]> {
    const named = audiences.flatMap((a) => (a.kind === 'user' ? [a.userId] : []));
    const products = audiences.flatMap((a) => (a.kind === 'cart-holders' ? [a.productId] : []));
    // sequential: the relay's transaction has one connection
    const active = new Set(await activeUserIds(manager, named));
    const staff = audiences.some((a) => a.kind === 'staff') ? await activeUserIdsWithRoles(manager, BACK_OFFICE) : [];
    const admins = audiences.some((a) => a.kind === 'admins') ? await activeUserIdsWithRoles(manager, ['admin']) : [];
    const customers = audiences.some((a) => a.kind === 'all-customers') ? await activeUserIdsWithRoles(manager, ['customer']) : [];
    const holders = await customersHoldingProducts(manager, products);
    return audiences.map((a) => {
      switch (a.kind) {
        case 'user':
          return active.has(a.userId) ? [a.userId] : [];
        case 'staff':
          return staff;
        case 'admins':
          return admins;
        case 'all-customers':
          return customers;
        case 'cart-holders':
          return holders.get(a.productId) ?? [];
      }
    });
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

  /**
   * Marks several of the user's notifications read in one statement: the ids it changed (an
   * already-read one keeps its readAt and counts as done) succeed, the others (another user's, or
   * none) fail with 404 NOT_FOUND, as POST /notifications/:id/read answers each; in the order given.
   */
  async markManyRead(userId: number, ids: readonly number[]): Promise<BulkResultView> {
    // an UPDATE answers [rows, count]
    const [rows]: [{ id: number }[], number] = await this.dataSource.query(
      'UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = ANY($1) AND user_id = $2 RETURNING id',
      [ids, userId],
    );
    const read = new Set(rows.map((r) => Number(r.id)));
    const missing = notFound('Notification');
    return {
      succeeded: ids.filter((id) => read.has(id)),
      failed: ids.filter((id) => !read.has(id)).map((id) => ({ id, code: missing.code, message: missing.message })),
    };
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
}
