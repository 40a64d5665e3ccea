import { useTheme } from '@mui/material/styles';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, minorUnitDigits } from '../money/money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { axisMoney } from './moneyAxis';

export interface RevenuePoint {
  /** What the axis shows ("25 Nov"). */
  label: string;
  /** What the tooltip shows ("Wed, 25 Nov 2026"). */
  title: string;
  /** Minor units. */
  online: number;
  offline: number;
  /** given back that day (drawn below the axis) */
  refunds: number;
}

export interface RevenueChartProps {
  data: RevenuePoint[];
  height?: number;
  /** Accessible description, e.g. "Revenue per day, last 30 days". */
  description: string;
}

const seriesNames: Record<string, string> = { online: 'Online', offline: 'In-store', refunds: 'Refunds' };
/** Online first, then in-store, then refunds, in the legend and the tooltip alike. */
const seriesOrder = (item: { dataKey?: unknown }) => ['online', 'offline', 'refunds'].indexOf(String(item.dataKey));

/** Online and in-store revenue side by side per period, refunds beside them (recharts, as the react-admin demo). */
export const RevenueChart = ({ data, height = 300, description }: RevenueChartProps) => {
  const theme = useTheme();
  const currency = useStoreCurrency();
  // Without sales the axis still reads in whole money (0 to 10), not in cents.
  const emptyScaleTop = 10 * 10 ** minorUnitDigits(currency);
  return (
    <div role="img" aria-label={description} data-testid="revenue-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis
            domain={[0, (dataMax: number) => Math.max(dataMax, emptyScaleTop)]}
            tickFormatter={(value: number) => axisMoney(value, currency)}
            allowDecimals={false}
            width={80}
            tick={{ fontSize: 12 }}
          />
          <Tooltip
            itemSorter={seriesOrder}
            formatter={(value, name) => [formatMoney(Math.round(Number(value)), currency), seriesNames[String(name)] ?? String(name)]}
            labelFormatter={(_label, payload) => (payload?.[0]?.payload as RevenuePoint | undefined)?.title ?? String(_label)}
          />
          <Legend itemSorter={seriesOrder} formatter={(name: string) => seriesNames[name] ?? name} />
          {/* No growing animation: the figures are read, not watched (and screenshots stay exact). */}
          <Bar dataKey="online" name="online" fill={theme.palette.primary.main} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="offline" name="offline" fill={theme.palette.warning.main} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="refunds" name="refunds" fill={theme.palette.error.light} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
