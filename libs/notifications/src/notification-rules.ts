import { formatMoney, type OutboxEventName, type OutboxEvents } from '@chance/core';

/**
 * Which event notifies whom, with what words (docs/api.md#services-and-notifications), as a pure function of the event.
 * Recipients are named by audience; the service resolves them to users.
 */
export type NotificationType = 'order_update' | 'product_update' | 'message' | 'booking_update' | 'low_stock';

export type Audience =
  { kind: 'user'; userId: number } | { kind: 'staff' } | { kind: 'admins' } | { kind: 'all-customers' } | { kind: 'cart-holders'; productId: number };

export interface NotificationDraft {
  audience: Audience;
  type: NotificationType;
  title: string;
  body: string;
  link: { resource: string; id: number } | null;
}

/** Every event type that can produce notifications (the relay hands the notifications handler these). */
export const NOTIFYING_EVENTS = [
  'order.placed',
  'order.updated',
  'order.cancelled',
  'product.updated',
  'stock.low',
  'booking.created',
  'booking.updated',
  'refund.created',
  'return.updated',
  'message.sent',
  'webhook.deactivated',
] as const satisfies readonly OutboxEventName[];

export type NotifyingEventName = (typeof NOTIFYING_EVENTS)[number];

/** An event as the rules read it: its type, and the payload the catalog gives that type. */
export type NotifyingEvent<K extends NotifyingEventName = NotifyingEventName> = K extends NotifyingEventName ? { type: K; payload: OutboxEvents[K] } : never;

const STATUS_WORDS: Record<string, string> = {
  pending: 'pending',
  processing: 'being prepared',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  unpaid: 'unpaid',
  partially_paid: 'partially paid',
  paid: 'paid',
  partially_refunded: 'partially refunded',
  refunded: 'refunded',
  completed: 'completed',
  returned: 'returned',
};

/** Every status a return can move to, in the customer's words (the compiler holds it to the catalog's statuses). */
const RETURN_WORDS: Record<OutboxEvents['return.updated']['to'], [title: string, body: string]> = {
  requested: ['received', 'We will look at it and let you know.'],
  approved: ['approved', 'Please send the goods back; we refund you once they arrive.'],
  received: ['received back', 'Your goods arrived: your refund is on its way.'],
  refunded: ['refunded', 'The money is on its way back to you.'],
  rejected: ['declined', 'Sorry: see your order for the reason, or write to us.'],
  cancelled: ['cancelled', 'Nothing more will happen with it.'],
};

const words = (status: string) => STATUS_WORDS[status] ?? status;
const customer = (customerId: number | null): Audience[] => (customerId !== null ? [{ kind: 'user', userId: customerId }] : []);

