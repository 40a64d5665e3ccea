import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import HistoryIcon from '@mui/icons-material/History';
import { Button, LinkBase, useCanAccess, useGetList, useRecordContext, useResourceContext, useTranslate, type Identifier } from 'react-admin';
import type { AuditLogEntry } from '../types';
import { actionLabel, groupHistory, operationResource, partActionLabel, partName, type HistoryEvent } from './auditChanges';
import { ChangeList, RecordName } from './ChangeLines';
import { auditLogsLink } from './auditLogsLink';

export interface HistoryPanelProps {
  /** Default: the current resource (inside <Edit>/<Show>). */
  resource?: string;
  /** Default: the current record's id. */
  id?: Identifier;
  /** Events shown before "Show older changes". */
  initialCount?: number;
}

/** Entries read at once: a record's history is short; the audit log has the rest. */
const entriesPerRecord = 200;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Edited"; when only parts of the record changed, what did it: "Created — In-store sale". */
function useEventTitle() {
  const translate = useTranslate();
  return (event: HistoryEvent) => {
    // The record's own row first: what happened to it; else the request's action, and on what.
    const label = event.own ? partActionLabel(event.parts[0]) : actionLabel(event.action);
    const subject = event.own ? undefined : operationResource(event.operation);
    if (!subject) return label;
    return `${label} — ${translate(`resources.${subject}.name`, { smart_count: 1, _: partName(subject) })}`;
  };
}

const HistoryContent = ({ resource, id, initialCount }: { resource: string; id: Identifier; initialCount: number }) => {
  const record = useRecordContext();
  const eventTitle = useEventTitle();
  const recordKey = `${resource}:${id}`;
  const { data, total, isPending, error } = useGetList<AuditLogEntry>(
    'audit-logs',
    { filter: { record: recordKey }, sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: entriesPerRecord } },
    { retry: false },
  );
  const [showAll, setShowAll] = useState(false);
  const events = useMemo(() => groupHistory(data ?? [], { resource, id }), [data, resource, id]);
  const shown = showAll ? events : events.slice(0, initialCount);

  let body;
  if (isPending)
    body = (
      <Typography variant="body2" color="text.secondary">
        Loading the history…
      </Typography>
    );
  else if (error)
    body = (
      <Typography variant="body2" color="error">
        The history could not be loaded.
      </Typography>
    );
  else if (events.length === 0)
    body = (
      <Typography variant="body2" color="text.secondary">
        No changes recorded yet.
      </Typography>
    );
  else {
    body = (
      <Stack component="ol" spacing={1.5} sx={{ m: 0, p: 0 }}>
        {shown.map((event) => (
          <Box component="li" key={event.key} data-history-event={event.action} sx={{ listStyle: 'none', borderLeft: 2, borderColor: 'divider', pl: 1.5 }}>
            <Typography variant="body2" sx={{ mb: 0.25 }}>
              <Box component="strong">{eventTitle(event)}</Box>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {' · '}
                {when(event.at)}
                {' · by '}
                {event.actorId != null ? <RecordName resource="users" id={event.actorId} /> : 'the system'}
              </Box>
            </Typography>
            <ChangeList parts={event.parts} record={{ resource, id, data: record }} />
          </Box>
        ))}
      </Stack>
    );
  }

  return (
    <Box component="section" aria-label="History" data-testid="history-panel" sx={{ px: 2, pb: 2 }}>
      <Divider sx={{ mb: 2 }} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <HistoryIcon fontSize="small" color="action" />
        <Typography variant="h6" component="h2" sx={{ fontSize: '1rem' }}>
          History
        </Typography>
        {events.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            ({events.length} change{events.length === 1 ? '' : 's'}
            {total != null && total > entriesPerRecord ? ', the latest' : ''})
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Button component={LinkBase} to={auditLogsLink({ record: recordKey })} label="Open in audit log" />
      </Stack>
      {body}
      {events.length > shown.length && <Button sx={{ mt: 1 }} onClick={() => setShowAll(true)} label={`Show ${events.length - shown.length} older changes`} />}
    </Box>
  );
};

/**
 * The record's history from the audit log ("field: before → after", who and when), as the Django
 * admin's history page: for admins only (staff may not read the audit log, docs/api.md#roles), so
 * for them it renders nothing. Put it inside an <Edit>/<Show> (below the form or the fields), or
 * give `resource` and `id` (`<HistoryPanel resource="settings" id={1} />`).
 */
export const HistoryPanel = ({ resource: resourceProp, id: idProp, initialCount = 5 }: HistoryPanelProps) => {
  const contextResource = useResourceContext();
  const record = useRecordContext();
  const resource = resourceProp ?? contextResource;
  const id = idProp ?? record?.id;
  const { canAccess, isPending } = useCanAccess({ resource: 'audit-logs', action: 'list' });
  if (isPending || !canAccess || !resource || id == null) return null;
  return <HistoryContent resource={resource} id={id} initialCount={initialCount} />;
};
