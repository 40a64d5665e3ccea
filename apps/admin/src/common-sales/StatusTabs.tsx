import type { SyntheticEvent } from 'react';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useGetList, useListContext } from 'react-admin';

const all = '__all__';

/** "Pending (3)": one list query per tab, for its total only (Content-Range). */
const TabLabel = ({ resource, label, filter }: { resource: string; label: string; filter: Record<string, unknown> }) => {
  const { total, isPending } = useGetList(resource, { filter, pagination: { page: 1, perPage: 1 } });
  return (
    <span>
      {label}
      {isPending || total == null ? '' : ` (${total})`}
    </span>
  );
};

export interface StatusTabsProps {
  /** The filter the tabs set, e.g. `status`. */
  source: string;
  choices: { id: string; name: string }[];
  /** The first tab, without the filter. */
  allLabel?: string;
}

/**
 * Tabs over a list, one per value of a filter, each with its count under the list's other filters
 * (react-admin's e-commerce demo). Put it inside a <List> above the table.
 */
export const StatusTabs = ({ source, choices, allLabel = 'All' }: StatusTabsProps) => {
  const { filterValues, setFilters, displayedFilters, resource } = useListContext();
  const { [source]: current, ...otherFilters } = filterValues as Record<string, unknown>;
  const value = typeof current === 'string' && choices.some((choice) => choice.id === current) ? current : all;

  const select = (_event: SyntheticEvent, next: string) => {
    setFilters(next === all ? otherFilters : { ...otherFilters, [source]: next }, displayedFilters);
  };

  return (
    <>
      <Tabs value={value} onChange={select} variant="scrollable" scrollButtons="auto" aria-label={`${source} tabs`}>
        <Tab value={all} label={<TabLabel resource={resource} label={allLabel} filter={otherFilters} />} />
        {choices.map((choice) => (
          <Tab
            key={choice.id}
            value={choice.id}
            label={<TabLabel resource={resource} label={choice.name} filter={{ ...otherFilters, [source]: choice.id }} />}
          />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
