import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, HttpError, Title, downloadCSV } from 'react-admin';
import { longDay, monthName, shortDay } from '../dashboard/moneyAxis';
import { RevenueChart, type RevenuePoint } from '../dashboard/RevenueChart';
import { formatMoney } from '../money/money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { SalesGrouping, SalesReport, SalesTotals } from '../types';
import { fetchSalesReport, periodErrors, periodFromSearch, presetPeriods, revenueOf, salesReportCsv, type SalesPeriod } from './salesReport';

const periodText = (period: string, groupBy: SalesGrouping) => (groupBy === 'month' ? monthName(period) : longDay(period));

const columns: { key: keyof SalesTotals | 'revenue'; label: string; money: boolean }[] = [
  { key: 'onlineRevenue', label: 'Online revenue', money: true },
  { key: 'offlineRevenue', label: 'In-store revenue', money: true },
  { key: 'revenue', label: 'Total revenue', money: true },
  { key: 'refunds', label: 'Refunds', money: true },
  { key: 'netRevenue', label: 'Net revenue', money: true },
  { key: 'orders', label: 'Orders', money: false },
  { key: 'offlineSales', label: 'In-store sales', money: false },
  { key: 'grossProfit', label: 'Gross profit', money: true },
];

const SalesTable = ({ report }: { report: SalesReport }) => {
  const currency = useStoreCurrency();
  const cell = (row: SalesTotals, key: (typeof columns)[number]['key'], money: boolean) => {
    const value = key === 'revenue' ? revenueOf(row) : row[key];
    return money ? formatMoney(value, currency) : value.toLocaleString();
  };
  return (
    <TableContainer>
      <Table size="small" aria-label="Sales per period">
        <TableHead>
          <TableRow>
            <TableCell>{report.groupBy === 'month' ? 'Month' : 'Day'}</TableCell>
            {columns.map((column) => (
              <TableCell key={column.key} align="right">
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={row.period} hover sx={revenueOf(row) === 0 ? { '& td': { color: 'text.secondary' } } : undefined}>
              <TableCell>{periodText(row.period, report.groupBy)}</TableCell>
              {columns.map((column) => (
                <TableCell key={column.key} align="right">
                  {cell(row, column.key, column.money)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}>
            <TableCell>Total</TableCell>
            {columns.map((column) => (
              <TableCell key={column.key} align="right">
                {cell(report.totals, column.key, column.money)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** The inputs hold what is typed; the page's address (and so the query) changes on valid periods only. */
const PeriodPicker = ({
  period,
  onChange,
  serverErrors,
}: {
  period: SalesPeriod;
  onChange: (next: SalesPeriod) => void;
  serverErrors?: Record<string, string>;
}) => {
  const [draft, setDraft] = useState(period);
  useEffect(() => setDraft(period), [period]);
  const errors = { ...serverErrors, ...periodErrors(draft) };
  const update = (next: SalesPeriod) => {
    setDraft(next);
    if (Object.keys(periodErrors(next)).length === 0) onChange(next);
  };
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <TextField
          type="date"
          label="From"
          name="from"
          value={draft.from}
          onChange={(event) => update({ ...draft, from: event.target.value })}
          error={!!errors.from}
          helperText={errors.from ?? 'Start of the day (UTC)'}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
          sx={{ width: 210 }}
        />
        <TextField
          type="date"
          label="To"
          name="to"
          value={draft.to}
          onChange={(event) => update({ ...draft, to: event.target.value })}
          error={!!errors.to}
          helperText={errors.to ?? 'Through the end of the day'}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
          sx={{ width: 210 }}
        />
        <ToggleButtonGroup
          exclusive
          size="small"
          value={draft.groupBy}
          onChange={(_event, groupBy: SalesGrouping | null) => groupBy && update({ ...draft, groupBy })}
          aria-label="Group by"
          sx={{ height: 40, '& .MuiToggleButton-root': { whiteSpace: 'nowrap', px: 2 } }}
        >
          <ToggleButton value="day">By day</ToggleButton>
          <ToggleButton value="month">By month</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {presetPeriods().map(({ label, period: preset }) => (
          <Chip key={label} label={label} size="small" variant="outlined" onClick={() => update(preset)} />
        ))}
      </Stack>
    </Stack>
  );
};

/**
 * Sales by day or month for a period (docs/api.md#back-office-resources): online and in-store revenue, the number
 * of orders and in-store sales, and gross profit from the cost snapshots; a table, a chart and a
 * CSV export. The period lives in the address, so that a report can be bookmarked or linked.
 */
export const SalesReportPage = () => {
  const [search, setSearch] = useSearchParams();
  const period = useMemo(() => periodFromSearch(search), [search]);
  const currency = useStoreCurrency();
  const {
    data: report,
    error,
    isPending,
  } = useQuery({
    queryKey: ['chance-store', 'reports', 'sales', period],
    queryFn: () => fetchSalesReport(period),
    retry: false,
  });

  const serverErrors =
    error instanceof HttpError && error.body?.errors && typeof error.body.errors === 'object'
      ? (Object.fromEntries(Object.entries(error.body.errors as Record<string, unknown>).filter(([, value]) => typeof value === 'string')) as Record<
          string,
          string
        >)
      : undefined;

  const points = useMemo<RevenuePoint[]>(
    () =>
      (report?.rows ?? []).map((row) => ({
        label: report?.groupBy === 'month' ? monthName(row.period) : shortDay(row.period),
        title: periodText(row.period, report?.groupBy ?? 'day'),
        online: row.onlineRevenue,
        offline: row.offlineRevenue,
        refunds: row.refunds,
      })),
    [report],
  );

  const exportCsv = () => {
    if (!report) return;
    downloadCSV(salesReportCsv(report, currency), `sales-${report.from}-to-${report.to}-by-${report.groupBy}`);
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Sales report" />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
            <PeriodPicker period={period} serverErrors={serverErrors} onChange={(next) => setSearch({ ...next }, { replace: true })} />
            <Box>
              <Button label="Export CSV" onClick={exportCsv} disabled={!report} variant="outlined">
                <DownloadIcon />
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
      {error && !serverErrors && <Typography color="error">The report could not be loaded{error instanceof Error ? `: ${error.message}` : '.'}</Typography>}
      {error && serverErrors && <Typography color="error">{error.message}</Typography>}
      {isPending && !error && <Typography color="text.secondary">Loading the report…</Typography>}
      {report && (
        <>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                Revenue {report.groupBy === 'month' ? 'per month' : 'per day'}
              </Typography>
              <RevenueChart data={points} description={`Online and in-store revenue per ${report.groupBy}, ${report.from} to ${report.to}`} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {longDay(report.from)} to {longDay(report.to)}
              </Typography>
              <Typography variant="body2" color="text.secondary" gutterBottom>
                Revenue is what orders and in-store sales that were not cancelled came to, tax and shipping included; gross profit is what they sold for minus
                what the goods cost.
              </Typography>
              <SalesTable report={report} />
            </CardContent>
          </Card>
        </>
      )}
    </Stack>
  );
};
