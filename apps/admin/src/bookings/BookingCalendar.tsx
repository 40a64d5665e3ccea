import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg } from '@fullcalendar/core';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useCanAccess, useCreatePath, useGetIdentity, useGetList, useGetMany, useNotify, useStore, useUpdate } from 'react-admin';
import type { components } from '../api/schema';
import { errorCode, fieldError } from '../common-sales/adminActions';
import type { OfflineCustomer } from '../common-sales/types';
import { useIsPhone } from '../layout/phone';
import type { AdminUser, Booking } from '../types';
import { visitTime } from './bookingStatus';
import {
  CALENDAR_MAX_BOOKINGS,
  bookingToEvent,
  calendarLooks,
  createAtSearch,
  calendarViews,
  customerIdsOf,
  dropDecision,
  isCalendarView,
  rangeFilter,
  refusalMessage,
  type AssigneeChoice,
  type BookingEventProps,
  type CalendarLook,
  type CalendarView,
} from './calendar';

type CustomerAccount = components['schemas']['CustomerView'];

const staffName = (user: AdminUser) => `${user.fullName || user.email}${user.isActive ? '' : ' (inactive)'}`;

/**
 * Whose visits the calendar shows. Admins pick any admin or staff member by name; staff may not
 * read users (docs/api.md#roles), so they choose between everyone's visits and their own.
 */
