import type { BookingStatus } from '../types';

type ChipColor = 'default' | 'info' | 'success' | 'warning' | 'error';

export const bookingStatusLooks: Record<BookingStatus, { label: string; color: ChipColor }> = {
  pending: { label: 'Pending', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export const bookingStatusChoices = (Object.entries(bookingStatusLooks) as [BookingStatus, { label: string }][]).map(([id, { label }]) => ({
  id,
  name: label,
}));

/** The current minute as an ISO instant: "from now on" for the upcoming bookings. */
export function nowMinute(now = new Date()): string {
  const copy = new Date(now);
  copy.setUTCSeconds(0, 0);
  return copy.toISOString();
}

/** A pending booking whose time has passed: it should be completed or cancelled. */
export function isPastDue(booking: { status: BookingStatus; scheduledAt: string }, now = Date.now()): boolean {
  return booking.status === 'pending' && new Date(booking.scheduledAt).getTime() < now;
}

/** "Tue, 5 Jan 2027, 09:00" in the browser's time zone. */
export function visitTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The time a datetime-local input holds ("2027-01-05T09:00", local) as the API's ISO instant. */
export function localToIso(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The list filters of the dashboard's "upcoming bookings" (pending, within the next 7 days). */
export function upcomingWeekFilter(now = new Date()): Record<string, string> {
  const end = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  return { status: 'pending', scheduledAt_gte: nowMinute(now), scheduledAt_lte: end.toISOString() };
}
