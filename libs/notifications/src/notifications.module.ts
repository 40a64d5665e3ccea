import { Module } from '@nestjs/common';
import { IdentityModule } from '@chance/identity';
import { AdminMessagesController, MyNotificationsController } from './notifications.controller.js';
import { NotificationStream } from './notification-stream.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [MyNotificationsController, AdminMessagesController],
  providers: [NotificationsService, NotificationStream],
})
export class NotificationsModule {}
