import { Module } from '@nestjs/common';
import { APP_CONFIG, retentionRule, type AppConfig } from '@chance/core';
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
    retentionRule({
      name: 'emails',
      table: 'emails',
      age: 'created_at',
      where: "status <> 'pending'",
      keepDays: { variable: 'RETENTION_EMAILS_DAYS', default: 90 },
      why: 'a sent or given-up e-mail (its address and parameters are personal data) is kept to answer "did it go out?"; a pending one is never deleted',
    }),
  ],
  exports: [MailSender, MailQueue],
})
export class MailModule {}
