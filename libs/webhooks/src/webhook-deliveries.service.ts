import { Injectable } from '@nestjs/common';
import { ADMIN_MAX_ROWS, findPage, inTransaction, notFound, type ListColumns, type ListPage, type ListQuery, type ListSpec } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { DELIVERY_STATUSES, type WebhookDeliveryView } from './dto/webhook.dto.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { publicEventId } from './webhook-events.js';
import { WebhookDeliveryEntity } from './webhook.entities.js';

export const DELIVERY_LIST: ListSpec = {
  resource: 'webhook-deliveries',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'createdAt', 'dueAt', 'attempt'],
  defaultSort: ['id', 'DESC'],
  filters: {
    webhookId: { type: 'int' },
    status: { type: 'enum', values: DELIVERY_STATUSES },
    type: { type: 'string' },
    eventId: { type: 'string' },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
  },
};

const EVENT_ID = /^evt_([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

const COLUMNS: ListColumns = {
  deferredJoin: true,
  columns: { id: 'd.id', createdAt: 'd.createdAt', dueAt: 'd.dueAt', attempt: 'd.attempt', webhookId: 'd.webhookId', status: 'd.status', type: 'd.type' },
  custom: {
    // `evt_…` as the receiver saw it
    eventId: (qb, value) => {
      const match = EVENT_ID.exec(String(value));
      qb.andWhere('d.eventUuid = :eventUuid', { eventUuid: match ? match.slice(1).join('-') : '00000000-0000-0000-0000-000000000000' });
    },
  },
};

export const toDeliveryView = (d: WebhookDeliveryEntity): WebhookDeliveryView => ({
  id: d.id,
  webhookId: d.webhookId,
  eventId: publicEventId(d.eventUuid),
  type: d.type,
  attempt: d.attempt,
  status: d.status,
  responseStatus: d.responseStatus,
  responseBody: d.responseBody,
  durationMs: d.durationMs,
  error: d.error,
  dueAt: d.dueAt,
  createdAt: d.createdAt,
});

/** The delivery log (`webhook-deliveries`, read only) and its one action, retry. */
@Injectable()
export class WebhookDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async list(query: ListQuery): Promise<ListPage<WebhookDeliveryView>> {
    return (await findPage('webhook-deliveries', this.dataSource.manager.createQueryBuilder(WebhookDeliveryEntity, 'd'), query, COLUMNS)).map(toDeliveryView);
  }

  get(id: number): Promise<WebhookDeliveryView> {
    return this.getIn(this.dataSource.manager, id);
  }

  async getIn(manager: EntityManager, id: number): Promise<WebhookDeliveryView> {
    const delivery = await manager.findOneBy(WebhookDeliveryEntity, { id });
    if (!delivery) throw notFound('Webhook delivery');
    return toDeliveryView(delivery);
  }

  /**
   * Sends the delivery's event to its endpoint again, now: a retry already waiting for its time is
   * brought forward, one being sent is left to finish, otherwise a new attempt is written. Answers
   * that attempt, pending (the endpoint's row is locked, so two retries never take one number).
   */
  async retry(id: number): Promise<WebhookDeliveryView> {
    const attempt = await inTransaction(this.dataSource, async (manager) => {
      const [delivery] = await manager.query('SELECT webhook_id, event_id, type FROM webhook_deliveries WHERE id = $1', [id]);
      if (!delivery) throw notFound('Webhook delivery');
      await manager.query('SELECT 1 FROM webhooks WHERE id = $1 FOR UPDATE', [delivery.webhook_id]);
      const [waiting] = await manager.query(
        `WITH waiting AS (
           UPDATE webhook_deliveries SET due_at = LEAST(due_at, now())
            WHERE webhook_id = $1 AND event_id = $2 AND status = 'pending' RETURNING id)
         SELECT id FROM waiting ORDER BY id LIMIT 1`,
        [delivery.webhook_id, delivery.event_id],
      );
      if (waiting) return this.getIn(manager, Number(waiting.id));
      const [created] = await manager.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt)
         SELECT $1, $2, $3, max(attempt) + 1 FROM webhook_deliveries WHERE webhook_id = $1 AND event_id = $2 RETURNING id`,
        [delivery.webhook_id, delivery.event_id, delivery.type],
      );
      return this.getIn(manager, Number(created.id));
    });
    this.sendSoon();
    return attempt;
  }

  /** New attempts were committed: the dispatcher looks for them now rather than at its next tick. */
  sendSoon(): void {
    this.dispatcher.kick();
  }
}
