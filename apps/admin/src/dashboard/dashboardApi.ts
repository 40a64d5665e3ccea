import { useQuery, type QueryClient } from '@tanstack/react-query';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import type { DashboardReport, IntegrityReport } from '../types';

export const dashboardQueryKey = ['chance-store', 'reports', 'dashboard'] as const;

/** GET /api/admin/reports/dashboard, refreshed every minute while the dashboard is open. */
export function useDashboardReport() {
  return useQuery({
    queryKey: dashboardQueryKey,
    queryFn: async () => (await httpClient<DashboardReport>(`${adminApiUrl}/reports/dashboard`)).json,
    refetchInterval: 60_000,
    retry: 1,
  });
}

/**
 * An order came in (the bell's live `order_update`): the dashboard's figures and its lists of the
 * newest orders and customers fetch again at once (those on screen; the others when next shown).
 */
export function refreshDashboard(queryClient: QueryClient): void {
  for (const queryKey of [dashboardQueryKey, ['orders'], ['users'], ['offline-customers']]) void queryClient.invalidateQueries({ queryKey });
}

/** GET /api/admin/reports/integrity: the invariant checks (admins). */
export function useIntegrityReport(enabled: boolean) {
  return useQuery({
    queryKey: ['chance-store', 'reports', 'integrity'],
    queryFn: async () => (await httpClient<IntegrityReport>(`${adminApiUrl}/reports/integrity`)).json,
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** "2026-11-25" in UTC, `days` days before `now`. */
export function utcDay(now: Date, daysBefore = 0): string {
  return new Date(now.getTime() - daysBefore * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A react-admin list filtered (`/orders?filter={"status":"pending"}`). */
export function listLink(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }) {
  const params = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  return `/${resource}?${params}`;
}
