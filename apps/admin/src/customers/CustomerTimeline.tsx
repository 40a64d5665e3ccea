import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import TimelineIcon from '@mui/icons-material/Timeline';
import { Button, Link, LinearProgress, useInfiniteGetList, useRecordContext } from 'react-admin';
import type { Look } from '../common-sales/labels';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import {
  signedTimelineAmount,
  timelineEntryName,
  timelineEntryPath,
  timelineKindLabels,
  timelinePaymentLook,
  timelineResource,
  timelineStatusLook,
} from './timeline';
import type { Customer, TimelineEntry } from './types';

/** Entries read per "Load more". */
const PAGE = 20;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const LookChip = ({ look }: { look: Look }) => (
  <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />
);

const EntryRow = ({ entry, customerId, currency }: { entry: TimelineEntry; customerId: number; currency: string }) => {
  const amount = signedTimelineAmount(entry);
  const payment = timelinePaymentLook(entry);
  return (
    <TableRow data-testid="timeline-entry" data-kind={entry.kind} data-id={entry.id} hover>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(entry.at)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{timelineKindLabels[entry.kind]}</TableCell>
      <TableCell>
        <Link to={timelineEntryPath(entry, customerId)} sx={{ fontWeight: 600 }}>
          {timelineEntryName(entry) || '—'}
        </Link>
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
          <LookChip look={timelineStatusLook(entry)} />
          {payment ? <LookChip look={payment} /> : null}
        </Stack>
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap', color: amount !== null && amount < 0 ? 'error.main' : undefined }}>
        {amount === null ? '' : `${amount < 0 ? '−' : ''}${formatMoney(Math.abs(amount), currency)}`}
      </TableCell>
    </TableRow>
  );
};

/**
 * One timeline of everything the customer did with the shop (GET /api/admin/customers/:id/timeline):
 * orders, the linked in-store customer's sales, bookings, refunds and messages, newest first, each
 * linked to its record; 20 at a time ("Load more").
 */
export const CustomerTimeline = () => {
  const customer = useRecordContext<Customer>();
  const currency = useStoreCurrency();
  const { data, total, hasNextPage, fetchNextPage, isFetchingNextPage, isPending, error } = useInfiniteGetList<TimelineEntry>(
    timelineResource(customer?.id ?? 0),
    { pagination: { page: 1, perPage: PAGE }, sort: { field: 'at', order: 'DESC' }, filter: {} },
    { enabled: customer != null },
  );
  if (!customer) return null;
  const entries = data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Box component="section" aria-label="Timeline" data-testid="customer-timeline" sx={{ width: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <TimelineIcon fontSize="small" color="action" />
        <Typography variant="h6" component="h2" sx={{ fontSize: '1rem' }}>
          Timeline
        </Typography>
        {total != null ? (
          <Typography variant="body2" color="text.secondary">
            {entries.length < total ? `${entries.length} of ${total}` : `${total}`}
          </Typography>
        ) : null}
      </Stack>
      {isPending ? <LinearProgress /> : null}
      {error ? (
        <Typography variant="body2" color="error">
          The timeline could not be loaded.
        </Typography>
      ) : null}
      {!isPending && !error && entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing yet: no orders, in-store sales, bookings, refunds or messages.
        </Typography>
      ) : null}
      {entries.length > 0 ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Record</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Amount</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} customerId={Number(customer.id)} currency={currency} />
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
      {hasNextPage ? (
        <Box sx={{ mt: 1 }}>
          <Button label={isFetchingNextPage ? 'Loading…' : 'Load more'} disabled={isFetchingNextPage} onClick={() => void fetchNextPage()} />
        </Box>
      ) : null}
    </Box>
  );
};
