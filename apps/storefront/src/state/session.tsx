import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '@chance/client';
import { shop } from '../shop';

/** The signed-in user (null: a guest), following the client's session store (also other tabs). */
const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(() => shop.session.get()?.user ?? null);
  useEffect(() => {
    const unsubscribe = shop.session.subscribe((session) => setUser(session?.user ?? null));
    // another tab signed in or out
    const onStorage = (event: StorageEvent) => {
      if (event.key === 'chance.session' || event.key === null) setUser(shop.session.get()?.user ?? null);
    };
    window.addEventListener('storage', onStorage);
    return () => {
      unsubscribe();
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export const useUser = (): Me | null => useContext(SessionContext);
