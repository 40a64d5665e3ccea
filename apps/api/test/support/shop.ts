import { randomUUID } from 'node:crypto';
import type { TestApi } from './test-api.js';

/** Store-side helpers for tests: carts, checkouts, as a shop frontend would call them. */
export const ADDRESS = { name: 'Ada Lovelace', line1: '12 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'GB' };

export interface GuestCart {
  id: number;
  headers: Record<string, string>;
}

export async function guestCartWith(api: TestApi, items: { variantId: number; quantity: number }[], couponCode?: string): Promise<GuestCart> {
  const created = await api.request('POST', '/api/store/carts');
  const cart = { id: created.body.id as number, headers: { 'x-cart-token': created.body.token as string } };
  for (const item of items) {
    const added = await api.request('POST', `/api/store/carts/${cart.id}/items`, { headers: cart.headers, body: item });
    if (added.status !== 201) throw new Error(`add item: ${added.status} ${added.text}`);
  }
  if (couponCode) {
    const applied = await api.request('POST', `/api/store/carts/${cart.id}/coupon`, { headers: cart.headers, body: { code: couponCode } });
    if (applied.status !== 200) throw new Error(`coupon: ${applied.status} ${applied.text}`);
  }
  return cart;
}

export function guestCheckout(api: TestApi, cart: GuestCart, options: { key?: string; email?: string; paymentMethod?: string } = {}) {
  return api.request('POST', '/api/store/checkout', {
    headers: { ...cart.headers, 'idempotency-key': options.key ?? randomUUID() },
    body: {
      cartId: cart.id,
      email: options.email ?? 'guest@example.com',
      shippingAddress: ADDRESS,
      paymentMethod: options.paymentMethod ?? 'cash_on_delivery',
    },
  });
}

export async function productWithStock(api: TestApi, token: string, body: Record<string, unknown>): Promise<{ productId: number; variantIds: number[] }> {
  let categoryId = (await api.request('GET', '/api/admin/categories?range=[0,0]', { token })).body[0]?.id;
  if (!categoryId) categoryId = (await api.request('POST', '/api/admin/categories', { token, body: { name: 'General' } })).body.id;
  const reply = await api.request('POST', '/api/admin/products', { token, body: { categoryId, ...body } });
  if (reply.status !== 201) throw new Error(`product: ${reply.status} ${reply.text}`);
  return { productId: reply.body.id, variantIds: reply.body.variants.map((v: { id: number }) => v.id) };
}
