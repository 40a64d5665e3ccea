import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxRelay, type OutboxEvent } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { DELIVERED_EVENTS, eventBody, publicEventId, type DeliveredEvent } from './webhook-events.js';
import { WebhookRecords } from './webhook-records.js';

/**
 * Turns committed outbox events into webhook deliveries, as an after-commit handler of the relay
 * (docs/architecture.md, "The relay"): outside the raising transaction, it reads the record as the
 * admin API shows it, then in one short transaction writes the event's body (signed as these
 * bytes on every attempt) and a first `pending` attempt per active endpoint subscribed to its type,
 * together with the relay's delivery record — so a crash before that commit hands the event over
 * again, and one after it never doubles the attempts. Sending is the dispatcher's work, which this
 * wakes up: nothing here waits for an endpoint, so a slow one never holds up the relay.
 */
@Injectable()
export class WebhookFanOut implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly records: WebhookRecords,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    this.relay.registerAfterCommit(DELIVERED_EVENTS, 'webhooks', (event, delivery) => this.fanOut(event, delivery));
  }

  async fanOut(event: OutboxEvent<DeliveredEvent>, delivery: { record(manager: EntityManager): Promise<void> }): Promise<void> {
    const [subscribed] = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM webhooks WHERE is_active AND $1 = ANY(events)) AS any', [event.type]);
    if (!subscribed.any) return; // the relay records the delivery: nobody listens to this type
    const data = await this.records.dataOf(event);
    const uuid = randomUUID();
    const body = eventBody(publicEventId(uuid), event.type, event.occurredAt, data);
    const attempts = await this.dataSource.transaction(async (manager) => {
      const [written] = await manager.query(
        `INSERT INTO webhook_events (id, outbox_event_id, type, body, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (outbox_event_id) DO NOTHING RETURNING id`,
        [uuid, event.id, event.type, body, event.occurredAt],
      );
      let count = 0;
      if (written) {
        const inserted = await manager.query(
          `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt)
           SELECT id, $1, $2, 1 FROM webhooks WHERE is_active AND $2 = ANY(events) ORDER BY id RETURNING id`,
          [uuid, event.type],
        );
        count = inserted.length;
      }
      await delivery.record(manager);
      return count;
    });
    if (attempts !== 0) this.dispatcher.kick();
  }
}
