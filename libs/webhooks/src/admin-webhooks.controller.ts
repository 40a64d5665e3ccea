import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AdminOnly } from '@chance/identity';
import { CreatedWebhookView, CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryView, WebhookView } from './dto/webhook.dto.js';
import { DELIVERY_LIST, WebhookDeliveries } from './webhook-deliveries.service.js';
import { WEBHOOK_LIST, WebhooksService } from './webhooks.service.js';

@ApiTags('admin: webhooks')
@Controller('admin/webhooks')
@AdminOnly()
export class AdminWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiList(WEBHOOK_LIST, { summary: 'List webhook endpoints', description: 'q searches URL and description. Secrets are never listed.', type: WebhookView })
  list(@ListParams(WEBHOOK_LIST) query: ListQuery): Promise<ListPage<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One webhook endpoint',
    description: 'Its URL, events and state; never its signing secret (shown once, at creation). 404 NOT_FOUND when no endpoint has this id.',
  })
  @ApiResponse({ status: 200, type: WebhookView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<WebhookView> {
    return this.webhooks.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a webhook endpoint',
    description:
      'The answer carries the signing `secret` (whsec_…) this once. Every event of the chosen types is POSTed as {id, type, createdAt, data} ' +
      '(data: the record as the admin API shows it) with Chance-Event-Id and Chance-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">. ' +
      '2xx within 10 s is success; anything else (redirects included: they are not followed) is retried with growing delays for at least 24 h. ' +
      'A URL resolving to a loopback, private, link-local or unique-local address is a 400 unless WEBHOOK_ALLOW_PRIVATE_URLS=true; the address is checked again at every delivery.',
  })
  @ApiResponse({ status: 201, type: CreatedWebhookView })
  @ApiErrors()
  create(@Body() body: CreateWebhookDto): Promise<CreatedWebhookView> {
    return this.webhooks.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change URL, events, description or isActive (partial)',
    description: 'isActive: true re-activates an endpoint deactivated after 24 h of failures. 404 NOT_FOUND when no endpoint has this id.',
  })
  @ApiResponse({ status: 200, type: WebhookView })
  @ApiErrors('NOT_FOUND')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a webhook endpoint and its delivery log',
    description:
      'Its delivery log goes with it, deliveries not yet sent included; no further event is sent to its URL. 404 NOT_FOUND when no endpoint has this id.',
  })
  @ApiResponse({ status: 200, type: WebhookView })
  @ApiErrors('NOT_FOUND')
  remove(@Param('id', IdPipe) id: number): Promise<WebhookView> {
    return this.webhooks.remove(id);
  }

  @Post(':id/ping')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a ping event to the endpoint',
    description:
      'Whatever it subscribes to, also while inactive; {type: "ping", data: {webhookId}}. Answers the attempt, pending: its outcome shows in the delivery log. 404 NOT_FOUND when no endpoint has this id.',
  })
  @ApiResponse({ status: 202, type: WebhookDeliveryView })
  @ApiErrors('NOT_FOUND')
  ping(@Param('id', IdPipe) id: number): Promise<WebhookDeliveryView> {
    return this.webhooks.ping(id);
  }
}

@ApiTags('admin: webhooks')
@Controller('admin/webhook-deliveries')
@AdminOnly()
export class AdminWebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  @Get()
  @ApiList(DELIVERY_LIST, {
    summary: 'The delivery log: one row per attempt, newest first',
    description: 'filter webhookId, status (pending, succeeded, failed), type, eventId (evt_…, as the receiver saw it), createdAt_gte/lte.',
    type: WebhookDeliveryView,
  })
  list(@ListParams(DELIVERY_LIST) query: ListQuery): Promise<ListPage<WebhookDeliveryView>> {
    return this.deliveries.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One delivery attempt',
    description: 'The event, the answer status and timing of one attempt. 404 NOT_FOUND when no delivery has this id.',
  })
  @ApiResponse({ status: 200, type: WebhookDeliveryView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<WebhookDeliveryView> {
    return this.deliveries.get(id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send the event of this delivery again, now',
    description:
      'Same event id and body; a retry already scheduled is brought forward instead of doubled. Answers that attempt, pending. 404 NOT_FOUND when no delivery has this id.',
  })
  @ApiResponse({ status: 202, type: WebhookDeliveryView })
  @ApiErrors('NOT_FOUND')
  retry(@Param('id', IdPipe) id: number): Promise<WebhookDeliveryView> {
    return this.deliveries.retry(id);
  }
}
