import { useState, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Popover from '@mui/material/Popover';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsIcon from '@mui/icons-material/Notifications';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import { useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { UserNotification } from '../types';
import { fetchLatestNotifications, latestNotificationsKey, markAllNotificationsRead } from './notificationsApi';
import { notificationTypeLooks, timeAgo } from './notificationTypes';
import { useAllNotificationsRead, useLiveUnreadCount, useMarkNotificationRead, useNotificationTarget } from './useNotificationFeed';

/** Shown in the dropdown. */
const latestCount = 8;

const NotificationItem = ({ notification, onOpen }: { notification: UserNotification; onOpen: (n: UserNotification) => void }) => {
  const look = notificationTypeLooks[notification.type] ?? notificationTypeLooks.message;
  const Icon = look.icon;
  const unread = !notification.readAt;
  return (
    <ListItemButton
      onClick={() => onOpen(notification)}
      data-unread={unread}
      aria-label={`${notification.title}${unread ? ', unread' : ''}`}
      sx={{ alignItems: 'flex-start', py: 1, bgcolor: unread ? 'action.hover' : undefined }}
    >
      <ListItemIcon sx={{ mt: 0.25 }}>
        <Icon fontSize="small" />
      </ListItemIcon>
      <Stack sx={{ minWidth: 0, flex: 1 }}>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography variant="body2" sx={{ fontWeight: unread ? 700 : 400 }}>
            {notification.title}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
            {timeAgo(notification.createdAt)}
          </Typography>
        </Stack>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {look.label} · {notification.body}
        </Typography>
      </Stack>
    </ListItemButton>
  );
};

/**
 * The app bar's bell: the live unread count, and a dropdown of the latest notifications. Opening
 * one marks it read and goes to the record it is about (when that is a back-office page).
 */
export const NotificationBell = () => {
  const { count, live } = useLiveUnreadCount();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor != null;
  const navigate = useNavigate();
  const notify = useNotify();
  const targetOf = useNotificationTarget();
  const markRead = useMarkNotificationRead();
  const allRead = useAllNotificationsRead();
  const { data: latest, isPending } = useQuery({
    queryKey: latestNotificationsKey,
    queryFn: () => fetchLatestNotifications(latestCount),
    enabled: open,
  });

  const close = () => setAnchor(null);

  const openNotification = async (notification: UserNotification) => {
    close();
    try {
      await markRead(notification);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The notification could not be marked read.', { type: 'error' });
    }
    const target = targetOf(notification);
    if (target) navigate(target);
  };

  const readAll = async () => {
    try {
      await markAllNotificationsRead();
      allRead();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The notifications could not be marked read.', { type: 'error' });
    }
  };

  const unread = count ?? 0;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <>
      <Tooltip title={live ? 'Notifications (live)' : 'Notifications'}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          data-testid="notification-bell"
          data-unread-count={count /* absent until known */}
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} color="error" max={99}>
            {unread > 0 ? <NotificationsIcon /> : <NotificationsNoneIcon />}
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        anchorEl={anchor}
        open={open}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: '95vw' }, role: 'dialog', 'aria-label': 'Notifications' } }}
      >
        <Stack direction="row" sx={{ px: 2, py: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" component="h2">
            Notifications
          </Typography>
          <MuiButton size="small" onClick={readAll} disabled={unread === 0}>
            Mark all as read
          </MuiButton>
        </Stack>
        <Divider />
        {isPending && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
            Loading…
          </Typography>
        )}
        {!isPending && (latest ?? []).length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
            No notifications yet.
          </Typography>
        )}
        {(latest ?? []).length > 0 && (
          <List dense disablePadding aria-label="Latest notifications" sx={{ maxHeight: 440, overflowY: 'auto' }}>
            {(latest ?? []).map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={openNotification} />
            ))}
          </List>
        )}
        <Divider />
        <Box sx={{ px: 1, py: 0.5, textAlign: 'center' }}>
          <MuiButton
            size="small"
            fullWidth
            onClick={() => {
              close();
              navigate('/notifications');
            }}
          >
            See all notifications
          </MuiButton>
        </Box>
      </Popover>
    </>
  );
};
