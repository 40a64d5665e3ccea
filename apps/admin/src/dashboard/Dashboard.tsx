import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import TodayIcon from '@mui/icons-material/Today';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Title, useGetIdentity } from 'react-admin';
import { upcomingWeekFilter } from '../bookings/bookingStatus';
import { formatMoney } from '../money/money';
import { salesReportLink } from '../reports/salesReportLink';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { DashboardReport } from '../types';
import { listLink, useDashboardReport, utcDay } from './dashboardApi';
import { receivablesParts } from './receivables';
import { longDay, shortDay } from './moneyAxis';
import { NewestLists } from './NewestLists';
import { RevenueChart, type RevenuePoint } from './RevenueChart';
import { StatCard } from './StatCard';
import { SystemHealthCard } from './SystemHealthCard';

const count = (value: number | undefined, one: string, many: string) => (value == null ? '' : `${value.toLocaleString()} ${value === 1 ? one : many}`);

const Figures = ({ report, loading }: { report: DashboardReport | undefined; loading: boolean }) => {
  const currency = useStoreCurrency();
  const money = (amount: number | undefined) => (amount == null ? '' : formatMoney(amount, currency));
  const now = new Date();
  const today = utcDay(now);
  const cards = [
    {
      title: 'Revenue today',
      value: money(report?.revenueToday),
      caption: 'Online and in-store, less refunds',
      icon: TodayIcon,
      to: salesReportLink({ from: today, to: today, groupBy: 'day' }),
    },
    {
      title: 'Revenue, last 30 days',
      value: money(report?.revenueLast30Days),
      caption: 'Online and in-store, less refunds',
      icon: TrendingUpIcon,
      to: salesReportLink({ from: utcDay(now, 29), to: today, groupBy: 'day' }),
    },
    {
      title: 'Pending orders',
      value: count(report?.pendingOrders, 'order', 'orders'),
      caption: 'Waiting to be processed',
      icon: PendingActionsIcon,
      to: listLink('orders', { status: 'pending' }, { field: 'placedAt', order: 'ASC' }),
    },
    {
      title: 'Low-stock variants',
      value: count(report?.lowStockVariants, 'variant', 'variants'),
      caption: 'At or below their threshold',
      icon: WarningAmberIcon,
      to: listLink('products', { lowStock: true }),
      tone: report && report.lowStockVariants > 0 ? ('warning' as const) : undefined,
    },
    {
      title: 'Outstanding receivables',
      value: money(report?.outstandingReceivables),
      caption: 'Still owed on orders and in-store sales',
      icon: AccountBalanceWalletIcon,
      parts: report
        ? receivablesParts(report).map((part) => ({ label: part.label, value: money(part.amount), to: listLink(part.resource, part.filter, part.sort) }))
        : undefined,
    },
    {
      title: 'Upcoming bookings',
      value: count(report?.upcomingBookings, 'visit', 'visits'),
      caption: 'Pending, in the next 7 days',
      icon: EventAvailableIcon,
      to: listLink('bookings', upcomingWeekFilter(now), { field: 'scheduledAt', order: 'ASC' }),
    },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(3, 1fr)' } }}>
      {cards.map((card) => (
        <StatCard key={card.title} loading={loading} {...card} />
      ))}
    </Box>
  );
};

const RevenueCard = ({ report }: { report: DashboardReport | undefined }) => {
  const currency = useStoreCurrency();
  const points = useMemo<RevenuePoint[]>(
    () =>
      (report?.revenueByDay ?? []).map((day) => ({
        label: shortDay(day.date),
        title: longDay(day.date),
        online: day.online,
        offline: day.offline,
        refunds: day.refunds,
      })),
    [report],
  );
  const online = points.reduce((sum, point) => sum + point.online, 0);
  const offline = points.reduce((sum, point) => sum + point.offline, 0);
  const refunds = points.reduce((sum, point) => sum + point.refunds, 0);
  return (
    <Card>
      <CardHeader
        title="Revenue per day"
        subheader={`Last 30 days · online ${formatMoney(online, currency)} · in-store ${formatMoney(offline, currency)}${refunds ? ` · refunds ${formatMoney(refunds, currency)}` : ''}`}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {report ? <RevenueChart data={points} description="Online and in-store revenue per day over the last 30 days" /> : <Box sx={{ height: 300 }} />}
      </CardContent>
    </Card>
  );
};

/**
 * The back office's first page (react-admin demo style): today's figures as cards that open the
 * lists behind them, and the revenue of the last 30 days, online and in-store side by side.
 */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { data: report, isPending, error } = useDashboardReport();
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Chance Store" />
      <Box>
        <Typography variant="h5" component="h1">
          Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Online and in-store sales, stock, purchases and service bookings at a glance.
        </Typography>
      </Box>
      {error ? (
        <Card>
          <CardContent>
            <Typography color="error">The figures could not be loaded{error instanceof Error ? `: ${error.message}` : '.'}</Typography>
          </CardContent>
        </Card>
      ) : (
        <>
          <Figures report={report} loading={isPending} />
          <RevenueCard report={report} />
        </>
      )}
      <NewestLists />
      <SystemHealthCard />
    </Stack>
  );
};
