import { Logger } from '@nestjs/common';
import { createTransport, type Mail } from 'nodemailer';
import type { Attachment } from './mail-templates.js';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
}

/**
 * The mail port (docs/api.md#e-mail): SMTP when SMTP_URL is set, otherwise the server log (like the
 * OTP console sender, and Django's console e-mail backend). Resolves once the message is
 * accepted; throws when it is not (the sender retries it later).
 */
export abstract class MailTransport {
  abstract send(message: MailMessage): Promise<void>;
  /** Lets go of connections at shutdown (the log has none). */
  async close(): Promise<void> {
    return undefined;
  }
}

/** SMTP through nodemailer, with bounded waits: a mail server that hangs fails the attempt, it does not hold a sender slot for ever. */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Mail;

  constructor(url: string, maxConnections: number) {
    super();
    this.transporter = createTransport({ url, pool: true, maxConnections, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail(message);
  }

  override async close(): Promise<void> {
    this.transporter.close();
  }
}

/** The default: each e-mail is written to the log, its text part whole (codes and links included: a development set-up). */
export class LogMailTransport extends MailTransport {
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    const attached = message.attachments.length
      ? `\n[attached: ${message.attachments.map((a) => `${a.filename} (${a.content.length} bytes)`).join(', ')}]`
      : '';
    this.logger.log(`E-mail to ${message.to}: ${message.subject}\n${message.text}${attached}`);
  }
}
