import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, BULK_MAX_IDS, BulkIdsDto, BulkResultView, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AllowQueryToken, CurrentUser, SessionsService, SignedIn, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import { NotificationStream } from './notification-stream.js';
import { CountView, NotificationViewDoc, type NotificationView } from './dto/notification.dto.js';
import { NOTIFICATION_LIST, NotificationsService } from './notifications.service.js';

/** setTimeout's longest delay (a longer one fires at once) */
const MAX_TIMER_MS = 2 ** 31 - 1;

@ApiTags('me: notifications')
@Controller('me')
@SignedIn()
export class MyNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStream,
    private readonly sessions: SessionsService,
  ) {}

  @Get('notifications')
  @ApiList(NOTIFICATION_LIST, { summary: 'Your notifications', description: 'Filter unread=true for the unread ones.', type: NotificationViewDoc })
  list(@CurrentUser() caller: Caller, @ListParams(NOTIFICATION_LIST) query: ListQuery): Promise<ListPage<NotificationView>> {
    return this.notifications.list(caller.id, query);
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread', description: 'For the bell: {count}. Only the caller’s own notifications count.' })
  @ApiResponse({ status: 200, type: CountView })
  async unreadCount(@CurrentUser() caller: Caller): Promise<CountView> {
    return { count: await this.notifications.unreadCount(caller.id) };
  }

  @Get('notifications/stream')
  @AllowQueryToken()
  @ApiOperation({
    summary: 'New notifications as server-sent events',
    description:
      'One `notification` event per new notification. EventSource cannot send headers: pass ?accessToken= instead. ' +
      'A stream closes when its access token expires and as soon as its session ends (logout, logout everywhere, a password change, a deactivation); ' +
      'at most 5 are open per user: opening a sixth closes the oldest.',
  })
  @ApiQuery({
    name: 'accessToken',
    required: false,
    description: 'The access token, for clients that cannot send an Authorization header (EventSource); without either, 401 UNAUTHENTICATED',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'text/event-stream: a `: connected` comment, then one `notification` event per new notification (its id, and the notification as JSON data)',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          ': connected\n\nid: 42\nevent: notification\ndata: {"id":42,"type":"order_update","title":"Order ORD-000042 shipped","body":"It is on its way.","link":{"resource":"orders","id":42},"readAt":null,"createdAt":"2026-12-07T10:15:00.000Z"}\n\n',
      },
    },
  })
  streamEvents(@CurrentUser() caller: Caller, @Res() reply: FastifyReply): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
    });
    raw.write(': connected\n\n');
    const end = () => {
      if (!raw.writableEnded) raw.end();
    };
    const closed = this.stream.open({
      userId: caller.id,
      sessionId: caller.sessionId,
      send: (notification) => raw.write(`id: ${notification.id}\nevent: notification\ndata: ${JSON.stringify(notification)}\n\n`),
      end,
    });
    // a stream lasts no longer than its access token (EventSource reconnects, authenticated afresh)
    const expires = setTimeout(end, Math.min(MAX_TIMER_MS, Math.max(0, (caller.expiresAt?.getTime() ?? Date.now()) - Date.now())));
    // ended sessions close their streams at once (NOTIFY); the heartbeat also checks, in case one was missed
    const heartbeat = setInterval(() => {
      void this.sessions.userOf(caller.id, caller.sessionId ?? '').then((user) => (user ? raw.write(': ping\n\n') : end()), end);
    }, 25_000);
    raw.once('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expires);
      closed();
    });
  }

  @Get('notifications/:id')
  @ApiOperation({ summary: 'One of your notifications', description: 'Another user’s notification is 404 NOT_FOUND, as one that does not exist.' })
  @ApiResponse({ status: 200, type: NotificationViewDoc })
  @ApiErrors('NOT_FOUND')
  get(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number): Promise<NotificationView> {
    return this.notifications.get(caller.id, id);
  }

  @Post('notifications/:id/read')
  @ApiOperation({
    summary: 'Mark one of your notifications read',
    description: 'Reading it again keeps its first readAt. Another user’s notification is 404 NOT_FOUND.',
  })
  @HttpCode(200)
  @ApiResponse({ status: 200, type: NotificationViewDoc })
  @ApiErrors('NOT_FOUND')
  read(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(caller.id, id);
  }

  @Post('notifications/read-all')
  @ApiOperation({ summary: 'Mark all your notifications read', description: 'Answers how many were unread and are now read (0 when none were).' })
  @HttpCode(200)
  @ApiResponse({ status: 200, type: CountView, description: 'How many were marked read' })
  async readAll(@CurrentUser() caller: Caller): Promise<CountView> {
    return { count: await this.notifications.markAllRead(caller.id) };
  }

  @Post('notifications/bulk-read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark several of your notifications read',
    description:
      `POST /notifications/:id/read for each notification named (1 to ${BULK_MAX_IDS} distinct ids, else 400 VALIDATION_FAILED). ` +
      'One that is not yours, or does not exist, is listed in `failed` with 404 NOT_FOUND; one already read stays as it was and counts as done.',
  })
  @ApiResponse({ status: 200, type: BulkResultView })
  @ApiErrors()
  readMany(@CurrentUser() caller: Caller, @Body() body: BulkIdsDto): Promise<BulkResultView> {
    return this.notifications.markManyRead(caller.id, body.ids);
  }
}
