import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxRelay, Scheduler, type OutboxEvent, type ScheduledJob } from '@chance/core';
import { UsersService, contactsIn } from '@chance/identity';
import { BookingsService } from '@chance/services';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import { MailSender } from './mail-sender.js';
import { MAILING_EVENTS, eventDedupeKey, mailsFor, reminderDedupeKey, type MailingEvent, type MailParams, type Recipient } from './mail-rules.js';
import { storeOf, subjectOf, type Template } from './mail-templates.js';

/** A booking is reminded of this long before it starts (docs/api.md#e-mail: 24 h). */
export const REMINDER_AHEAD_SECONDS = 24 * 60 * 60;
/** How often due reminders are looked for. */
export const REMINDER_INTERVAL_MS = 5 * 60 * 1000;

interface Queued {
  to: string;
  template: Template;
  subject: string;
  params: MailParams;
  dedupeKey: string;
}

/**
 * Queues e-mails (docs/api.md#e-mail): an after-commit handler of the relay turns each committed
 * event into its e-mails (mail-rules.ts) — recipients resolved, subjects written — and writes them
 * `pending` with the relay's delivery record in one short transaction; a scheduled job queues the
 * booking reminders due. Each is queued once (a dedupe key per event or per booking time). The
 * sender (mail-sender.ts) sends them outside any transaction.
 */
@Injectable()
export class MailQueue implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly scheduler: Scheduler,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
    private readonly bookings: BookingsService,
    private readonly sender: MailSender,
  ) {}

  /** The scheduled job that queues the booking reminders due, and wakes the sender once they are committed. */
  readonly reminders: ScheduledJob<number> = {
    name: 'booking-reminders',
    intervalMs: REMINDER_INTERVAL_MS,
    run: (manager) => this.queueReminders(manager),
    afterCommit: (queued) => {
      if (queued > 0) this.sender.kick();
    },
  };

  onModuleInit(): void {
    this.relay.registerAfterCommit(MAILING_EVENTS, 'mail', (event, delivery) => this.queueFor(event, delivery));
    this.scheduler.schedule(this.reminders);
  }

  async queueFor(event: OutboxEvent<MailingEvent>, delivery: { record(manager: EntityManager): Promise<void> }): Promise<void> {
    const drafts = mailsFor(event);
    if (drafts.length === 0) return;
    const store = storeOf(await this.settings.current());
    const queued: Queued[] = [];
    for (const draft of drafts) {
      const to = await this.resolve(draft.recipient);
      if (!to) continue; // nobody to write to: no account has that address, or it is no longer active
      queued.push({
        to: to.email,
        template: draft.template,
        subject: subjectOf(draft.template, store, draft.facts),
        params: { ...draft.params, ...(to.userId ? { userId: to.userId } : {}) },
        dedupeKey: eventDedupeKey(event.id, draft.template),
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await insertEmails(manager, queued);
      await delivery.record(manager);
    });
    if (queued.length > 0) this.sender.kick();
  }

  /** The reminders due now, queued once per booking and time; runs in the job's transaction (one process at a time); returns how many are new. */
  async queueReminders(manager: EntityManager): Promise<number> {
    const due = await this.bookings.dueForReminderIn(manager, REMINDER_AHEAD_SECONDS);
    if (due.length === 0) return 0;
    const contacts = new Map((await contactsIn(manager, [...new Set(due.map((b) => b.customerId))])).map((c) => [c.id, c]));
    const store = storeOf(await this.settings.currentIn(manager));
    const queued = due.flatMap((booking): Queued[] => {
      const contact = contacts.get(booking.customerId);
      if (!contact) return [];
      return [
        {
          to: contact.email,
          template: 'booking_reminder',
          subject: subjectOf('booking_reminder', store, { serviceName: booking.serviceName }),
          params: { bookingId: booking.bookingId, userId: contact.id },
          dedupeKey: reminderDedupeKey(booking.bookingId, booking.scheduledAt),
        },
      ];
    });
    return insertEmails(manager, queued);
  }

  private async resolve(recipient: Recipient): Promise<{ email: string; userId?: number } | null> {
    if (recipient.kind === 'address') return { email: recipient.email };
    const contact = recipient.kind === 'user' ? await this.users.contactOf(recipient.userId) : await this.users.contactByEmail(recipient.email);
    return contact ? { email: contact.email, userId: contact.id } : null;
  }
}

/** Writes e-mails `pending`, each once (its dedupe key); returns how many are new. */
async function insertEmails(manager: EntityManager, emails: Queued[]): Promise<number> {
  if (emails.length === 0) return 0;
  const inserted = await manager.query(
    `INSERT INTO emails (to_address, template, subject, params, dedupe_key)
     SELECT e.to_address, e.template, e.subject, e.params, e.dedupe_key
       FROM jsonb_to_recordset($1::jsonb) AS e(to_address text, template text, subject text, params jsonb, dedupe_key text)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [JSON.stringify(emails.map((e) => ({ to_address: e.to, template: e.template, subject: e.subject, params: e.params, dedupe_key: e.dedupeKey })))],
  );
  return inserted.length;
}
