import { useState, type SyntheticEvent } from 'react';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import DraftsIcon from '@mui/icons-material/Drafts';
import {
  Button,
  DataTable,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TopToolbar,
  useGetList,
  useListContext,
  useNotify,
  useRecordContext,
  SimpleList,
} from 'react-admin';
import type { UserNotification } from '../types';
import { markAllNotificationsRead, markNotificationsRead } from './notificationsApi';
import { BulkActionButton } from '../bulk';
import { notificationTypeChoices, notificationTypeLooks } from './notificationTypes';
import { useAllNotificationsRead, useInvalidateNotifications, useMarkNotificationRead, useNotificationTarget } from './useNotificationFeed';
import { PhoneOr } from '../layout/phone';

const errorText = (error: unknown, fallback: string) => (error instanceof Error && error.message ? error.message : fallback);

const MarkAllReadButton = () => {
  const notify = useNotify();
  const allRead = useAllNotificationsRead();
  const { total } = useGetList<UserNotification>('notifications', { filter: { unread: true }, pagination: { page: 1, perPage: 1 } });
  const [busy, setBusy] = useState(false);
  const markAll = async () => {
    setBusy(true);
    try {
      const count = await markAllNotificationsRead();
      allRead();
      notify(count === 1 ? 'One notification marked as read' : `${count} notifications marked as read`, { type: 'success' });
    } catch (error) {
      notify(errorText(error, 'The notifications could not be marked read.'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="Mark all as read" onClick={markAll} disabled={busy || !total}>
      <DoneAllIcon />
    </Button>
  );
};

const NotificationListActions = () => (
  <TopToolbar>
    <MarkAllReadButton />
  </TopToolbar>
);

/** "Unread (3)" and "All": the `unread` filter as tabs. */
const ReadTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { unread, ...others } = filterValues as Record<string, unknown>;
  const { total } = useGetList('notifications', { filter: { ...others, unread: true }, pagination: { page: 1, perPage: 1 } });
  const select = (_event: SyntheticEvent, next: 'unread' | 'all') => setFilters(next === 'unread' ? { ...others, unread: true } : others, displayedFilters);
  return (
    <>
      <Tabs value={unread ? 'unread' : 'all'} onChange={select} aria-label="Read state">
        <Tab value="all" label="All" />
        <Tab value="unread" label={`Unread${total == null ? '' : ` (${total})`}`} />
      </Tabs>
      <Divider />
    </>
  );
};

const TypeChip = () => {
  const notification = useRecordContext<UserNotification>();
  if (!notification) return null;
  const look = notificationTypeLooks[notification.type] ?? notificationTypeLooks.message;
  const Icon = look.icon;
  return <Chip size="small" variant="outlined" color={look.color} icon={<Icon fontSize="small" />} label={look.label} />;
};

const MessageCell = () => (
  <FunctionField<UserNotification>
    render={(notification) => (
      <Stack component="span">
        <Typography component="span" variant="body2" sx={{ fontWeight: notification.readAt ? 400 : 700 }}>
          {notification.title}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
          {notification.body}
        </Typography>
      </Stack>
    )}
  />
);

const MarkReadButton = () => {
  const notification = useRecordContext<UserNotification>();
  const markRead = useMarkNotificationRead();
  const notify = useNotify();
  if (!notification) return null;
  if (notification.readAt) {
    return (
      <Typography component="span" variant="caption" color="text.secondary">
        Read
      </Typography>
    );
  }
  return (
    <Button
      label="Mark read"
      onClick={async (event) => {
        event.stopPropagation();
        try {
          await markRead(notification);
        } catch (error) {
          notify(errorText(error, 'The notification could not be marked read.'), { type: 'error' });
        }
      }}
    >
      <DraftsIcon />
    </Button>
  );
};

/** "Mark read" on the selection: one request (POST /api/me/notifications/bulk-read), then the bell and lists catch up. */
const MarkSelectedReadButton = () => {
  const invalidate = useInvalidateNotifications();
  return (
    <BulkActionButton<UserNotification>
      label="Mark read"
      icon={<DraftsIcon />}
      words={{ one: 'notification', many: 'notifications', done: 'marked read' }}
      labelOf={(notification) => notification.title}
      send={(ids) => markNotificationsRead(ids as UserNotification['id'][])}
      afterwards={invalidate}
    />
  );
};

const unreadRow = (notification: UserNotification) => (notification.readAt ? {} : { bgcolor: 'action.hover' });

/**
 * The signed-in user's notifications (every role), newest first: opening one marks it read and
 * goes to the record it is about, when that is a back-office page.
 */
export const NotificationList = () => {
  const targetOf = useNotificationTarget();
  const markRead = useMarkNotificationRead();
  const openNotification = async (_id: unknown, _resource: string, notification: UserNotification) => {
    await markRead(notification).catch(() => undefined);
    return targetOf(notification) ?? false;
  };
  return (
    <List<UserNotification>
      title="Notifications"
      filters={[<SelectInput key="type" source="type" label="Kind" choices={notificationTypeChoices} alwaysOn />]}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<NotificationListActions />}
    >
      <ReadTabs />
      <PhoneOr
        phone={
          <SimpleList<UserNotification>
            rowClick={(id, resource, record) => openNotification(id, resource, record as UserNotification)}
            primaryText={(notification) => notification.title}
            secondaryText={(notification) => notification.body}
            tertiaryText={(notification) => new Date(notification.createdAt).toLocaleDateString()}
            rowSx={unreadRow}
          />
        }
      >
        <DataTable<UserNotification> rowClick={openNotification} rowSx={unreadRow} bulkActionButtons={<MarkSelectedReadButton />}>
          <DataTable.Col source="createdAt" label="Received">
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="type" label="Kind" disableSort>
            <TypeChip />
          </DataTable.Col>
          <DataTable.Col source="title" label="Notification" disableSort>
            <MessageCell />
          </DataTable.Col>
          <DataTable.Col source="readAt" label="" align="right" disableSort>
            <MarkReadButton />
          </DataTable.Col>
        </DataTable>
      </PhoneOr>
    </List>
  );
};
