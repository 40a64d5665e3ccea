import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { ChanceDataProvider } from '../providers/dataProvider';
import type { StoreInfo, StoreSettings } from '../types';
import { defaultCurrency } from '../money/money';

export const storeSettingsQueryKey = ['chance-store', 'settings'] as const;
export const storeInfoQueryKey = ['chance-store', 'store-info'] as const;

/** The store settings, for users allowed to read them (admins). */
export function useStoreSettings() {
  const dataProvider = useDataProvider<ChanceDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'settings', action: 'show' });
  return useQuery({
    queryKey: storeSettingsQueryKey,
    queryFn: () => dataProvider.getSettings(),
    enabled: canAccess === true,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Store name, currency and tax rate from the public GET /api/store/settings: for admins and staff alike. */
export function useStoreInfo() {
  const dataProvider = useDataProvider<ChanceDataProvider>();
  return useQuery({
    queryKey: storeInfoQueryKey,
    queryFn: () => dataProvider.getStoreInfo(),
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

/** Replaces the cached settings after a save, so that formatted amounts follow at once. */
export function useSetStoreSettings() {
  const queryClient = useQueryClient();
  return (settings: StoreSettings) => {
    queryClient.setQueryData(storeSettingsQueryKey, settings);
    const { storeName, currency, taxRateBps } = settings;
    queryClient.setQueryData<StoreInfo>(storeInfoQueryKey, { storeName, currency, taxRateBps });
    // The History panel of the settings page shows the change.
    void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
  };
}

/** The store currency (ISO 4217) for every back-office user; the default until it is known. */
export function useStoreCurrency(): string {
  const { data } = useStoreInfo();
  return data?.currency || defaultCurrency;
}
