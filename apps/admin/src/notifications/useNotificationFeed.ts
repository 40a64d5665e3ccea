import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCreatePath, useResourceDefinitions } from 'react-admin';
import { refreshDashboard } from '../dashboard/dashboardApi';
import { canRoleAccess } from '../providers/access';
import { myNotificationsResource } from '../providers/dataProvider';
import { readSession } from '../providers/session';
import type { UserNotification } from '../types';
import {
  fetchUnreadCount,
  latestNotificationsKey,
  markNotificationRead,
  notificationStreamUrl,
  parseNotificationEvent,
  unreadCountKey,
} from './notificationsApi';

/** Polling period while the live stream is down. */
export const pollingIntervalMs = 30_000;
const maxReconnectDelayMs = 30_000;

/** Makes every view of the notifications (bell, dropdown, notifications page) fetch again. */
export function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: unreadCountKey });
    void queryClient.invalidateQueries({ queryKey: latestNotificationsKey });
    void queryClient.invalidateQueries({ queryKey: [myNotificationsResource] });
  }, [queryClient]);
}

/**
 * The live unread count of the signed-in user: the count from GET …/unread-count, then one
 * server-sent event per new notification. Each (re)connection first reads the count through the
 * authenticated http client — which refreshes an expired access token and catches up on anything
 * missed while disconnected — and then opens the stream with the current token. While the stream
 * is down the count is polled every 30 s, and the stream is retried with a growing delay.
 *
 * Mount once (the app bar's bell).
 */
export function useLiveUnreadCount(): { count: number | undefined; live: boolean } {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateNotifications();
  const [live, setLive] = useState(false);
  const { data: count } = useQuery({
    queryKey: unreadCountKey,
    queryFn: fetchUnreadCount,
    refetchInterval: live ? false : pollingIntervalMs,
    refetchIntervalInBackground: false,
    retry: false,
  });
  const seen = useRef(new Set<number>());

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const retryLater = () => {
      if (stopped) return;
      failures += 1;
      const delay = Math.min(maxReconnectDelayMs, 1000 * 2 ** Math.min(failures - 1, 5));
      timer = setTimeout(() => void connect(), delay);
    };

    const onNotification = (event: MessageEvent) => {
      const notification = parseNotificationEvent(event.data);
      if (!notification || seen.current.has(notification.id)) return;
      seen.current.add(notification.id);
      if (!notification.readAt) queryClient.setQueryData<number>(unreadCountKey, (current) => (current ?? 0) + 1);
      invalidate();
      // a new or changed order moves the dashboard's figures and lists
      if (notification.type === 'order_update') refreshDashboard(queryClient);
    };

    async function connect() {
      try {
        await queryClient.fetchQuery({ queryKey: unreadCountKey, queryFn: fetchUnreadCount, staleTime: 0 });
      } catch {
        retryLater();
        return;
      }
      const token = readSession()?.accessToken;
      if (stopped || !token) return;
      const stream = new EventSource(notificationStreamUrl(token));
      source = stream;
      stream.addEventListener('open', () => {
        failures = 0;
        setLive(true);
      });
      stream.addEventListener('notification', onNotification as EventListener);
      stream.addEventListener('error', () => {
        // Closed by the server, a network failure or a refused (expired) token: the browser would
        // retry with the same URL, so reconnect ourselves, with a fresh token.
        stream.close();
        if (source === stream) source = null;
        setLive(false);
        retryLater();
      });
    }

    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [queryClient, invalidate]);

  return { count, live };
}

/**
 * The page a notification's link points at, when it is a back-office resource the user may open:
 * `{resource: "orders", id: 42}` → "/orders/42/show" (a customer's message: `customers`, their page). Undefined otherwise.
 */
export function useNotificationTarget() {
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  return useCallback(
    (notification: Pick<UserNotification, 'link'>): string | undefined => {
      const link = notification.link;
      if (!link) return undefined;
      const definition = definitions[link.resource];
      if (!definition || !canRoleAccess(readSession()?.user.role, link.resource)) return undefined;
      const type = definition.hasShow ? 'show' : definition.hasEdit ? 'edit' : undefined;
      return type ? createPath({ resource: link.resource, id: link.id, type }) : undefined;
    },
    [definitions, createPath],
  );
}

/** Marks a notification read (when it is not) and updates the count and lists. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateNotifications();
  return useCallback(
    async (notification: Pick<UserNotification, 'id' | 'readAt'>) => {
      if (notification.readAt) return;
      await markNotificationRead(notification.id);
      queryClient.setQueryData<number>(unreadCountKey, (current) => Math.max(0, (current ?? 1) - 1));
      invalidate();
    },
    [queryClient, invalidate],
  );
}

/** After "mark all as read": the count is 0 and the lists fetch again. */
export function useAllNotificationsRead() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateNotifications();
  return useCallback(() => {
    queryClient.setQueryData<number>(unreadCountKey, 0);
    invalidate();
  }, [queryClient, invalidate]);
}
