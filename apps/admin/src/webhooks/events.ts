import type { components } from '../api/schema';
import { choicesOf, type Looks } from '../common-sales/labels';
import type { WebhookDelivery } from '../types';

type EventType = components['schemas']['CreateWebhookDto']['events'][number];

/** The events an endpoint may subscribe to (docs/api.md#webhooks), as the admin chooses them. */
export const webhookEventChoices = [
  { id: 'order.placed', name: 'order.placed — a checkout placed an order' },
  { id: 'order.updated', name: 'order.updated — status, payment or edit' },
  { id: 'order.cancelled', name: 'order.cancelled' },
  { id: 'refund.created', name: 'refund.created' },
  { id: 'return.updated', name: 'return.updated' },
  { id: 'offline_sale.created', name: 'offline_sale.created — a counter sale' },
  { id: 'offline_sale.updated', name: 'offline_sale.updated — a payment, a cancellation' },
  { id: 'booking.created', name: 'booking.created' },
  { id: 'booking.updated', name: 'booking.updated' },
  { id: 'purchase.received', name: 'purchase.received — goods received' },
  { id: 'product.updated', name: 'product.updated — edited, cheaper, back in stock' },
  { id: 'stock.low', name: 'stock.low — a variant at or below its threshold' },
  { id: 'customer.created', name: 'customer.created' },
] as const satisfies readonly { id: EventType; name: string }[];

// every event the API accepts is offered (a new one in the API fails this line's typecheck until it is added above)
type Offered = (typeof webhookEventChoices)[number]['id'];
export const allEventsOffered: Exclude<EventType, Offered> extends never ? true : never = true;

/** A delivery attempt's status: its filter label and the colour of its chip. */
export const deliveryStatusLooks: Looks<WebhookDelivery['status']> = {
  pending: { label: 'Pending', color: 'default' },
  succeeded: { label: 'Succeeded', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

export const deliveryStatusChoices = choicesOf(deliveryStatusLooks);
