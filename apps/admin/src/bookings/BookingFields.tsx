import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { durationText } from '../service-types/duration';
import type { Booking } from '../types';
import { bookingStatusLooks, isPastDue, visitTime } from './bookingStatus';

/** "Pending", "Completed", "Cancelled"; a pending visit whose time has passed is "Past due". */
export const BookingStatusChip = (_props: { label?: string; source?: string }) => {
  const booking = useRecordContext<Booking>();
  if (!booking) return null;
  if (isPastDue(booking)) return <Chip size="small" label="Past due" color="warning" />;
  const look = bookingStatusLooks[booking.status] ?? { label: booking.status, color: 'default' as const };
  return <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />;
};

/** "Tue, 5 Jan 2027, 09:00" with the visit's length under it. */
export const VisitTimeField = (_props: { label?: string; source?: string }) => {
  const booking = useRecordContext<Booking>();
  if (!booking) return null;
  return (
    <Stack component="span">
      <span>{visitTime(booking.scheduledAt)}</span>
      <Typography component="span" variant="caption" color="text.secondary">
        {durationText(booking.durationMinutes)}
      </Typography>
    </Stack>
  );
};
