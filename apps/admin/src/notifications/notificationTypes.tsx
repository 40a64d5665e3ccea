import type { ComponentType } from 'react';
import ChatIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import EventNoteIcon from '@mui/icons-material/EventNote';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { NotificationType } from '../types';

export const notificationTypeLooks: Record<
  NotificationType,
  { label: string; icon: ComponentType<{ fontSize?: 'small' | 'inherit' }>; color: 'primary' | 'info' | 'secondary' | 'warning' | 'success' }
> = {
  order_update: { label: 'Order', icon: ReceiptLongIcon, color: 'primary' },
  product_update: { label: 'Product', icon: Inventory2Icon, color: 'info' },
  message: { label: 'Message', icon: ChatIcon, color: 'secondary' },
  booking_update: { label: 'Booking', icon: EventNoteIcon, color: 'success' },
  low_stock: { label: 'Low stock', icon: WarningAmberIcon, color: 'warning' },
};

export const notificationTypeChoices = (Object.entries(notificationTypeLooks) as [NotificationType, { label: string }][]).map(([id, { label }]) => ({
  id,
  name: label,
}));

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday". */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}
