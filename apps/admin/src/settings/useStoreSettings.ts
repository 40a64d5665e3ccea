import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { ChanceDataProvider } from '../providers/dataProvider';
import type { StoreSettings } from '../types';
import { defaultCurrency } from '../money/money';

export const storeSettingsQueryKey = ['chance-store', 'settings'] as const;

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

/** Replaces the cached settings after a save, so that formatted amounts follow at once. */
export function useSetStoreSettings() {
  const queryClient = useQueryClient();
  return (settings: StoreSettings) => queryClient.setQueryData(storeSettingsQueryKey, settings);
}

/**
 * The store currency. Staff may not read /api/admin/settings (SPEC.md section 2), so for them this
 * is the default until the API exposes the currency to every back-office user.
 */
export function useStoreCurrency(): string {
  const { data } = useStoreSettings();
  return data?.currency || defaultCurrency;
}
