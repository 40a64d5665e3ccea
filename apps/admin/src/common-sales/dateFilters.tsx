import { DateInput } from 'react-admin';

/** Date filters are whole days in UTC (docs/api.md#dates-and-times): "until" includes the day it names. */
export const dayStart = (value: string) => (value ? value : null);
export const dayEnd = (value: string) => (value ? `${value}T23:59:59.999Z` : null);
export const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/** The "From" and "Until" filter inputs of an instant field, e.g. `placedAt` → placedAt_gte / placedAt_lte. */
export function dateRangeFilters(source: string, { from = 'From', until = 'Until' } = {}) {
  return [
    <DateInput key={`${source}_gte`} source={`${source}_gte`} label={from} parse={dayStart} format={dayOf} />,
    <DateInput key={`${source}_lte`} source={`${source}_lte`} label={until} parse={dayEnd} format={dayOf} />,
  ];
}
