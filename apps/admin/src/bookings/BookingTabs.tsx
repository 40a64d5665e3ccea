import { useMemo, type SyntheticEvent } from 'react';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useGetList, useListContext } from 'react-admin';
import { nowMinute } from './bookingStatus';

type TabId = 'upcoming' | 'pastDue' | 'completed' | 'cancelled' | 'all';

interface BookingTab {
  id: TabId;
  label: string;
  filter: (now: string) => Record<string, string>;
  sort: 'ASC' | 'DESC';
}

/** What each tab shows; the tabs own the status and the time filters. */
const tabs: BookingTab[] = [
  { id: 'upcoming', label: 'Upcoming', filter: (now) => ({ status: 'pending', scheduledAt_gte: now }), sort: 'ASC' },
  { id: 'pastDue', label: 'Past due', filter: (now) => ({ status: 'pending', scheduledAt_lte: now }), sort: 'ASC' },
  { id: 'completed', label: 'Completed', filter: () => ({ status: 'completed' }), sort: 'DESC' },
  { id: 'cancelled', label: 'Cancelled', filter: () => ({ status: 'cancelled' }), sort: 'DESC' },
  { id: 'all', label: 'All', filter: () => ({}), sort: 'DESC' },
];

const tabFilterKeys = ['status', 'scheduledAt_gte', 'scheduledAt_lte'];

/** The filters a booking list opens with: pending visits from now on, soonest first. */
export const upcomingFilter = () => tabs[0].filter(nowMinute());

/** Which tab the current filters are (false: none, e.g. pending between two chosen days... still "upcoming"). */
function currentTab(filter: Record<string, unknown>): TabId | false {
  const { status, scheduledAt_gte: from, scheduledAt_lte: until } = filter;
  if (status === 'completed') return 'completed';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'pending') {
    if (from) return 'upcoming';
    if (until && String(until) <= new Date(Date.now() + 60_000).toISOString()) return 'pastDue';
    return false;
  }
  return status == null && !from && !until ? 'all' : false;
}

function withoutTabFilters(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([key]) => !tabFilterKeys.includes(key)));
}

const TabLabel = ({ label, filter }: { label: string; filter: Record<string, unknown> }) => {
  const { total, isPending } = useGetList('bookings', { filter, pagination: { page: 1, perPage: 1 } });
  return (
    <span>
      {label}
      {isPending || total == null ? '' : ` (${total})`}
    </span>
  );
};

/**
 * Upcoming, past due (pending visits whose time has passed), completed, cancelled, all: each with
 * its count under the list's other filters (search, customer, service), as in react-admin's demo.
 */
export const BookingTabs = () => {
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  const others = useMemo(() => withoutTabFilters(filterValues), [filterValues]);
  const now = nowMinute();
  const value = currentTab(filterValues);

  const select = (_event: SyntheticEvent, next: TabId) => {
    const tab = tabs.find((candidate) => candidate.id === next) ?? tabs[0];
    setFilters({ ...others, ...tab.filter(nowMinute()) }, displayedFilters);
    setSort({ field: 'scheduledAt', order: tab.sort });
  };

  return (
    <>
      <Tabs value={value} onChange={select} variant="scrollable" scrollButtons="auto" aria-label="Booking status">
        {tabs.map((tab) => (
          <Tab key={tab.id} value={tab.id} label={<TabLabel label={tab.label} filter={{ ...others, ...tab.filter(now) }} />} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
