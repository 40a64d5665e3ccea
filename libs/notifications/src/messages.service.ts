import { Inject, Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  APP_CONFIG,
  OutboxRelay,
  RateLimiter,
  STORE_MAX_ROWS,
  findPage,
  inTransaction,
  publish,
  validationFailed,
  type AppConfig,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { contactOf } from '@chance/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { MESSAGE_DIRECTIONS, type MessageDirection, type MessageView } from './dto/notification.dto.js';
import { MessageEntity } from './message.entity.js';

const toMessageView = (m: MessageEntity): MessageView => ({
  id: m.id,
  direction: m.direction,
  userId: m.userId,
  userName: m.userName,
  userEmail: m.userEmail,
  title: m.title,
  body: m.body,
  createdAt: m.createdAt,
});

/** `GET /api/admin/messages`: every message, broadcasts once. */
export const MESSAGE_LIST: ListSpec = {
  resource: 'messages',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: {
    userId: { type: 'int' },
    direction: { type: 'enum', values: MESSAGE_DIRECTIONS },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
  },
};

/** `GET /api/me/messages`: the signed-in customer's own. */
export const MY_MESSAGE_LIST: ListSpec = {
  resource: 'messages',
  maxRows: STORE_MAX_ROWS,
  sortable: ['id', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  filters: { direction: { type: 'enum', values: MESSAGE_DIRECTIONS } },
};

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'm.id', createdAt: 'm.createdAt', userId: 'm.userId', direction: 'm.direction' },
  // the expression of messages_search_trgm_idx
  searchConditions: [`(COALESCE(m.user_name, '') || ' ' || COALESCE(m.user_email, '') || ' ' || m.title) ILIKE :listQ`],
};

interface NewMessage {
  direction: MessageDirection;
  /** the customer written to or by; null: every customer */
  userId: number | null;
  senderId: number;
  title: string;
  body: string;
}

/**
 * Messages (docs/api.md#messages): each send is one transaction that keeps the message (with a
 * snapshot of the customer's name and e-mail) and writes its `message.sent` event to the outbox,
 * which notifies the recipients after commit. A back-office send is audited by the table's trigger.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The shop writes to one user (`userId`) or to every customer (a broadcast: one record, `userId` null). */
  async sendToCustomer(senderId: number, message: { userId?: number; title: string; body: string }): Promise<MessageView> {
    return this.send({ direction: 'to_customer', userId: message.userId ?? null, senderId, title: message.title, body: message.body });
  }

  /** A customer's message to the shop: each one notifies every admin and staff member, so they are limited per user (docs/api.md#limits). */
  async sendFromCustomer(userId: number, message: { title: string; body: string }): Promise<MessageView> {
    const { messagesPerHour, messagesWindowSeconds } = this.config.rateLimits;
    await this.limiter.consume({ key: `messages:${userId}`, limit: messagesPerHour, windowSeconds: messagesWindowSeconds });
    return this.send({ direction: 'from_customer', userId, senderId: userId, ...message });
  }

  private async send(message: NewMessage): Promise<MessageView> {
    const kept = await inTransaction(this.dataSource, async (manager) => {
      const record = await this.keep(manager, message);
      await publish(manager, 'message.sent', {
        messageId: record.id,
        fromUserId: message.senderId,
        fromName: message.direction === 'from_customer' ? record.userName || record.userEmail : null,
        toUserId: message.direction === 'to_customer' ? message.userId : null,
        ...(message.direction === 'from_customer' ? { toStaff: true } : {}),
        title: message.title,
        body: message.body,
      });
      return record;
    });
    this.relay.kick();
    return toMessageView(kept);
  }

  /** The record, with the account's name and e-mail as they are now; a user that does not exist is a 400 on `userId`. */
  private async keep(manager: EntityManager, message: NewMessage): Promise<MessageEntity> {
    const contact = message.userId === null ? null : await contactOf(manager, message.userId);
    if (message.userId !== null && !contact) throw validationFailed({ userId: 'does not exist' });
    const [row] = await manager.query(
      `INSERT INTO messages (direction, user_id, user_name, user_email, sender_id, title, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, direction, user_id AS "userId", user_name AS "userName", user_email AS "userEmail", sender_id AS "senderId", title, body, created_at AS "createdAt"`,
      [message.direction, message.userId, contact?.fullName ?? null, contact?.email ?? null, message.senderId, message.title, message.body],
    );
    return { ...row, id: Number(row.id) };
  }

  /** Every message (admins and staff), broadcasts once. */
  async list(query: ListQuery): Promise<ListPage<MessageView>> {
    return (await findPage('messages', this.dataSource.manager.createQueryBuilder(MessageEntity, 'm'), query, COLUMNS)).map(toMessageView);
  }

  /** A customer's own messages, both directions: those written to them by name and those they wrote (not broadcasts). */
  async listOwn(userId: number, query: ListQuery): Promise<ListPage<MessageView>> {
    const qb = this.dataSource.manager.createQueryBuilder(MessageEntity, 'm').where('m.userId = :userId', { userId });
    return (await findPage('messages', qb, query, COLUMNS)).map(toMessageView);
  }
}
