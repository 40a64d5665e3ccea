import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { Link, LinkBase, useCanAccess, useGetList } from 'react-admin';
import type { OfflineCustomer, Order } from '../common-sales/types';
import { formatMoney } from '../money/money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { AdminUser } from '../types';
import { listLink } from './dashboardApi';

/** How many rows each list shows. */
export const NEWEST_ROWS = 5;

const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

interface Row {
  key: string;
  to: string;
  primary: ReactNode;
  secondary: ReactNode;
  side?: ReactNode;
}

const NewestCard = ({
  title,
  rows,
  loading,
  empty,
  more,
}: {
  title: string;
  rows: Row[];
  loading: boolean;
  empty: string;
  more: { to: string; label: string };
}) => (
  <Card component="section" aria-label={title} sx={{ display: 'flex', flexDirection: 'column' }}>
    <CardHeader
      title={title}
      slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      action={
        <Link to={more.to} variant="body2" sx={{ display: 'inline-block', mt: 1, mr: 1 }}>
          {more.label}
        </Link>
      }
    />
    <List dense disablePadding sx={{ flex: 1 }}>
      {loading
        ? Array.from({ length: 3 }, (_, i) => <Skeleton key={i} sx={{ mx: 2, my: 1 }} />)
        : rows.map((row) => (
            <ListItemButton key={row.key} component={LinkBase} to={row.to} divider>
              <ListItemText primary={row.primary} secondary={row.secondary} sx={{ minWidth: 0 }} slotProps={{ secondary: { noWrap: true } }} />
              {row.side && <Box sx={{ ml: 1, flexShrink: 0, textAlign: 'right' }}>{row.side}</Box>}
            </ListItemButton>
          ))}
      {!loading && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
          {empty}
        </Typography>
      )}
    </List>
  </Card>
);

/** The newest pending orders: what is waiting to be processed, newest first. */
const NewestPendingOrders = () => {
  const currency = useStoreCurrency();
  const { data = [], isPending } = useGetList<Order>('orders', {
    filter: { status: 'pending' },
    sort: { field: 'placedAt', order: 'DESC' },
    pagination: { page: 1, perPage: NEWEST_ROWS },
  });
  return (
    <NewestCard
      title="Newest pending orders"
      loading={isPending}
      empty="No order is waiting."
      more={{ to: listLink('orders', { status: 'pending' }, { field: 'placedAt', order: 'DESC' }), label: 'All pending' }}
      rows={data.map((order) => ({
        key: String(order.id),
        to: `/orders/${order.id}/show`,
        primary: order.number ?? `Draft #${order.id}`,
        secondary: `${when(order.placedAt)} · ${order.email}`,
        side: <Typography variant="body2">{formatMoney(order.total, currency)}</Typography>,
      }))}
    />
  );
};

/**
 * The newest customers of both channels, newest first: accounts (for admins, who may open users)
 * and in-store customers, each marked and linked to its own page.
 */
const NewestCustomers = () => {
  const { canAccess: canListUsers = false } = useCanAccess({ resource: 'users', action: 'list' });
  const page = { sort: { field: 'createdAt', order: 'DESC' as const }, pagination: { page: 1, perPage: NEWEST_ROWS } };
  const accounts = useGetList<AdminUser>('users', { ...page, filter: { role: 'customer' } }, { enabled: canListUsers });
  const inStore = useGetList<OfflineCustomer>('offline-customers', page);
  const rows = [
    ...(canListUsers ? (accounts.data ?? []) : []).map((user) => ({
      at: user.createdAt,
      row: {
        key: `u${user.id}`,
        to: `/users/${user.id}`,
        primary: user.fullName || user.email,
        secondary: `${when(user.createdAt)} · ${user.email}`,
        side: <Chip size="small" variant="outlined" label="Online" />,
      },
    })),
    ...(inStore.data ?? []).map((customer) => ({
      at: customer.createdAt,
      row: {
        key: `o${customer.id}`,
        to: `/offline-customers/${customer.id}/show`,
        primary: customer.name,
        secondary: `${when(customer.createdAt)} · ${customer.phone}`,
        side: <Chip size="small" variant="outlined" label="In store" />,
      },
    })),
  ]
    .sort((a, b) => String(b.at).localeCompare(String(a.at)))
    .slice(0, NEWEST_ROWS)
    .map(({ row }) => row);
  return (
    <NewestCard
      title="Newest customers"
      loading={inStore.isPending || (canListUsers && accounts.isPending)}
      empty="No customer yet."
      more={
        canListUsers
          ? { to: listLink('users', { role: 'customer' }, { field: 'createdAt', order: 'DESC' }), label: 'All accounts' }
          : { to: listLink('offline-customers', {}, { field: 'createdAt', order: 'DESC' }), label: 'All in-store' }
      }
      rows={rows}
    />
  );
};

/** The two lists of the dashboard, side by side on a wide screen (as the react-admin demo's). */
export const NewestLists = () => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
    <NewestPendingOrders />
    <NewestCustomers />
  </Box>
);
