/**
 * Checkout, card payment and the shopper's orders (docs/api.md#checkout, #orders-payments-and-invoices). Checkout and payment
 * send an `Idempotency-Key` per logical attempt (see idempotency.ts). A guest's order is read with
 * the access token that came with it, kept in the storage (`X-Order-Token`).
 */
import { apiErrorOf, networkError } from './errors.js';
import { call, data, type Transport } from './http.js';
import { IdempotencyKeys } from './idempotency.js';
import { listQuery, pageOf, type ListRequest, type Page } from './list.js';
import { jsonEntry, type KeyValueStorage } from './storage.js';
import type { CartApi } from './cart.js';
import type { CheckoutInput, CreditNote, Invoice, Order, Return, ReturnRequest } from './types.js';

/** Guest orders remembered on this device (their tokens), newest last. */
const GUEST_ORDERS_KEPT = 20;

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

export function ordersApi({ api }: Transport, storage: KeyValueStorage, cart: CartApi) {
  const keys = new IdempotencyKeys(storage);
  const guestOrders = jsonEntry<[number, string][]>(storage, 'chance.guestOrders');

  const orderToken = (orderId: number): string | undefined => guestOrders.read()?.find(([id]) => id === orderId)?.[1];
  const headerFor = (orderId: number): { 'X-Order-Token'?: string } => {
    const token = orderToken(orderId);
    return token ? { 'X-Order-Token': token } : {};
  };

  /** Sends one attempt of `scope` with its key; the key is dropped once the answer is final. */
  async function attempt<D>(scope: string, body: unknown, send: (key: string) => Promise<Answer<D>>): Promise<D> {
    const key = keys.keyFor(scope, body);
    let answer: Answer<D>;
    try {
      answer = await send(key);
    } catch (error) {
      throw networkError(error); // no answer: the same attempt may be retried with the same key
    }
    const error = answer.response.ok ? undefined : apiErrorOf(answer.response, answer.error);
    if (IdempotencyKeys.isFinal(answer.response.status, error?.code)) keys.settle(scope);
    if (error) throw error;
    return answer.data as D;
  }

  return {
    /**
     * Places the order from a cart (one transaction on the server). Retrying the same checkout
     * (same cart and body) reuses its key, so it never places a second order. A guest's order
     * token is remembered; the guest cart is forgotten.
     */
    async checkout(input: CheckoutInput): Promise<Order> {
      const order = await attempt(`checkout:${input.cartId}`, input, (key) =>
        api.POST('/api/store/checkout', { params: { header: { 'Idempotency-Key': key, ...cart.headerFor(input.cartId) } }, body: input }),
      );
      if (order.accessToken) {
        const kept = (guestOrders.read() ?? []).filter(([id]) => id !== order.id);
        guestOrders.write([...kept, [order.id, order.accessToken] as [number, string]].slice(-GUEST_ORDERS_KEPT));
      }
      cart.forgetGuestCart(input.cartId);
      return order;
    },

    /**
     * Pays the order's balance by card with a provider token (test provider: `tok_visa` pays,
     * `tok_declined` is refused with 402 PAYMENT_DECLINED). A declined attempt is final: trying
     * again (another card, or the same) is a new attempt with a new key.
     */
    pay: (orderId: number, paymentToken: string): Promise<Order> =>
      attempt(`payment:${orderId}`, { paymentToken }, (key) =>
        api.POST('/api/store/orders/{id}/payments', {
          params: { path: { id: orderId }, header: { 'Idempotency-Key': key, ...headerFor(orderId) } },
          body: { paymentToken },
        }),
      ),

    /** The signed-in customer's orders, newest first unless sorted otherwise. */
    async list(query: ListRequest<'id' | 'placedAt' | 'total'> = {}): Promise<Page<Order>> {
      const { data: rows, response } = await call(api.GET('/api/store/orders', { params: { query: listQuery({ sort: ['placedAt', 'DESC'], ...query }) } }));
      return pageOf(rows, response.headers.get('Content-Range'));
    },

    /** One order: the customer's own, or a guest order remembered on this device. */
    get: (orderId: number): Promise<Order> => data(api.GET('/api/store/orders/{id}', { params: { path: { id: orderId }, header: headerFor(orderId) } })),

    invoice: (orderId: number): Promise<Invoice> =>
      data(api.GET('/api/store/orders/{id}/invoice', { params: { path: { id: orderId }, header: headerFor(orderId) } })),

    /** The printable invoice, as a PDF Blob (it needs the order's credentials, so no plain link). */
    async invoicePdf(orderId: number): Promise<Blob> {
      const answer = await call(
        api.GET('/api/store/orders/{id}/invoice.pdf', { params: { path: { id: orderId }, header: headerFor(orderId) }, parseAs: 'blob' }),
      );
      return answer.data as Blob;
    },

    /** The order's credit notes, one per refund, oldest first. */
    creditNotes: (orderId: number): Promise<CreditNote[]> =>
      data(api.GET('/api/store/orders/{id}/credit-notes', { params: { path: { id: orderId }, header: headerFor(orderId) } })),

    /** A credit note of the order, printable, as a PDF Blob. */
    async creditNotePdf(orderId: number, creditNoteId: number): Promise<Blob> {
      const answer = await call(
        api.GET('/api/store/credit-notes/{id}.pdf', { params: { path: { id: creditNoteId }, header: headerFor(orderId) }, parseAs: 'blob' }),
      );
      return answer.data as Blob;
    },

    /** The order's returns, oldest first. */
    returns: (orderId: number): Promise<Return[]> =>
      data(api.GET('/api/store/orders/{id}/returns', { params: { path: { id: orderId }, header: headerFor(orderId) } })),

    /**
     * Asks to return goods of a delivered order (status `requested`: the shop approves, receives
     * and refunds). Outside the return window: RETURN_NOT_ALLOWED; more than is left of a line:
     * RETURN_QUANTITY_EXCEEDED.
     */
    requestReturn: (orderId: number, request: ReturnRequest): Promise<Return> =>
      data(api.POST('/api/store/orders/{id}/returns', { params: { path: { id: orderId }, header: headerFor(orderId) }, body: request })),

    /** Cancels the customer's own pending order (stock and coupon use come back). */
    cancel: (orderId: number): Promise<Order> =>
      data(api.POST('/api/store/orders/{id}/cancel', { params: { path: { id: orderId }, header: headerFor(orderId) } })),

    /** Whether this device can read a guest order (it holds the order's token). */
    isRemembered: (orderId: number): boolean => orderToken(orderId) !== undefined,
  };
}
