import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@chance/core';
import { IdentityModule } from '@chance/identity';
import { InvoicesModule } from '@chance/invoices';
import { OrdersModule } from '@chance/orders';
import { ReturnsModule } from '@chance/returns';
import { ServicesModule } from '@chance/services';
import { SettingsModule } from '@chance/settings';
import { AdminEmailsController } from './admin-emails.controller.js';
import { EmailsService } from './emails.service.js';
import { MailQueue } from './mail-queue.js';
import { MailRenderer } from './mail-renderer.js';
import { MailSender } from './mail-sender.js';
import { LogMailTransport, MailTransport, SmtpMailTransport } from './mail-transport.js';

@Module({
  imports: [IdentityModule, SettingsModule, OrdersModule, InvoicesModule, ServicesModule, ReturnsModule],
  controllers: [AdminEmailsController],
  providers: [
    EmailsService,
    MailQueue,
    MailRenderer,
    MailSender,
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport =>
        config.mail.smtpUrl ? new SmtpMailTransport(config.mail.smtpUrl, config.mail.concurrency) : new LogMailTransport(),
    },
  ],
  exports: [MailSender, MailQueue],
})
export class MailModule {}
