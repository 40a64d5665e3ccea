/**
 * The booking calendar's rules, apart from FullCalendar (BookingCalendar.tsx draws them): which
 * bookings a visible range asks the API for, how a booking reads as a calendar event, and what a
 * drag to another time sends (or why it is refused before anything is sent).
 */
import type { Booking, BookingStatus } from '../types';
import { bookingStatusLooks, isPastDue } from './bookingStatus';

/** The calendar's views: a week or a day of hours, or a month of days. */
export type CalendarView = 'timeGridWeek' | 'timeGridDay' | 'dayGridMonth';

export const calendarViews: { id: CalendarView; label: string }[] = [
  { id: 'timeGridDay', label: 'Day' },
  { id: 'timeGridWeek', label: 'Week' },
  { id: 'dayGridMonth', label: 'Month' },
];

export function isCalendarView(value: unknown): value is CalendarView {
  return calendarViews.some((view) => view.id === value);
}

/** At most this many bookings come in one range: the admin lists' largest page (docs/api.md#lists). */
export const CALENDAR_MAX_BOOKINGS = 1000;

/** Who the calendar shows: everyone's visits, or one staff member's (`assigneeId`). */
export type AssigneeChoice = number | 'all';

/**
 * The bookings list's filter for the visible range: `from` its first instant, `to` its last (the
 * API takes both inclusive; FullCalendar's end is exclusive, so one millisecond before it), and the
 * chosen staff member.
 */
export function rangeFilter(range: { start: Date; end: Date }, assignee: AssigneeChoice = 'all'): Record<string, string | number> {
  return {
    from: range.start.toISOString(),
    to: new Date(range.end.getTime() - 1).toISOString(),
    ...(assignee === 'all' ? {} : { assigneeId: assignee }),
  };
}

/** The "look" of a booking in the calendar: its status, and "Past due" for a pending visit whose time has passed. */
export type CalendarLook = BookingStatus | 'pastDue';

type Look = (typeof bookingStatusLooks)[BookingStatus];

/** The status chips' words and colours (bookingStatus.ts), with the list's "Past due". */
export const calendarLooks: Record<CalendarLook, Look> = { ...bookingStatusLooks, pastDue: { label: 'Past due', color: 'warning' } };

export function calendarLookOf(booking: Pick<Booking, 'status' | 'scheduledAt'>, now = Date.now()): CalendarLook {
  return isPastDue(booking, now) ? 'pastDue' : booking.status;
}

/** The names the calendar knows: accounts (customers) and in-store customers, by id. */
export interface CustomerNames {
  accounts: ReadonlyMap<number, { fullName?: string | null; email: string }>;
  inStore: ReadonlyMap<number, { name: string }>;
}

/** The accounts and in-store customers the bookings are for, each id once: one lookup each, never one per booking. */
export function customerIdsOf(bookings: readonly Pick<Booking, 'customerId' | 'offlineCustomerId'>[]): { accountIds: number[]; inStoreIds: number[] } {
  const accountIds = new Set<number>();
  const inStoreIds = new Set<number>();
  for (const booking of bookings) {
    if (booking.customerId != null) accountIds.add(booking.customerId);
    if (booking.offlineCustomerId != null) inStoreIds.add(booking.offlineCustomerId);
  }
  return { accountIds: [...accountIds].sort((a, b) => a - b), inStoreIds: [...inStoreIds].sort((a, b) => a - b) };
}

/** "Carla Customer", "Ivan (in store)"; the number while the name is not (yet) known. */
export function customerNameOf(booking: Pick<Booking, 'customerId' | 'offlineCustomerId'>, names: CustomerNames): string {
  if (booking.customerId != null) {
    const account = names.accounts.get(booking.customerId);
    return account ? account.fullName || account.email : `Customer #${booking.customerId}`;
  }
  if (booking.offlineCustomerId != null) {
    const person = names.inStore.get(booking.offlineCustomerId);
    return person ? `${person.name} (in store)` : `In-store customer #${booking.offlineCustomerId}`;
  }
  return 'No customer';
}

/** What a calendar event carries besides its times: enough to draw it and to open or move its booking. */
export interface BookingEventProps {
  bookingId: number;
  serviceName: string;
  customer: string;
  look: CalendarLook;
  statusLabel: string;
}

/** A FullCalendar event (EventInput) for one booking. */
export interface BookingEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  /** Only a pending visit can be moved (the API refuses the others); no booking changes its length here. */
  startEditable: boolean;
  durationEditable: false;
  classNames: string[];
  extendedProps: BookingEventProps;
}

/**
 * A booking as the calendar shows it: from its time for its duration, titled by its service and
 * customer, coloured by its status; only a pending one can be dragged.
 */
export function bookingToEvent(booking: Booking, names: CustomerNames, now = Date.now()): BookingEvent {
  const start = new Date(booking.scheduledAt);
  const end = new Date(start.getTime() + booking.durationMinutes * 60_000);
  const look = calendarLookOf(booking, now);
  const customer = customerNameOf(booking, names);
  return {
    id: String(booking.id),
    title: `${booking.serviceName} · ${customer}`,
    start: start.toISOString(),
    end: end.toISOString(),
    startEditable: booking.status === 'pending',
    durationEditable: false,
    classNames: [`booking-${look}`],
    extendedProps: { bookingId: booking.id, serviceName: booking.serviceName, customer, look, statusLabel: calendarLooks[look].label },
  };
}

export type DropDecision = { ok: true; body: { scheduledAt: string } } | { ok: false; message: string };

/**
 * What dropping a booking at `newStart` does: `PUT /api/admin/bookings/:id {scheduledAt}` for a
 * pending visit moved to a future time; otherwise why not (the event goes back), in the API's own
 * terms: only a pending booking can be moved, never into the past.
 */
export function dropDecision(booking: Pick<Booking, 'status'>, newStart: Date | null, now = Date.now()): DropDecision {
  if (booking.status !== 'pending') {
    return { ok: false, message: `This booking is ${booking.status}: it can no longer be moved.` };
  }
  if (!newStart || Number.isNaN(newStart.getTime())) return { ok: false, message: 'Drop the visit on a day and a time.' };
  if (newStart.getTime() <= now) return { ok: false, message: 'Choose a time in the future: a visit cannot be moved into the past.' };
  return { ok: true, body: { scheduledAt: newStart.toISOString() } };
}

/**
 * Why the API refused a move, in the calendar's words (the event is put back): a booking completed or
 * cancelled meanwhile (409 INVALID_TRANSITION), a refused time (400 on scheduledAt), or the API's message.
 */
export function refusalMessage(refusal: { code?: string; scheduledAt?: string; message?: string }): string {
  if (refusal.code === 'INVALID_TRANSITION') return 'This booking is no longer pending (it was completed or cancelled meanwhile): it stays where it was.';
  if (refusal.scheduledAt) return `The new time was refused (${refusal.scheduledAt}): the booking stays where it was.`;
  return refusal.message ? `${refusal.message}: the booking stays where it was.` : 'The booking could not be moved: it stays where it was.';
}

/**
 * Clicking an empty time in the week or day view books a visit then: the create form opens with the
 * time filled in (react-admin's `?source=`), only for a time still in the future.
 */
export function createAtSearch(time: Date, now = Date.now()): string | null {
  if (Number.isNaN(time.getTime()) || time.getTime() <= now) return null;
  return `?source=${encodeURIComponent(JSON.stringify({ scheduledAt: time.toISOString() }))}`;
}
