import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { APP_CONFIG, ApiErrors, ApiList, IdPipe, ListParams, type AppConfig, type ListPage, type ListQuery } from '@chance/core';
import { AllowQueryToken, BackOffice, CurrentUser, Roles, SignedIn, type Caller } from '@chance/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotificationStream } from './notification-stream.js';
import { NOTIFICATION_LIST, NotificationsService, type NotificationView } from './notifications.service.js';

export class MessageDto {
  @ApiProperty({ example: 'Opening hours' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ example: 'We are closed on Monday.' }) @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
}

export class AdminMessageDto extends MessageDto {
  @ApiPropertyOptional({ description: 'One user; absent: every customer' }) @IsOptional() @IsInt() @Min(1) userId?: number;
}

class NotificationLinkView {
  @ApiProperty() resource: string;
  @ApiProperty() id: number;
}

class NotificationViewDoc {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['order_update', 'product_update', 'message', 'booking_update', 'low_stock'] }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: NotificationLinkView, nullable: true }) link: NotificationLinkView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

class CountView {
  @ApiProperty() count: number;
}

@ApiTags('me: notifications')
@Controller('me')
@SignedIn()
export class MyNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStream,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Your notifications', description: 'Filter unread=true for the unread ones.' })
  @ApiList(NOTIFICATION_LIST)
  @ApiResponse({ status: 200, type: [NotificationViewDoc] })
  @ApiErrors()
  list(@CurrentUser() caller: Caller, @ListParams(NOTIFICATION_LIST) query: ListQuery): Promise<ListPage<NotificationView>> {
    return this.notifications.list(caller.id, query);
  }

  @Get('notifications/unread-count')
  @ApiResponse({ status: 200, type: CountView })
  async unreadCount(@CurrentUser() caller: Caller): Promise<CountView> {
    return { count: await this.notifications.unreadCount(caller.id) };
  }

  @Get('notifications/stream')
  @AllowQueryToken()
  @ApiOperation({
    summary: 'New notifications as server-sent events',
    description: 'One `notification` event per new notification. EventSource cannot send headers: pass ?accessToken= instead.',
  })
  @ApiQuery({ name: 'accessToken', required: false })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream' })
  streamEvents(@CurrentUser() caller: Caller, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
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
    const unsubscribe = this.stream.subscribe(caller.id, (notification) => {
      raw.write(`id: ${notification.id}\nevent: notification\ndata: ${JSON.stringify(notification)}\n\n`);
    });
    // a stream lasts no longer than an access token, and ends as soon as the user is deactivated:
    // EventSource reconnects, and the reconnection is authenticated afresh
    const ends = setTimeout(() => raw.end(), this.config.accessTokenTtlSeconds * 1000);
    const heartbeat = setInterval(() => {
      void this.notifications.isActive(caller.id).then(
        (active) => (active ? raw.write(': ping\n\n') : raw.end()),
        () => raw.end(),
      );
    }, 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(ends);
      unsubscribe();
    });
  }

  @Get('notifications/:id')
  @ApiResponse({ status: 200, type: NotificationViewDoc })
  @ApiErrors('NOT_FOUND')
  get(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number): Promise<NotificationView> {
    return this.notifications.get(caller.id, id);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: NotificationViewDoc })
  @ApiErrors('NOT_FOUND')
  read(@CurrentUser() caller: Caller, @Param('id', IdPipe) id: number): Promise<NotificationView> {
    return this.notifications.markRead(caller.id, id);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: CountView, description: 'How many were marked read' })
  async readAll(@CurrentUser() caller: Caller): Promise<CountView> {
    return { count: await this.notifications.markAllRead(caller.id) };
  }

  @Post('messages')
  @Roles('customer')
  @HttpCode(202)
  @ApiOperation({ summary: 'Write to the shop (admins and staff)' })
  @ApiResponse({ status: 202, description: 'Accepted: delivered through the outbox' })
  @ApiErrors()
  async message(@CurrentUser() caller: Caller, @Body() body: MessageDto): Promise<{ accepted: true }> {
    await this.notifications.send({ fromUserId: caller.id, toStaff: true, title: body.title, body: body.body });
    return { accepted: true };
  }
}

@ApiTags('admin: messages')
@Controller('admin/messages')
@BackOffice()
export class AdminMessagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Message one user, or every customer when userId is absent' })
  @ApiResponse({ status: 202, description: 'Accepted: delivered through the outbox' })
  @ApiErrors()
  async send(@CurrentUser() caller: Caller, @Body() body: AdminMessageDto): Promise<{ accepted: true }> {
    await this.notifications.send({ fromUserId: caller.id, toUserId: body.userId, title: body.title, body: body.body });
    return { accepted: true };
  }
}