const AssigneeFilter = ({ value, onChange }: { value: AssigneeChoice; onChange: (next: AssigneeChoice) => void }) => {
  const { canAccess: canListUsers, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  const { identity } = useGetIdentity();
  const { data: team = [] } = useGetList<AdminUser>(
    'users',
    { filter: { role: ['admin', 'staff'] }, pagination: { page: 1, perPage: 200 }, sort: { field: 'fullName', order: 'ASC' } },
    { enabled: canListUsers === true },
  );
  if (isPending) return null;
  const options: { id: number; name: string }[] = canListUsers
    ? team.map((user) => ({ id: Number(user.id), name: staffName(user) }))
    : identity
      ? [{ id: Number(identity.id), name: 'Me' }]
      : [];
  // a stored choice that is not on offer (a staff member gone from the list) shows everyone's
  const shown = value !== 'all' && options.some((option) => option.id === value) ? value : 'all';
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      margin="none"
      label="Assigned to"
      value={String(shown)}
      onChange={(event) => onChange(event.target.value === 'all' ? 'all' : Number(event.target.value))}
      sx={{ minWidth: 200, flex: { xs: '1 1 100%', sm: 'none' } }}
    >
      <MenuItem value="all">Everyone</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.id} value={String(option.id)}>
          {option.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** Service, customer and status, in the event's colour; the time first where there is room. */
const EventContent = ({ event, timeText, view }: EventContentArg) => {
  const props = event.extendedProps as BookingEventProps;
  const inMonth = view.type === 'dayGridMonth';
  return (
    <Box sx={{ overflow: 'hidden', lineHeight: 1.3, px: 0.25, width: '100%' }} data-booking-id={props.bookingId}>
      <Typography variant="caption" component="div" noWrap sx={{ fontWeight: 600, lineHeight: 'inherit' }}>
        {inMonth ? `${timeText} ` : ''}
        {props.serviceName}
      </Typography>
      <Typography variant="caption" component="div" noWrap sx={{ lineHeight: 'inherit' }}>
        {props.customer}
      </Typography>
      <Typography variant="caption" component="div" noWrap sx={{ lineHeight: 'inherit', opacity: 0.85 }}>
        {inMonth ? props.statusLabel : `${timeText} · ${props.statusLabel}`}
      </Typography>
    </Box>
  );
};

const renderEvent = (arg: EventContentArg) => <EventContent {...arg} />;
/** "3:00pm": the start alone (the event's height shows its length), never an ambiguous "3:00". */
const eventTime = { hour: 'numeric', minute: '2-digit', meridiem: 'short' } as const;
const phoneDayHeader = { weekday: 'long', day: 'numeric', month: 'short' } as const;

/** Each status in its chip's colour (bookingStatus.ts); cancelled visits outlined and struck through. */
function eventColours(theme: Theme) {
  const filled = (color: 'info' | 'success' | 'warning') => ({
    backgroundColor: theme.palette[color].main,
    borderColor: theme.palette[color].dark,
    color: theme.palette[color].contrastText,
    '& .fc-event-main': { color: theme.palette[color].contrastText },
  });
  const looks: Record<CalendarLook, object> = {
    pending: filled('info'),
    pastDue: filled('warning'),
    completed: filled('success'),
    cancelled: {
      backgroundColor: theme.palette.background.paper,
      borderColor: theme.palette.divider,
      '& .fc-event-main': { color: theme.palette.text.secondary, textDecoration: 'line-through' },
    },
  };
  return Object.fromEntries((Object.keys(looks) as CalendarLook[]).map((look) => [`& .fc-event.booking-${look}`, looks[look]]));
}

/**
 * FullCalendar in the MUI theme (light or dark): its colours, borders and type from the palette,
 * today and the hour lines as MUI draws tables.
 */
function calendarSx(theme: Theme) {
  return {
    '--fc-border-color': theme.palette.divider,
    '--fc-page-bg-color': theme.palette.background.paper,
    '--fc-neutral-bg-color': theme.palette.action.hover,
    '--fc-today-bg-color': alpha(theme.palette.primary.main, theme.palette.mode === 'dark' ? 0.16 : 0.06),
    '--fc-now-indicator-color': theme.palette.error.main,
    '--fc-highlight-color': alpha(theme.palette.primary.main, 0.12),
    '--fc-event-selected-overlay-color': alpha(theme.palette.common.black, 0.15),
    '& .fc': { fontFamily: theme.typography.fontFamily, fontSize: theme.typography.body2.fontSize, color: theme.palette.text.primary },
    '& .fc a': { color: 'inherit', textDecoration: 'none' },
    '& .fc .fc-col-header-cell-cushion': { ...theme.typography.subtitle2, py: 1 },
    '& .fc .fc-timegrid-slot-label-cushion, & .fc .fc-daygrid-day-number': { ...theme.typography.caption, color: theme.palette.text.secondary },
    '& .fc .fc-day-today .fc-daygrid-day-number': { color: theme.palette.primary.main, fontWeight: 700 },
    '& .fc .fc-scrollgrid': { borderLeft: 0, borderRight: 0 },
    // an hour is tall enough for an hour's visit to show its three lines (service, customer, time and status)
    '& .fc .fc-timegrid-slot': { height: 28 },
    // an empty time opens the new booking form at it
    '& .fc .fc-timegrid-col, & .fc .fc-timegrid-slot-lane': { cursor: 'pointer' },
    '& .fc .fc-event': { borderRadius: `${theme.shape.borderRadius}px`, cursor: 'pointer', boxShadow: theme.shadows[1] },
    '& .fc .fc-event:not(.fc-event-draggable)': { cursor: 'pointer' },
    '& .fc .fc-event.fc-event-draggable': { cursor: 'grab' },
    '& .fc .fc-timegrid-event-harness-inset .fc-timegrid-event': { boxShadow: `0 0 0 1px ${theme.palette.background.paper}` },
    ...eventColours(theme),
  };
}

/** The calendar's range, its heading and who it is for, kept per browser (react-admin's store) so coming back lands on the same week. */
function useCalendarSettings() {
  const [view, setView] = useStore<CalendarView>('bookings.calendar.view', 'timeGridWeek');
  const [date, setDate] = useStore<string | null>('bookings.calendar.date', null);
  const [assignee, setAssignee] = useStore<AssigneeChoice>('bookings.calendar.assignee', 'all');
  return { view: isCalendarView(view) ? view : 'timeGridWeek', setView, date, setDate, assignee, setAssignee };
}

/**
 * The bookings as a calendar (FullCalendar): a week or day of hours (a day on a phone), or a month.
 * It reads one list page per visible range (`filter={"from","to"}`, docs/api.md#services-and-notifications),
 * and the customers' names with one lookup of accounts and one of in-store customers. A click opens
 * the booking; dragging a pending one moves it (`PUT {scheduledAt}`), and what the API refuses puts
 * it back with the reason.
 */
export const BookingCalendar = () => {
  const theme = useTheme();
  const isPhone = useIsPhone();
  const notify = useNotify();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const calendarRef = useRef<FullCalendar>(null);
  const settings = useCalendarSettings();
  const view: CalendarView = isPhone ? 'timeGridDay' : settings.view;
  const [range, setRange] = useState<{ start: Date; end: Date; currentStart: string } | null>(null);
  const [title, setTitle] = useState('');
  const [update] = useUpdate<Booking>();
  const { setDate } = settings;
  // FullCalendar reads these once, when it is made (again on switching between phone and wider screens)
  const [initialDate] = useState(() => settings.date ?? undefined);

  const filter = range ? rangeFilter(range, settings.assignee) : {};
  const {
    data: bookings,
    total,
    error,
    isFetching,
    refetch,
  } = useGetList<Booking>(
    'bookings',
    { filter, pagination: { page: 1, perPage: CALENDAR_MAX_BOOKINGS }, sort: { field: 'scheduledAt', order: 'ASC' } },
    { enabled: range != null, placeholderData: keepPreviousData },
  );
  const { accountIds, inStoreIds } = useMemo(() => customerIdsOf(bookings ?? []), [bookings]);
  const { data: accounts } = useGetMany<CustomerAccount>('customers', { ids: accountIds }, { enabled: accountIds.length > 0 });
  const { data: inStore } = useGetMany<OfflineCustomer>('offline-customers', { ids: inStoreIds }, { enabled: inStoreIds.length > 0 });

  const byId = useMemo(() => new Map((bookings ?? []).map((booking) => [String(booking.id), booking])), [bookings]);
  const events = useMemo(() => {
    const names = {
      accounts: new Map((accounts ?? []).filter(Boolean).map((account) => [Number(account.id), account])),
      inStore: new Map((inStore ?? []).filter(Boolean).map((person) => [Number(person.id), person])),
    };
    return (bookings ?? []).map((booking) => bookingToEvent(booking, names));
  }, [bookings, accounts, inStore]);

  // FullCalendar announces its first range while it mounts, before this component's own effects
  // have run: only plain state here; the store (whose setter is an effect-bound event) follows below
  const datesSet = useCallback((arg: DatesSetArg) => {
    setTitle(arg.view.title);
    setRange((current) =>
      current && current.start.getTime() === arg.start.getTime() && current.end.getTime() === arg.end.getTime()
        ? current
        : { start: arg.start, end: arg.end, currentStart: arg.view.currentStart.toISOString() },
    );
  }, []);
  useEffect(() => {
    if (range) setDate(range.currentStart);
  }, [range, setDate]);

  const bookAt = (arg: DateClickArg) => {
    if (arg.allDay) return; // a day of the month view: no time to book at
    const search = createAtSearch(arg.date);
    if (search) navigate({ pathname: createPath({ resource: 'bookings', type: 'create' }), search });
  };

  const open = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    navigate(createPath({ resource: 'bookings', id: arg.event.id, type: 'show' }));
  };

  const drop = (arg: EventDropArg) => {
    const booking = byId.get(arg.event.id);
    const decision = booking ? dropDecision(booking, arg.event.start) : ({ ok: false, message: 'This booking is no longer here: reload the page.' } as const);
    if (!booking || !decision.ok) {
      arg.revert();
      notify(decision.ok ? 'The booking could not be moved.' : decision.message, { type: 'warning' });
      return;
    }
    update(
      'bookings',
      { id: booking.id, data: decision.body, previousData: booking },
      {
        mutationMode: 'pessimistic',
        onSuccess: (moved) => notify(`${moved.serviceName} moved to ${visitTime(moved.scheduledAt)}`, { type: 'success' }),
        onError: (problem) => {
          arg.revert();
          notify(
            refusalMessage({
              code: errorCode(problem),
              scheduledAt: fieldError(problem, 'scheduledAt'),
              message: problem instanceof Error ? problem.message : undefined,
            }),
            { type: 'error' },
          );
          // what changed meanwhile (a booking completed or cancelled elsewhere) shows at once
          void refetch();
        },
      },
    );
  };

  const api = () => calendarRef.current?.getApi();
  const changeView = (next: CalendarView) => {
    settings.setView(next);
    api()?.changeView(next);
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ p: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <IconButton aria-label="Previous" onClick={() => api()?.prev()} size="small">
            <ChevronLeftIcon />
          </IconButton>
          <IconButton aria-label="Next" onClick={() => api()?.next()} size="small">
            <ChevronRightIcon />
          </IconButton>
          <MuiButton size="small" variant="outlined" onClick={() => api()?.today()}>
            Today
          </MuiButton>
        </Stack>
        <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 160 }} data-testid="calendar-title">
          {title}
        </Typography>
        <AssigneeFilter value={settings.assignee} onChange={settings.setAssignee} />
        {!isPhone && (
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            onChange={(_event, next: CalendarView | null) => next && changeView(next)}
            aria-label="Calendar view"
          >
            {calendarViews.map((option) => (
              <ToggleButton key={option.id} value={option.id} sx={{ px: 1.5 }}>
                {option.label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Stack>
      <Box sx={{ height: 4 }}>{isFetching && <LinearProgress aria-label="Loading bookings" />}</Box>
      {error ? (
        <Alert severity="error" sx={{ mx: 1.5, mb: 1 }}>
          The bookings could not be loaded: {error instanceof Error ? error.message : String(error)}
        </Alert>
      ) : null}
      {total != null && total > CALENDAR_MAX_BOOKINGS && (
        <Alert severity="warning" sx={{ mx: 1.5, mb: 1 }}>
          Only the first {CALENDAR_MAX_BOOKINGS} of {total} bookings are shown: choose a shorter range or one staff member.
        </Alert>
      )}
      <Box sx={calendarSx(theme)} data-testid="booking-calendar">
        <FullCalendar
          ref={calendarRef}
          key={isPhone ? 'phone' : 'wide'}
          plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
          initialView={view}
          initialDate={initialDate}
          headerToolbar={false}
          firstDay={1}
          height={view === 'dayGridMonth' ? 'auto' : isPhone ? 560 : 720}
          allDaySlot={false}
          nowIndicator
          scrollTime="07:30:00"
          slotDuration="00:30:00"
          expandRows
          dayMaxEvents
          eventDisplay="block"
          eventMinHeight={36}
          displayEventEnd={false}
          editable
          eventDurationEditable={false}
          eventStartEditable
          events={events}
          datesSet={datesSet}
          eventClick={open}
          dateClick={bookAt}
          eventDrop={drop}
          eventContent={renderEvent}
          dayHeaderFormat={isPhone ? phoneDayHeader : undefined}
          eventTimeFormat={eventTime}
        />
      </Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ px: 1.5, py: 1, flexWrap: 'wrap' }} aria-label="Colours">
        {(Object.keys(calendarLooks) as CalendarLook[]).map((look) => (
          <Stack key={look} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box
              sx={{
                width: 12,
                height: 12,
                borderRadius: 0.5,
                border: 1,
                ...(look === 'cancelled'
                  ? { borderColor: 'divider', bgcolor: 'background.paper' }
                  : { bgcolor: `${calendarLooks[look].color}.main`, borderColor: `${calendarLooks[look].color}.dark` }),
              }}
            />
            <Typography variant="caption" color="text.secondary">
              {calendarLooks[look].label}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
};
