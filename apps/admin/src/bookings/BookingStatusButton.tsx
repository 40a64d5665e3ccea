import { useState } from 'react';
import Box from '@mui/material/Box';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { adminApiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';
import type { Booking } from '../types';
import { visitTime } from './bookingStatus';

type Move = 'completed' | 'cancelled';

const moves: Record<Move, { label: string; title: string; confirm: string; done: string; consequence: string }> = {
  completed: {
    label: 'Complete',
    title: 'Mark this visit as done?',
    confirm: 'Mark as done',
    done: 'Booking completed',
    consequence: 'It will be marked as completed and the customer will be notified.',
  },
  cancelled: {
    label: 'Cancel',
    title: 'Cancel this booking?',
    confirm: 'Cancel booking',
    done: 'Booking cancelled',
    consequence: 'It will be cancelled and the customer will be notified. This cannot be undone.',
  },
};

/** POST /api/admin/bookings/:id/status: the record as it is now (409 when it is no longer pending). */
export async function moveBooking(id: Booking['id'], status: Move): Promise<Booking> {
  const { json } = await httpClient<Booking>(`${adminApiUrl}/bookings/${encodeURIComponent(String(id))}/status`, {
    method: 'POST',
    body: JSON.stringify({ status }),
  });
  return json;
}

/**
 * Completes or cancels a pending booking, after a confirmation. Clicks do not reach a list row
 * (which would open the booking), also from the dialog (React events bubble through portals).
 */
export const BookingStatusButton = ({ status }: { status: Move }) => {
  const booking = useRecordContext<Booking>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!booking || booking.status !== 'pending') return null;
  const move = moves[status];

  const confirm = async () => {
    setSaving(true);
    try {
      await moveBooking(booking.id, status);
      notify(move.done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The booking could not be changed.', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="span" onClick={(event) => event.stopPropagation()}>
      <Button
        label={move.label}
        color={status === 'cancelled' ? 'error' : 'primary'}
        onClick={() => setOpen(true)}
        aria-label={`${move.label} booking ${booking.serviceName}`}
      >
        {status === 'cancelled' ? <EventBusyIcon /> : <CheckCircleIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={saving}
        title={move.title}
        content={`${booking.serviceName}, ${visitTime(booking.scheduledAt)}, at ${booking.address}. ${move.consequence}`}
        confirm={move.confirm}
        cancel="Back"
        confirmColor={status === 'cancelled' ? 'warning' : 'primary'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </Box>
  );
};
