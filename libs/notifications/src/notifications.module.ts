import { Module } from '@nestjs/common';
import { AdminMessagesController, MyNotificationsController } from './notifications.controller.js';
import { NotificationStream } from './notification-stream.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [MyNotificationsController, AdminMessagesController],
  providers: [NotificationsService, NotificationStream],
})
export class NotificationsModule {}
