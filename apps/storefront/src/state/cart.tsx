import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Cart } from '@chance/client';
import { shop } from '../shop';
import { useUser } from './session';

interface CartState {
  cart: Cart | null;
  loading: boolean;
  /** units in the cart, for the header */
  count: number;
  /** runs a cart change and keeps its answer (errors are the caller's to show) */
  update(change: () => Promise<Cart | null>): Promise<Cart | null>;
  reload(): Promise<void>;
}

const CartContext = createContext<CartState | null>(null);

/**
 * The shopper's cart for the whole app: loaded on start (a guest's survives a reload through the
 * client's stored token) and again whenever the user signs in or out.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [cart, setCart] = useState<Cart | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setCart(await shop.cart.current());
    } catch {
      setCart(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, user?.id]);

  const update = useCallback(async (change: () => Promise<Cart | null>) => {
    const next = await change();
    setCart(next);
    return next;
  }, []);

  const value = useMemo<CartState>(
    () => ({ cart, loading, count: cart?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0, update, reload }),
    [cart, loading, update, reload],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error('useCart outside CartProvider');
  return state;
}
