import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  APP_CONFIG,
  type SecretBox,
  findPage,
  inTransaction,
  notFound,
  updateRow,
  validationFailed,
  type AppConfig,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { PrivateAddressError, hostOf, publicAddressesOf } from './address-guard.js';
import type { CreatedWebhookView, CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryView, WebhookView } from './dto/webhook.dto.js';
import { WebhookDeliveries } from './webhook-deliveries.service.js';
import { PING, eventBody, publicEventId } from './webhook-events.js';
import { newWebhookSecret, webhookSecretBox } from './webhook-signature.js';
import { WebhookEntity } from './webhook.entities.js';

export const WEBHOOK_LIST: ListSpec = {
  resource: 'webhooks',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'url', 'createdAt', 'isActive'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: { isActive: { type: 'boolean' } },
};

const COLUMNS: ListColumns = {
  columns: { id: 'w.id', url: 'w.url', createdAt: 'w.createdAt', isActive: 'w.isActive' },
  search: ['w.url', 'w.description'],
};

export const toWebhookView = (w: WebhookEntity): WebhookView => ({
  id: w.id,
  url: w.url,
  events: w.events,
  description: w.description,
  isActive: w.isActive,
  failingSince: w.failingSince,
  deactivatedAt: w.deactivatedAt,
  createdAt: w.createdAt,
});

/**
 * Webhook endpoints (docs/api.md#webhooks): a URL checked against the private-address guard, the events
 * it subscribes to, and a signing secret shown once and kept sealed. Pings go out like any event.
 */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = webhookSecretBox(config.jwtSecret);
  }

  async create(input: CreateWebhookDto): Promise<CreatedWebhookView> {
    const url = await this.checkedUrl(input.url);
    const secret = newWebhookSecret();
    const webhook = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query(`INSERT INTO webhooks (url, events, description, is_active, sealed_secret) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        url,
        input.events,
        input.description?.trim() ?? '',
        input.isActive ?? true,
        this.box.seal(secret),
      ]);
      return this.load(manager, row.id);
    });
    return { ...toWebhookView(webhook), secret };
  }

  async update(id: number, input: UpdateWebhookDto): Promise<WebhookView> {
    const url = input.url === undefined ? undefined : await this.checkedUrl(input.url);
    return inTransaction(this.dataSource, async (manager) => {
      const [found] = await manager.query('SELECT is_active FROM webhooks WHERE id = $1 FOR UPDATE', [id]);
      if (!found) throw notFound('Webhook');
      await updateRow(
        manager,
        'webhooks',
        id,
        { url, events: input.events, description: input.description?.trim(), isActive: input.isActive },
        { url: 'url', events: 'events', description: 'description', isActive: 'is_active' },
      );
      // re-activated: its failures are forgiven (24 more hours before it is deactivated again)
      if (input.isActive === true && !found.is_active)
        await manager.query('UPDATE webhooks SET failing_since = NULL, deactivated_at = NULL WHERE id = $1', [id]);
      return toWebhookView(await this.load(manager, id));
    });
  }

  /** Deletes the endpoint and its delivery log. */
  async remove(id: number): Promise<WebhookView> {
    return inTransaction(this.dataSource, async (manager) => {
      const webhook = toWebhookView(await this.load(manager, id));
      await manager.query('DELETE FROM webhooks WHERE id = $1', [id]);
      return webhook;
    });
  }

  async list(query: ListQuery): Promise<ListPage<WebhookView>> {
    return (await findPage('webhooks', this.dataSource.manager.createQueryBuilder(WebhookEntity, 'w'), query, COLUMNS)).map(toWebhookView);
  }

  async get(id: number): Promise<WebhookView> {
    return toWebhookView(await this.load(this.dataSource.manager, id));
  }

  /** Sends a `ping` event to the endpoint, whatever it subscribes to (also while it is inactive): its first attempt, pending. */
  async ping(id: number): Promise<WebhookDeliveryView> {
    const delivery = await inTransaction(this.dataSource, async (manager) => {
      await this.load(manager, id);
      const uuid = randomUUID();
      const now = new Date();
      await manager.query('INSERT INTO webhook_events (id, type, body, created_at) VALUES ($1, $2, $3, $4)', [
        uuid,
        PING,
        eventBody(publicEventId(uuid), PING, now, { webhookId: id }),
        now,
      ]);
      const [row] = await manager.query(`INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt) VALUES ($1, $2, $3, 1) RETURNING id`, [
        id,
        uuid,
        PING,
      ]);
      return this.deliveries.getIn(manager, Number(row.id));
    });
    this.deliveries.sendSoon();
    return delivery;
  }

  /** The URL as stored: http(s), and (unless WEBHOOK_ALLOW_PRIVATE_URLS) resolving to public addresses only. */
  private async checkedUrl(raw: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw validationFailed({ url: 'must be an absolute http(s) URL' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw validationFailed({ url: 'must be an http or https URL' });
    if (!this.config.webhooks.allowPrivateUrls) {
      try {
        await publicAddressesOf(hostOf(url));
      } catch (error) {
        if (error instanceof PrivateAddressError) {
          throw validationFailed({ url: 'resolves to a loopback, private or link-local address (allowed only with WEBHOOK_ALLOW_PRIVATE_URLS=true)' });
        }
        throw validationFailed({ url: `its host does not resolve (${(error as NodeJS.ErrnoException).code ?? 'no address'})` });
      }
    }
    return url.toString();
  }

  private async load(manager: EntityManager, id: number): Promise<WebhookEntity> {
    const webhook = await manager.findOneBy(WebhookEntity, { id });
    if (!webhook) throw notFound('Webhook');
    return webhook;
  }
}
