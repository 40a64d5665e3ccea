import type { OutboxEvent, OutboxEventName } from '@chance/core';
import type { SubjectFacts, Template } from './mail-templates.js';

/** The events that send e-mail (the relay hands the mail handler these). */
export const MAILING_EVENTS = [
  'order.placed',
  'order.updated',
  'order.cancelled',
  'refund.created',
  'return.updated',
  'booking.created',
  'otp.requested',
  'password.reset_requested',
] as const satisfies readonly OutboxEventName[];

export type MailingEvent = (typeof MAILING_EVENTS)[number];

/** Whom an e-mail goes to: an address as given (a guest's order), an account by id, or the active account that uses an address (nobody when none does). */
export type Recipient = { kind: 'address'; email: string } | { kind: 'user'; userId: number } | { kind: 'account'; email: string };

/** What rendering it needs later, known when it is queued (no secret: codes and links are made when it is sent). */
export interface MailParams {
  orderId?: number;
  refundId?: number;
  returnId?: number;
  bookingId?: number;
  userId?: number;
}

export interface MailDraft {
  template: Template;
  recipient: Recipient;
  params: MailParams;
  facts: SubjectFacts;
}

/** The e-mails an event sends, as a pure function of it (docs/api.md#e-mail); most events send none. */
export function mailsFor(event: OutboxEvent<MailingEvent>): MailDraft[] {
  switch (event.type) {
    case 'order.placed': {
      const p = event.payload;
      return [
        { template: 'order_confirmation', recipient: { kind: 'address', email: p.email }, params: { orderId: p.orderId }, facts: { orderNumber: p.number } },
      ];
    }
    case 'order.updated': {
      const p = event.payload;
      if (p.change !== 'status' || (p.to !== 'shipped' && p.to !== 'delivered')) return [];
      const template = p.to === 'shipped' ? 'order_shipped' : 'order_delivered';
      return [{ template, recipient: { kind: 'address', email: p.email }, params: { orderId: p.orderId }, facts: { orderNumber: p.number } }];
    }
    case 'order.cancelled': {
      const p = event.payload;
      return [
        { template: 'order_cancelled', recipient: { kind: 'address', email: p.email }, params: { orderId: p.orderId }, facts: { orderNumber: p.number } },
      ];
    }
    case 'refund.created': {
      const p = event.payload;
      if (!p.email) return []; // an in-store sale without an address: told at the counter
      return [
        {
          template: 'refund_issued',
          recipient: { kind: 'address', email: p.email },
          params: { refundId: p.refundId },
          facts: { recordNumber: p.recordNumber },
        },
      ];
    }
    case 'return.updated': {
      const p = event.payload;
      if (!p.email) return [];
      return [
        {
          template: 'return_status',
          recipient: { kind: 'address', email: p.email },
          params: { returnId: p.returnId },
          facts: { returnNumber: p.number, returnStatus: p.to },
        },
      ];
    }
    case 'booking.created': {
      const p = event.payload;
      // a booking of an in-store customer has no account to write to
      if (p.customerId === null) return [];
      return [
        {
          template: 'booking_confirmed',
          recipient: { kind: 'user', userId: p.customerId },
          params: { bookingId: p.bookingId, userId: p.customerId },
          facts: { serviceName: p.serviceName },
        },
      ];
    }
    case 'otp.requested':
      return [{ template: 'otp_code', recipient: { kind: 'user', userId: event.payload.userId }, params: { userId: event.payload.userId }, facts: {} }];
    case 'password.reset_requested':
      return [{ template: 'password_reset', recipient: { kind: 'account', email: event.payload.email }, params: {}, facts: {} }];
  }
}

/** Each event's e-mail is queued once, however often the event is handled. */
export const eventDedupeKey = (eventId: number, template: Template): string => `event:${eventId}:${template}`;

/** A booking's reminder is queued once per time it is booked for (a new time, a new reminder). */
export const reminderDedupeKey = (bookingId: number, scheduledAt: Date): string => `booking-reminder:${bookingId}:${scheduledAt.toISOString()}`;