/** The notifications an outbox event should produce; an empty list for events nobody is told about. */
export function notificationsFor(event: NotifyingEvent): NotificationDraft[] {
  switch (event.type) {
    case 'order.placed': {
      const p = event.payload;
      const order = { resource: 'orders', id: p.orderId };
      return [
        ...customer(p.customerId).map((audience) => ({
          audience,
          type: 'order_update' as const,
          title: `Order ${p.number} received`,
          body: 'Thank you! We will let you know when it moves on.',
          link: order,
        })),
        { audience: { kind: 'staff' }, type: 'order_update', title: `New order ${p.number}`, body: `From ${p.email}`, link: order },
      ];
    }
    case 'order.updated':
    case 'order.cancelled': {
      const p = event.payload;
      // money given back is told by its refund (refund.created), with the amount
      if (p.change === 'payment' && (p.to === 'partially_refunded' || p.to === 'refunded')) return [];
      const [title, body] =
        p.change === 'status'
          ? [`Order ${p.number} is ${words(p.to)}`, `It was ${words(p.from)}.`]
          : p.change === 'payment'
            ? [`Order ${p.number} is now ${words(p.to)}`, `Payment status changed from ${words(p.from)}.`]
            : [`Order ${p.number} was changed`, 'We updated your order at your request: see it for its lines and new totals.'];
      return customer(p.customerId).map((audience) => ({ audience, type: 'order_update', title, body, link: { resource: 'orders', id: p.orderId } }));
    }
    case 'product.updated': {
      const p = event.payload;
      if (p.reason === 'edited') return [];
      const [title, body] =
        p.reason === 'price_dropped'
          ? ['A product in your cart is cheaper now', 'Its price dropped: have a look at your cart.']
          : ['Back in stock', 'A product in your cart is available again.'];
      return [
        { audience: { kind: 'cart-holders', productId: p.productId }, type: 'product_update', title, body, link: { resource: 'products', id: p.productId } },
      ];
    }
    case 'stock.low': {
      const p = event.payload;
      return [
        {
          audience: { kind: 'staff' },
          type: 'low_stock',
          title: `Low stock: ${p.productName}`,
          body: `${p.productName} (SKU ${p.sku}) is down to ${p.stock} (threshold ${p.threshold}).`,
          link: { resource: 'products', id: p.productId },
        },
      ];
    }
    case 'booking.created': {
      const p = event.payload;
      return customer(p.customerId).map((audience) => ({
        audience,
        type: 'booking_update',
        title: `${p.serviceName} booked`,
        body: `Your visit is scheduled for ${new Date(p.scheduledAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        link: { resource: 'bookings', id: p.bookingId },
      }));
    }
    case 'booking.updated': {
      const p = event.payload;
      if (p.change !== 'status') return [];
      return customer(p.customerId).map((audience) => ({
        audience,
        type: 'booking_update',
        title: `${p.serviceName} visit ${words(p.to)}`,
        body: p.to === 'completed' ? 'Thank you for having us.' : 'Your booking was cancelled; book again whenever it suits you.',
        link: { resource: 'bookings', id: p.bookingId },
      }));
    }
    case 'webhook.deactivated': {
      const p = event.payload;
      return [
        {
          audience: { kind: 'admins' },
          type: 'message',
          title: 'Webhook deactivated',
          body: `${p.url} failed for 24 hours straight, so nothing more is sent to it. Its delivery log says why; re-activate it once it answers.`,
          link: { resource: 'webhooks', id: p.webhookId },
        },
      ];
    }
    case 'refund.created': {
      const p = event.payload;
      if (p.orderId === null && p.bookingId === null) return [];
      const link = p.orderId !== null ? { resource: 'orders', id: p.orderId } : { resource: 'bookings', id: p.bookingId! };
      return customer(p.customerId).map((audience) => ({
        audience,
        type: p.orderId !== null ? ('order_update' as const) : ('booking_update' as const),
        title: `${formatMoney(p.amount, p.currency)} refunded for ${p.recordNumber}`,
        body: p.method === 'card' ? 'It goes back to your card; your bank may take a few days to show it.' : `Paid back by ${p.method.replace(/_/g, ' ')}.`,
        link,
      }));
    }
    case 'return.updated': {
      const p = event.payload;
      if (p.orderId === null) return [];
      const [word, body] = RETURN_WORDS[p.to];
      return customer(p.customerId).map((audience) => ({
        audience,
        type: 'order_update' as const,
        title: `Return ${p.number} for ${p.recordNumber} ${word}`,
        body,
        link: { resource: 'orders', id: p.orderId! },
      }));
    }
    case 'message.sent': {
      const p = event.payload;
      // a customer's message names them and links to them, so staff can answer (SPEC section 11)
      if (p.toStaff)
        return [
          {
            audience: { kind: 'staff' },
            type: 'message',
            title: `Message from ${p.fromName || 'a customer'}: ${p.title}`,
            body: p.body,
            link: { resource: 'customers', id: p.fromUserId },
          },
        ];
      const audience: Audience = p.toUserId !== null ? { kind: 'user', userId: p.toUserId } : { kind: 'all-customers' };
      return [{ audience, type: 'message', title: p.title, body: p.body, link: null }];
    }
  }
}
