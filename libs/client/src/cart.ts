/**
 * The shopper's cart (docs/api.md#carts). A guest's cart is reached with its token, kept in the
 * storage (so it survives a reload) and sent as `X-Cart-Token`; a signed-in customer's through
 * their bearer token. On sign-in the guest cart is merged into the customer's (`mergeGuestCart`,
 * called by `auth.login`/`auth.register`).
 */
import { isApiError } from './errors.js';
import { data, type Transport } from './http.js';
import { jsonEntry, type KeyValueStorage } from './storage.js';
import type { Cart } from './types.js';

interface GuestCartRef {
  id: number;
  token: string;
}

export function cartApi({ api, session }: Transport, storage: KeyValueStorage) {
  const guest = jsonEntry<GuestCartRef>(storage, 'chance.guestCart');

  /** The X-Cart-Token header for a cart, when it is the stored guest cart. */
  const headerFor = (cartId: number): { 'X-Cart-Token'?: string } => {
    const ref = guest.read();
    return ref && ref.id === cartId ? { 'X-Cart-Token': ref.token } : {};
  };

  const signedIn = () => session.get() !== null;

  /** A guest cart that is gone (checked out elsewhere, merged, expired) is forgotten. */
  async function guestCart(): Promise<Cart | null> {
    const ref = guest.read();
    if (!ref) return null;
    try {
      return await data(api.GET('/api/store/carts/{id}', { params: { path: { id: ref.id }, header: { 'X-Cart-Token': ref.token } } }));
    } catch (error) {
      if (isApiError(error, 'NOT_FOUND')) {
        guest.clear();
        return null;
      }
      throw error;
    }
  }

  const cart = {
    /** The cart to show: the customer's (created if needed), the stored guest cart, or null (none yet). */
    async current(): Promise<Cart | null> {
      if (signedIn()) return data(api.GET('/api/store/carts/mine'));
      const found = await guestCart();
      return found?.status === 'active' ? found : null;
    },

    /** The cart to add to: as `current`, creating a guest cart when there is none. */
    async ensure(): Promise<Cart> {
      const found = await cart.current();
      if (found) return found;
      const created = await data(api.POST('/api/store/carts'));
      if (created.token) guest.write({ id: created.id, token: created.token });
      return created;
    },

    /** Adds a variant (to its line when present); 409 OUT_OF_STOCK beyond the stock. */
    async add(variantId: number, quantity = 1): Promise<Cart> {
      const target = await cart.ensure();
      return data(
        api.POST('/api/store/carts/{id}/items', { params: { path: { id: target.id }, header: headerFor(target.id) }, body: { variantId, quantity } }),
      );
    },

    setQuantity: (cartId: number, itemId: number, quantity: number): Promise<Cart> =>
      data(api.PUT('/api/store/carts/{id}/items/{itemId}', { params: { path: { id: cartId, itemId }, header: headerFor(cartId) }, body: { quantity } })),

    remove: (cartId: number, itemId: number): Promise<Cart> =>
      data(api.DELETE('/api/store/carts/{id}/items/{itemId}', { params: { path: { id: cartId, itemId }, header: headerFor(cartId) } })),

    /** Applies a coupon; refusals are ApiErrors with the coupon codes of docs/api.md#coupons. */
    applyCoupon: (cartId: number, code: string): Promise<Cart> =>
      data(api.POST('/api/store/carts/{id}/coupon', { params: { path: { id: cartId }, header: headerFor(cartId) }, body: { code } })),

    removeCoupon: (cartId: number): Promise<Cart> =>
      data(api.DELETE('/api/store/carts/{id}/coupon', { params: { path: { id: cartId }, header: headerFor(cartId) } })),

    /**
     * Signed in: moves the stored guest cart's lines into the customer's cart (quantities add up,
     * capped by stock) and forgets the guest cart. Returns the customer's cart, or null when there
     * was no guest cart to merge.
     */
    async mergeGuestCart(): Promise<Cart | null> {
      const ref = guest.read();
      if (!ref || !signedIn()) return null;
      try {
        const merged = await data(api.POST('/api/store/carts/merge', { params: { header: { 'X-Cart-Token': ref.token } } }));
        guest.clear();
        return merged;
      } catch (error) {
        if (!isApiError(error, 'NOT_FOUND')) throw error;
        guest.clear(); // the guest cart is gone (checked out, expired): nothing to merge
        return null;
      }
    },

    /** The stored guest cart's credentials: checkout sends them (internal to the client). */
    headerFor,
    /** Forgets the guest cart (after its checkout). */
    forgetGuestCart: (cartId: number): void => {
      if (guest.read()?.id === cartId) guest.clear();
    },
  };
  return cart;
}

export type CartApi = ReturnType<typeof cartApi>;
