import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, LeasedWorker, nextRetryAt, type AppConfig, type LeasedWork } from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource } from 'typeorm';
import { MailRenderer, UndeliverableMail } from './mail-renderer.js';
import type { MailParams } from './mail-rules.js';
import { storeOf, type Template } from './mail-templates.js';
import { MailTransport } from './mail-transport.js';

export interface LeasedEmail {
  id: number;
  to: string;
  template: Template;
  subject: string;
  params: MailParams;
  attempts: number;
  createdAt: Date;
}

/** An attempt may take this long (the transport's own timeouts are shorter) before another process may take the e-mail over. */
const LEASE_MS = 2 * 60 * 1000;

/**
 * Sends queued e-mails through the mail port, never inside a transaction: a short statement
 * leases the due ones (`FOR UPDATE SKIP LOCKED`), each is rendered and handed to the transport,
 * and its outcome recorded: `sent`; or, failed, `pending` again with a growing delay (for 24 h at
 * least), then `failed`. At least once: an e-mail whose process died mid-send is sent again once
 * its lease runs out.
 */
@Injectable()
export class MailSender implements LeasedWork<LeasedEmail>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: LeasedWorker<LeasedEmail>;
  /** the address of the From when MAIL_FROM is unset (the store's name goes with it): no-reply@ the PUBLIC_URL host */
  private readonly noReply: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.worker = new LeasedWorker('Mail', this, { intervalMs: config.outbox.intervalMs, concurrency: config.mail.concurrency });
    this.noReply = `no-reply@${new URL(config.publicUrl).hostname}`;
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.relay) this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    await this.transport.close();
  }

  kick(): void {
    this.worker.kick();
  }

  /** Sends everything due now, and waits for it (tests). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  keyOf(): string {
    return 'mail';
  }

  async claim(limit: number): Promise<LeasedEmail[]> {
    const rows: { id: string; to_address: string; template: Template; subject: string; params: MailParams; attempts: number; created_at: Date }[] =
      await this.dataSource.query(
        `WITH leased AS (
           UPDATE emails e SET leased_until = now() + $2 * interval '1 millisecond'
             FROM (SELECT id FROM emails
                    WHERE status = 'pending' AND due_at <= now() AND (leased_until IS NULL OR leased_until < now())
                    ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE e.id = due.id
          RETURNING e.id, e.to_address, e.template, e.subject, e.params, e.attempts, e.created_at, e.due_at)
         SELECT * FROM leased ORDER BY due_at, id`,
        [limit, LEASE_MS],
      );
    return rows.map((r) => ({
      id: Number(r.id),
      to: r.to_address,
      template: r.template,
      subject: r.subject,
      params: r.params,
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  async run(email: LeasedEmail): Promise<void> {
    try {
      const settings = await this.settings.current();
      const rendered = await this.renderer.render(email.template, email.params, storeOf(settings));
      await this.transport.send({
        from: this.config.mail.from ?? `"${settings.storeName.replace(/["\\\r\n]/g, '')}" <${this.noReply}>`,
        to: email.to,
        subject: email.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: rendered.attachments,
      });
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const retryAt =
        error instanceof UndeliverableMail ? null : nextRetryAt(email.attempts + 1, email.createdAt, new Date(), this.config.mail.firstRetryDelayMs);
      await this.dataSource.query(
        `UPDATE emails SET attempts = attempts + 1, error = $2, leased_until = NULL,
                status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, due_at = COALESCE($3::timestamptz, due_at)
          WHERE id = $1 AND status = 'pending'`,
        [email.id, message, retryAt],
      );
      return;
    }
    await this.dataSource.query(
      `UPDATE emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, error = NULL, leased_until = NULL WHERE id = $1 AND status = 'pending'`,
      [email.id],
    );
  }
}
