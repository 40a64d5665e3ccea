import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { alpha, type Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateInput,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  TopToolbar,
  FilterButton,
  useCanAccess,
  SimpleList,
  Title,
  useGetResourceLabel,
} from 'react-admin';
import { MoneyField } from '../money';
import type { AdminUser, Booking } from '../types';
import { BookingCalendar } from './BookingCalendar';
import { BookingCustomerField } from './BookingCustomerField';
import { BookingStatusChip, VisitTimeField } from './BookingFields';
import { BookingStatusButton } from './BookingStatusButton';
import { BookingTabs, upcomingFilter } from './BookingTabs';
import { bookingStatusLooks, isPastDue } from './bookingStatus';
import { BookingViewSwitch, useBookingsView } from './BookingViewSwitch';
import { PhoneOr, Tertiary } from '../layout/phone';

/** Whole days in the browser's calendar are close enough here: "until" includes its day (UTC). */
const dayStart = (value: string) => (value ? value : null);
const dayEnd = (value: string) => (value ? `${value}T23:59:59.999Z` : null);
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

const pastDueHighlight = {
  bgcolor: (theme: Theme) => alpha(theme.palette.warning.main, 0.12),
  '&:hover': { bgcolor: (theme: Theme) => alpha(theme.palette.warning.main, 0.2) },
} as const;

const customerOption = (user: AdminUser) => (user.fullName ? `${user.fullName} (${user.email})` : user.email);

function bookingFilters(canListUsers: boolean) {
  return [
    <SearchInput key="q" source="q" placeholder="Service, address or notes" alwaysOn />,
    <DateInput key="scheduledAt_gte" source="scheduledAt_gte" label="From" parse={dayStart} format={dayOf} alwaysOn />,
    <DateInput key="scheduledAt_lte" source="scheduledAt_lte" label="Until" parse={dayEnd} format={dayOf} alwaysOn />,
    <ReferenceInput key="serviceTypeId" source="serviceTypeId" reference="service-types" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="Service" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    ...(canListUsers
      ? [
          <ReferenceInput key="customerId" source="customerId" reference="users" filter={{ role: 'customer' }}>
            <AutocompleteInput label="Customer" filterToQuery={(q) => ({ q })} optionText={customerOption} sx={{ minWidth: 260 }} />
          </ReferenceInput>,
        ]
      : []),
  ];
}

const BookingListActions = () => (
  <TopToolbar>
    <BookingViewSwitch />
    <FilterButton />
    <CreateButton label="New booking" />
  </TopToolbar>
);

const AddressCell = () => (
  <FunctionField<Booking>
    render={(booking) => (
      <Stack component="span" sx={{ maxWidth: 280 }}>
        <Typography component="span" variant="body2" noWrap>
          {booking.address}
        </Typography>
        {booking.notes && (
          <Typography component="span" variant="caption" color="text.secondary" noWrap>
            {booking.notes}
          </Typography>
        )}
      </Stack>
    )}
  />
);

/** Pending visits whose time has passed stand out: they need completing or cancelling. */
const pastDueRow = (booking: Booking) => (isPastDue(booking) ? pastDueHighlight : {});

/** The calendar view of the bookings page: the same title and actions, FullCalendar instead of the table. */
const BookingCalendarPage = () => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <>
      <Title title={getResourceLabel('bookings', 2)} />
      {/* react-admin's toolbar grows (flex: 1) below md, made for a list's row of filters: not in this column */}
      <Box sx={{ flex: 'none' }}>
        <TopToolbar>
          <BookingViewSwitch />
          <CreateButton label="New booking" />
        </TopToolbar>
      </Box>
      <BookingCalendar />
    </>
  );
};

/** The bookings page: the list, or (`?view=calendar`) the calendar. */
export const BookingList = () => (useBookingsView() === 'calendar' ? <BookingCalendarPage /> : <BookingTable />);

/**
 * Service bookings: upcoming visits first (pending, from now on, soonest first), with tabs for
 * the other states, a date range, search and per-row complete/cancel actions.
 */
const BookingTable = () => {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  return (
    <List<Booking>
      filters={bookingFilters(canListUsers === true)}
      filterDefaultValues={upcomingFilter()}
      sort={{ field: 'scheduledAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<BookingListActions />}
    >
      <BookingTabs />
      <PhoneOr
        phone={
          <SimpleList<Booking>
            rowClick="show"
            primaryText={(booking) => booking.serviceName}
            secondaryText={(booking) =>
              `${new Date(booking.scheduledAt).toLocaleString()} · ${bookingStatusLooks[booking.status]?.label ?? booking.status}${booking.address ? ` · ${booking.address}` : ''}`
            }
            tertiaryText={
              <Tertiary>
                <MoneyField source="price" />
              </Tertiary>
            }
          />
        }
      >
        <DataTable<Booking> rowClick="show" bulkActionButtons={false} rowSx={pastDueRow}>
          <DataTable.Col source="scheduledAt" label="Visit">
            <VisitTimeField />
          </DataTable.Col>
          <DataTable.Col source="serviceName" label="Service" disableSort />
          <DataTable.Col source="customerId" label="Customer" disableSort>
            <BookingCustomerField link={false} />
          </DataTable.Col>
          <DataTable.Col source="address" label="Address" disableSort>
            <AddressCell />
          </DataTable.Col>
          <DataTable.Col source="price" align="right">
            <MoneyField source="price" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <BookingStatusChip />
          </DataTable.Col>
          <DataTable.Col label="" align="right">
            <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
              <BookingStatusButton status="completed" />
              <BookingStatusButton status="cancelled" />
            </Stack>
          </DataTable.Col>
        </DataTable>
      </PhoneOr>
    </List>
  );
};
