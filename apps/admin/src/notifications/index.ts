import NotificationsIcon from '@mui/icons-material/Notifications';
import type { ResourceProps } from 'react-admin';
import type { UserNotification } from '../types';
import { NotificationList } from './NotificationList';

/**
 * The signed-in user's own notifications (GET /api/me/notifications, for admins and staff alike):
 * a page at /notifications, reached from the app bar's bell, not from the menu.
 */
export const notifications = {
  name: 'notifications',
  list: NotificationList,
  icon: NotificationsIcon,
  recordRepresentation: (record: UserNotification) => record.title,
} satisfies ResourceProps;

export { NotificationBell } from './NotificationBell';
export { NotificationList };
