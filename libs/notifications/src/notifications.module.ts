import { Module } from '@nestjs/common';
import { IdentityModule } from '@chance/identity';
import { AdminMessagesController, MyMessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { MyNotificationsController } from './notifications.controller.js';
import { NotificationStream } from './notification-stream.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [MyNotificationsController, MyMessagesController, AdminMessagesController],
  providers: [NotificationsService, MessagesService, NotificationStream],
})
export class NotificationsModule {}
