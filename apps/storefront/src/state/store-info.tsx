import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { formatMoney, type StoreInfo } from '@chance/client';
import { shop } from '../shop';

const fallback: StoreInfo = { storeName: 'Chance Store', currency: 'USD', taxRateBps: 0 };
const StoreInfoContext = createContext<StoreInfo>(fallback);

/** The shop's name, currency and tax rate, read once. */
export function StoreInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<StoreInfo>(fallback);
  useEffect(() => {
    shop.catalog.settings().then(setInfo, () => undefined);
  }, []);
  return <StoreInfoContext.Provider value={info}>{children}</StoreInfoContext.Provider>;
}

export const useStoreInfo = (): StoreInfo => useContext(StoreInfoContext);

/** Formats minor units in the shop's currency. */
export function useMoney(): (amount: number) => string {
  const { currency } = useStoreInfo();
  return (amount) => formatMoney(amount, currency);
}
