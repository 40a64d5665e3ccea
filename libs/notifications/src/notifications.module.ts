import { Module } from '@nestjs/common';
import { retentionRule } from '@chance/core';
import { IdentityModule } from '@chance/identity';
import { AdminMessagesController, MyMessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { MyNotificationsController } from './notifications.controller.js';
import { NotificationStream } from './notification-stream.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [MyNotificationsController, MyMessagesController, AdminMessagesController],
  providers: [
    NotificationsService,
    MessagesService,
    NotificationStream,
    retentionRule({
      name: 'notifications-read',
      table: 'notifications',
      age: 'read_at',
      keepDays: { variable: 'RETENTION_NOTIFICATIONS_READ_DAYS', default: 90 },
      why: 'a notification read this long ago has been seen; the inbox keeps what is recent and what is unread',
    }),
    retentionRule({
      name: 'notifications',
      table: 'notifications',
      age: 'created_at',
      keepDays: { variable: 'RETENTION_NOTIFICATIONS_DAYS', default: 365 },
      why: 'read or not: a customer who never signs in again would otherwise keep every notification forever',
    }),
  ],
})
export class NotificationsModule {}
