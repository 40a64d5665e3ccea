import { createHmac } from 'node:crypto';

/**
 * A guest order's access token (docs/api.md#guests-cart-and-order-tokens), derived instead of drawn: a keyed hash of
 * the order's number and placing instant under the server's secret. The order keeps only its
 * SHA-256 (as before), and the checkout's idempotency record keeps the answer without it, so
 * nothing stored proves access; a replay of the checkout derives the same token again from the
 * stored answer. 256 bits, unguessable without the secret; the placing instant keeps two orders
 * that share a number (a database restored from an older backup) from sharing a token.
 */
export function guestOrderToken(secret: string, order: { number: string; placedAt: Date | string }): string {
  return createHmac('sha256', secret)
    .update(`guest-order-access\0${order.number}\0${new Date(order.placedAt).toISOString()}`)
    .digest('base64url');
}
