/**
 * The signed-in user's notifications (docs/api.md#services-and-notifications), for every role: GET /api/me/notifications
 * (the list protocol), the unread count, marking read, and the live stream (server-sent events).
 */
import { myApiUrl, myNotificationsResource } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import type { BulkResult, UserNotification } from '../types';

export const notificationsUrl = `${myApiUrl}/${myNotificationsResource}`;

/** react-query keys: the bell's count and dropdown. The notifications page uses react-admin's own. */
export const unreadCountKey = ['chance-store', 'notifications', 'unread-count'] as const;
export const latestNotificationsKey = ['chance-store', 'notifications', 'latest'] as const;

export async function fetchUnreadCount(): Promise<number> {
  const { json } = await httpClient<{ count: number }>(`${notificationsUrl}/unread-count`);
  return json.count;
}

/** The newest notifications, read or not. */
export async function fetchLatestNotifications(limit: number): Promise<UserNotification[]> {
  const query = new URLSearchParams({ sort: JSON.stringify(['id', 'DESC']), range: JSON.stringify([0, limit - 1]) });
  const { json } = await httpClient<UserNotification[]>(`${notificationsUrl}?${query}`);
  return json ?? [];
}

export async function markNotificationRead(id: UserNotification['id']): Promise<UserNotification> {
  const { json } = await httpClient<UserNotification>(`${notificationsUrl}/${encodeURIComponent(String(id))}/read`, {
    method: 'POST',
    body: '{}',
  });
  return json;
}

/** POST …/bulk-read: several at once; one that is gone comes back in `failed`. */
export async function markNotificationsRead(ids: UserNotification['id'][]): Promise<BulkResult> {
  const { json } = await httpClient<BulkResult>(`${notificationsUrl}/bulk-read`, { method: 'POST', body: JSON.stringify({ ids }) });
  return json;
}

/** Resolves to how many were marked read. */
export async function markAllNotificationsRead(): Promise<number> {
  const { json } = await httpClient<{ count: number }>(`${notificationsUrl}/read-all`, { method: 'POST', body: '{}' });
  return json.count;
}

/** EventSource cannot send headers: the access token goes in the query (the API allows it on this route only). */
export function notificationStreamUrl(accessToken: string): string {
  return `${notificationsUrl}/stream?${new URLSearchParams({ accessToken })}`;
}

/** A `notification` event's data, or null when it is not one. */
export function parseNotificationEvent(data: unknown): UserNotification | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JSON.parse(data) as Partial<UserNotification>;
    return typeof parsed.id === 'number' && typeof parsed.title === 'string' ? (parsed as UserNotification) : null;
  } catch {
    return null;
  }
}
