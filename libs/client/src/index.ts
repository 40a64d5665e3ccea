/**
 * @chance/client: a typed client of the Chance Store API for any TypeScript frontend.
 *
 *   const shop = createStoreClient({ baseUrl: '' });        // same origin; localStorage in a browser
 *   const page = await shop.catalog.products({ filter: { q: 'shirt', inStock: true }, range: [0, 23] });
 *   const cart = await shop.cart.add(page.items[0].variants[0].id, 2);
 *   const order = await shop.orders.checkout({ cartId: cart.id, email, shippingAddress, paymentMethod: 'card' });
 *   await shop.orders.pay(order.id, 'tok_visa');
 *
 * Everything not wrapped here is one typed call away: `shop.api.GET('/api/...')` (openapi-fetch
 * over the generated `paths`), with the same session handling.
 */
import { authApi, bookingsApi, notificationsApi } from './account.js';
import { cartApi } from './cart.js';
import { catalogApi } from './catalog.js';
import { createTransport } from './http.js';
import { ordersApi } from './orders.js';
import { browserStorage, type KeyValueStorage } from './storage.js';

export interface StoreClientOptions {
  /** the API's origin ('' or absent: the page's own); paths start with /api */
  baseUrl?: string;
  /** where tokens and unfinished attempts are kept (default: localStorage, else memory) */
  storage?: KeyValueStorage;
  /** fetch to use (default: the global one) */
  fetch?: (request: Request) => Promise<Response>;
}

export function createStoreClient(options: StoreClientOptions = {}) {
  const storage = options.storage ?? browserStorage();
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const transport = createTransport((options.baseUrl ?? '').replace(/\/+$/, ''), storage, baseFetch);
  const cart = cartApi(transport, storage);
  return {
    /** the typed openapi-fetch client, with the session's token, refresh and retry */
    api: transport.api,
    session: transport.session,
    auth: authApi(transport, cart),
    catalog: catalogApi(transport),
    cart,
    orders: ordersApi(transport, storage, cart),
    bookings: bookingsApi(transport),
    notifications: notificationsApi(transport),
  };
}

export type StoreClient = ReturnType<typeof createStoreClient>;

export { ApiError, COUPON_ERROR_CODES, ERROR_CODES, apiErrorOf, isApiError, type ErrorBody, type ErrorCode } from './errors.js';
export { call, data } from './http.js';
export { IdempotencyKeys, newIdempotencyKey } from './idempotency.js';
export { listQuery, pageOf, pageRange, parseContentRange, type ContentRange, type ListRequest, type Page, type SortOrder } from './list.js';
export { decimalToMinorUnits, formatMoney, minorUnitDigits, minorUnitsToDecimal } from './money.js';
export { SessionStore, type AuthResult, type Me, type Session } from './session.js';
export { browserStorage, memoryStorage, type KeyValueStorage } from './storage.js';
export type { EventSourceFactory, EventSourceLike, SignedIn, StreamHandlers } from './account.js';
export type { ProductQuery } from './catalog.js';
export type { components, paths } from './schema.js';
export * from './types.js';
