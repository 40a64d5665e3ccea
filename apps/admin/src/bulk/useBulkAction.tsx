import { useState, type ReactNode } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { Button, useListContext, useNotify, useRefresh, useUnselect, type Identifier, type RaRecord } from 'react-admin';
import { errorMessage } from '../common-sales/adminActions';
import type { BulkResult } from '../types';
import { bulkSummary, type BulkSummary, type BulkWords } from './bulkSummary';

/** Lists the records a bulk action could not change, each with why (they stay selected on the list). */
const BulkFailuresDialog = ({ summary, onClose }: { summary: BulkSummary; onClose: () => void }) => (
  <Dialog open onClose={onClose} aria-labelledby="bulk-failures-title" fullWidth maxWidth="sm">
    <DialogTitle id="bulk-failures-title">{summary.headline.replace(/: .*$| \(see the list\)\.$/, '.')}</DialogTitle>
    <DialogContent dividers>
      <List dense disablePadding aria-label="Not changed">
        {summary.failures.map((failure) => (
          <ListItem key={String(failure.id)} disableGutters>
            <ListItemText primary={failure.label} secondary={failure.reason} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
          </ListItem>
        ))}
      </List>
    </DialogContent>
    <DialogActions>
      <Button label="Close" onClick={onClose} />
    </DialogActions>
  </Dialog>
);

/** The API takes at most this many ids per bulk request (docs/api.md#bulk-actions). */
export const BULK_MAX_IDS = 100;

/** Sends the ids in requests of at most BULK_MAX_IDS (a "select all" may hold more) and adds up the answers. */
export async function inChunks(ids: Identifier[], send: (ids: Identifier[]) => Promise<BulkResult>): Promise<BulkResult> {
  const total: BulkResult = { succeeded: [], failed: [] };
  for (let start = 0; start < ids.length; start += BULK_MAX_IDS) {
    const part = await send(ids.slice(start, start + BULK_MAX_IDS));
    total.succeeded.push(...part.succeeded);
    total.failed.push(...part.failed);
  }
  return total;
}

export interface BulkActionOptions<R extends RaRecord> {
  words: BulkWords;
  /** how people name a record of the list ("ORD-000043"); `#id` when it is not on the page */
  labelOf: (record: R) => string;
  /** what else to refresh once done (the list itself always is) */
  afterwards?: () => void;
}

/**
 * Runs a bulk action on the list's selection (docs/api.md#bulk-actions): sends the ids, says what
 * was done in a toast ("2 orders moved to shipped, 1 failed: …"), unselects the records changed
 * and keeps the refused ones selected, listed with why in a dialog; then the list fetches again.
 */
export function useBulkAction<R extends RaRecord>({ words, labelOf, afterwards }: BulkActionOptions<R>) {
  const { selectedIds, data, resource } = useListContext<R>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselect = useUnselect(resource);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<BulkSummary | null>(null);

  const run = async (send: (ids: Identifier[]) => Promise<BulkResult>) => {
    const ids = [...selectedIds];
    const byId = new Map((data ?? []).map((record) => [String(record.id), record]));
    setBusy(true);
    try {
      const result = await inChunks(ids, send);
      const outcome = bulkSummary(result, words, (id) => {
        const record = byId.get(String(id));
        return record ? labelOf(record) : `#${id}`;
      });
      unselect(result.succeeded);
      notify(outcome.headline, { type: outcome.severity, multiLine: true });
      setSummary(outcome.failures.length > 0 ? outcome : null);
      afterwards?.();
      refresh();
    } catch (error) {
      notify(errorMessage(error, `The ${words.many} could not be changed.`), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const dialog: ReactNode = summary ? <BulkFailuresDialog summary={summary} onClose={() => setSummary(null)} /> : null;
  return { run, busy, dialog, count: selectedIds.length };
}
