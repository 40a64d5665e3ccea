import { useEffect, useState } from 'react';
import type { Notification } from '@chance/client';
import { shop } from '../shop';
import { useNotifications } from '../state/notifications';
import { ErrorAlert, formatDate, Loading, PageHeading } from '../components/ui';

/** The inbox: what the stream brought live on top, then the stored ones; mark read one by one or all. */
export default function NotificationsPage() {
  const { live, status, refreshCount } = useNotifications();
  const [stored, setStored] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    shop.notifications.list({ range: [0, 49] }).then((page) => setStored(page.items), setError);
  }, []);

  const byId = new Map<number, Notification>();
  for (const n of [...live, ...(stored ?? [])]) if (!byId.has(n.id)) byId.set(n.id, n);
  const all = [...byId.values()].sort((a, b) => b.id - a.id);

  async function markRead(notification: Notification) {
    try {
      const updated = await shop.notifications.markRead(notification.id);
      setStored((list) => [updated, ...(list ?? []).filter((n) => n.id !== updated.id)]);
      refreshCount();
    } catch (e) {
      setError(e);
    }
  }

  async function markAll() {
    try {
      await shop.notifications.markAllRead();
      const page = await shop.notifications.list({ range: [0, 49] });
      setStored(page.items);
      refreshCount();
    } catch (e) {
      setError(e);
    }
  }

  const readOf = (n: Notification) => stored?.find((s) => s.id === n.id)?.readAt ?? n.readAt;

  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <p className="muted" role="status">
        {status === 'live' ? 'Live: new notifications appear here as they arrive.' : status === 'reconnecting' ? 'Reconnecting…' : ''}
      </p>
      <ErrorAlert error={error} />
      {stored === null ? <Loading /> : null}
      {stored !== null && all.length === 0 ? <p>Nothing yet.</p> : null}
      {all.length > 0 ? (
        <>
          <button type="button" onClick={markAll}>
            Mark all as read
          </button>
          <ul className="notification-list" aria-live="polite">
            {all.map((n) => (
              <li key={n.id} className={`card${readOf(n) ? '' : ' unread'}`}>
                <h2>
                  {readOf(n) ? null : <span className="visually-hidden">Unread: </span>}
                  {n.title}
                </h2>
                <p>{n.body}</p>
                <p className="muted">{formatDate(n.createdAt, true)}</p>
                {readOf(n) ? null : (
                  <button type="button" className="link-button" onClick={() => markRead(n)}>
                    Mark as read<span className="visually-hidden">: {n.title}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
