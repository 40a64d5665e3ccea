/**
 * Which event notifies whom, with what words (SPEC section 11), as a pure function of the event.
 * Recipients are named by audience; the service resolves them to users.
 */
export type NotificationType = 'order_update' | 'product_update' | 'message' | 'booking_update' | 'low_stock';

export type Audience = { kind: 'user'; userId: number } | { kind: 'staff' } | { kind: 'all-customers' } | { kind: 'cart-holders'; productId: number };

export interface NotificationDraft {
  audience: Audience;
  type: NotificationType;
  title: string;
  body: string;
  link: { resource: string; id: number } | null;
}

type Payload = Record<string, unknown>;

const STATUS_WORDS: Record<string, string> = {
  pending: 'pending',
  processing: 'being prepared',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  unpaid: 'unpaid',
  partially_paid: 'partially paid',
  paid: 'paid',
  refunded: 'refunded',
  completed: 'completed',
};

const words = (status: unknown) => STATUS_WORDS[String(status)] ?? String(status);
const customer = (payload: Payload): Audience[] => (typeof payload.customerId === 'number' ? [{ kind: 'user', userId: payload.customerId }] : []);

/** The notifications an outbox event should produce; an empty list for events nobody is told about. */
export function notificationsFor(type: string, payload: Payload): NotificationDraft[] {
  const order = { resource: 'orders', id: Number(payload.orderId) };
  switch (type) {
    case 'orders.order_placed':
      return [
        ...customer(payload).map((audience) => ({
          audience,
          type: 'order_update' as const,
          title: `Order ${payload.number} received`,
          body: 'Thank you! We will let you know when it moves on.',
          link: order,
        })),
        { audience: { kind: 'staff' }, type: 'order_update', title: `New order ${payload.number}`, body: `From ${payload.email}`, link: order },
      ];
    case 'orders.status_changed':
      return customer(payload).map((audience) => ({
        audience,
        type: 'order_update',
        title: `Order ${payload.number} is ${words(payload.to)}`,
        body: `It was ${words(payload.from)}.`,
        link: order,
      }));
    case 'orders.payment_status_changed':
      return customer(payload).map((audience) => ({
        audience,
        type: 'order_update',
        title: `Order ${payload.number} is now ${words(payload.to)}`,
        body: `Payment status changed from ${words(payload.from)}.`,
        link: order,
      }));
    case 'catalog.price_dropped':
      return [
        {
          audience: { kind: 'cart-holders', productId: Number(payload.productId) },
          type: 'product_update',
          title: 'A product in your cart is cheaper now',
          body: 'Its price dropped: have a look at your cart.',
          link: { resource: 'products', id: Number(payload.productId) },
        },
      ];
    case 'catalog.variant_back_in_stock':
      return [
        {
          audience: { kind: 'cart-holders', productId: Number(payload.productId) },
          type: 'product_update',
          title: 'Back in stock',
          body: 'A product in your cart is available again.',
          link: { resource: 'products', id: Number(payload.productId) },
        },
      ];
    case 'catalog.variant_low_stock':
      return [
        {
          audience: { kind: 'staff' },
          type: 'low_stock',
          title: 'Low stock',
          body: `Variant ${payload.variantId} is down to ${payload.stock} (threshold ${payload.threshold}).`,
          link: { resource: 'products', id: Number(payload.productId) },
        },
      ];
    case 'services.booking_created':
      return customer(payload).map((audience) => ({
        audience,
        type: 'booking_update',
        title: `${payload.serviceName} booked`,
        body: `Your visit is scheduled for ${new Date(String(payload.scheduledAt)).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        link: { resource: 'bookings', id: Number(payload.bookingId) },
      }));
    case 'services.booking_status_changed':
      return customer(payload).map((audience) => ({
        audience,
        type: 'booking_update',
        title: `${payload.serviceName} visit ${words(payload.to)}`,
        body: payload.to === 'completed' ? 'Thank you for having us.' : 'Your booking was cancelled; book again whenever it suits you.',
        link: { resource: 'bookings', id: Number(payload.bookingId) },
      }));
    case 'notifications.message': {
      const audience: Audience = payload.toStaff
        ? { kind: 'staff' }
        : typeof payload.toUserId === 'number'
          ? { kind: 'user', userId: payload.toUserId }
          : { kind: 'all-customers' };
      return [{ audience, type: 'message', title: String(payload.title), body: String(payload.body), link: null }];
    }
    default:
      return [];
  }
}

/** Every event type that produces notifications (the relay registers a handler for each). */
export const NOTIFYING_EVENTS = [
  'orders.order_placed',
  'orders.status_changed',
  'orders.payment_status_changed',
  'catalog.price_dropped',
  'catalog.variant_back_in_stock',
  'catalog.variant_low_stock',
  'services.booking_created',
  'services.booking_status_changed',
  'notifications.message',
] as const;
