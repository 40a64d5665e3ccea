import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Notification } from '@chance/client';
import { shop } from '../shop';
import { useUser } from './session';

interface NotificationsState {
  unread: number;
  /** notifications that arrived on the live stream since the page opened, newest first */
  live: Notification[];
  status: 'off' | 'live' | 'reconnecting';
  refreshCount(): void;
}

const NotificationsContext = createContext<NotificationsState>({ unread: 0, live: [], status: 'off', refreshCount: () => undefined });

/** The unread count and the live stream (server-sent events) while someone is signed in. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [unread, setUnread] = useState(0);
  const [live, setLive] = useState<Notification[]>([]);
  const [status, setStatus] = useState<NotificationsState['status']>('off');

  const refreshCount = useCallback(() => {
    shop.notifications.unreadCount().then(setUnread, () => undefined);
  }, []);

  useEffect(() => {
    setLive([]);
    if (!user) {
      setUnread(0);
      setStatus('off');
      return;
    }
    refreshCount();
    const stop = shop.notifications.subscribe({
      onNotification: (notification) => {
        setLive((list) => [notification, ...list.filter((n) => n.id !== notification.id)]);
        setUnread((count) => count + 1);
      },
      onStatus: (next) => {
        setStatus(next);
        if (next === 'live') refreshCount(); // catch up on what came while disconnected
      },
    });
    return stop;
  }, [user?.id, refreshCount]); // a new user, a new stream

  const value = useMemo(() => ({ unread, live, status, refreshCount }), [unread, live, status, refreshCount]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export const useNotifications = (): NotificationsState => useContext(NotificationsContext);
