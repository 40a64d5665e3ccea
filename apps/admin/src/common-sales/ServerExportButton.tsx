import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, CreateButton, FilterButton, TopToolbar, useListContext, useNotify, useResourceDefinition } from 'react-admin';
import { downloadFile, errorMessage } from './adminActions';

/** The export's URL (under /api/admin): the list's current sort and filter, no range (docs/api.md#exports). */
export function exportPath(path: string, sort: { field: string; order: string } | undefined, filter: Record<string, unknown>): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return `${path}/export.csv?${query}`;
}

/**
 * Export: the server writes every row the list's current filter matches, in its current sort
 * (react-admin's own export fetches at most one 1,000-row page and keeps the rest in silence).
 * `omit` drops filters the export fixes itself; `path` is the export's resource when it is not the list's.
 */
export function ServerExportButton({ path, omit = [] }: { path?: string; omit?: readonly string[] }) {
  const { resource, filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const target = path ?? resource;
  const download = async () => {
    setBusy(true);
    try {
      const filters = Object.fromEntries(Object.entries(filterValues).filter(([key]) => !omit.includes(key)));
      await downloadFile(exportPath(target, sort, filters), `${target}.csv`, 'text/csv');
    } catch (error) {
      notify(errorMessage(error, 'The export failed.'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="ra.action.export" onClick={download} disabled={busy || total === 0} startIcon={<DownloadIcon />} />;
}

/** A list's toolbar: filters, create (when the resource has it) and the server export. */
export function ExportingListActions({ createLabel }: { createLabel?: string }) {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate ? <CreateButton label={createLabel} /> : null}
      <ServerExportButton />
    </TopToolbar>
  );
}
