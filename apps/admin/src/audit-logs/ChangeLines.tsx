import { Fragment, type MouseEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useGetManyAggregate, useGetRecordRepresentation, useResourceDefinitions, useTranslate, type Identifier } from 'react-admin';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { formatValue, humanize, partName, referenceOf, type FieldChange, type HistoryPart, type ValueContext } from './auditChanges';

/**
 * Another record named by its representation ("Linen shirts", "Ada Admin"), linked to its page when
 * it has one; "#12" while loading, when it cannot be read, or when it has no name worth a request.
 */
export const RecordName = ({ resource, id, link = true }: { resource: string; id: Identifier; link?: boolean }) => {
  const definitions = useResourceDefinitions();
  const definition = definitions[resource];
  const represent = useGetRecordRepresentation(resource);
  const createPath = useCreatePath();
  // Only records with a name worth fetching (a resource with a recordRepresentation and a list).
  const named = !!definition?.hasList && definition.recordRepresentation != null;
  const { data } = useGetManyAggregate(resource, { ids: [id] }, { enabled: named, retry: false });
  const record = data?.[0];
  const text = record ? represent(record) : `#${id}`;
  const type = definition?.hasShow ? 'show' : definition?.hasEdit ? 'edit' : undefined;
  if (!link || !record || !type) return <>{text}</>;
  return (
    <Link to={createPath({ resource, id, type })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {text}
    </Link>
  );
};

const Empty = () => (
  <Typography component="span" variant="inherit" color="text.secondary" sx={{ fontStyle: 'italic' }}>
    empty
  </Typography>
);

/** One value of a change: money, percent, date, words, or another record's name. */
const ChangeValue = ({ resource, field, value, context }: { resource: string; field: string; value: unknown; context: ValueContext }) => {
  const reference = referenceOf(resource, field);
  if (reference && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))) {
    return <RecordName resource={reference} id={value} />;
  }
  const text = formatValue(field, value, context);
  return text ? (
    <Box component="span" sx={{ fontWeight: 500 }}>
      {text}
    </Box>
  ) : (
    <Empty />
  );
};

function useFieldLabel() {
  const translate = useTranslate();
  return (resource: string, field: string) => translate(`resources.${resource}.fields.${field}`, { _: humanize(field) });
}

/** "Price: $15.00 → $14.00"; for a created or deleted record just its value ("Price: $15.00"). */
const ChangeLine = ({ resource, kind, change, context }: { resource: string; kind: HistoryPart['kind']; change: FieldChange; context: ValueContext }) => {
  const label = useFieldLabel()(resource, change.field);
  let values: ReactNode;
  if (kind === 'created') values = <ChangeValue resource={resource} field={change.field} value={change.after} context={context} />;
  else if (kind === 'deleted') values = <ChangeValue resource={resource} field={change.field} value={change.before} context={context} />;
  else {
    values = (
      <>
        <ChangeValue resource={resource} field={change.field} value={change.before} context={context} />
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' → '}
        </Box>
        <ChangeValue resource={resource} field={change.field} value={change.after} context={context} />
      </>
    );
  }
  return (
    <Typography component="li" variant="body2" data-change-field={change.field} sx={{ listStyle: 'none' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {label}:
      </Box>{' '}
      {values}
    </Typography>
  );
};

/** "Variant T-M2", "Payment #4": a part of the record whose history is shown. */
function partTitle(part: HistoryPart, record?: Record<string, unknown> | null): string {
  const name = partName(part.resource);
  if (part.resource === 'variants') {
    const variants = Array.isArray(record?.variants) ? (record.variants as { id: unknown; sku?: string }[]) : [];
    const known = variants.find((variant) => String(variant.id) === String(part.resourceId))?.sku;
    const sku = part.changes.find((change) => change.field === 'sku');
    const text = known ?? (typeof sku?.after === 'string' ? sku.after : typeof sku?.before === 'string' ? sku.before : undefined);
    if (text) return `${name} ${text}`;
  }
  return part.resourceId != null ? `${name} #${part.resourceId}` : name;
}

const partKindWords: Record<HistoryPart['kind'], string> = { created: ' added', deleted: ' removed', changed: '' };

export interface ChangeListProps {
  parts: HistoryPart[];
  /** The record the history is about: its own part gets no title. */
  record?: { resource: string; id: unknown; data?: Record<string, unknown> | null };
  /** At most this many lines per part; the rest are counted. */
  limit?: number;
}

/** The field changes of an event, part by part ("Variant T-M: SKU: T-M → T-M2"). */
export const ChangeList = ({ parts, record, limit }: ChangeListProps) => {
  const currency = useStoreCurrency();
  const recordContext: ValueContext = { currency, record: record?.data };
  return (
    <Box component="ul" sx={{ m: 0, p: 0 }}>
      {parts.map((part) => {
        const own = record && part.resource === record.resource && String(part.resourceId) === String(record.id);
        const shown = limit ? part.changes.slice(0, limit) : part.changes;
        const hidden = part.changes.length - shown.length;
        const reason = part.changes.find((change) => change.field === 'reason')?.after;
        const context: ValueContext = { ...recordContext, resource: part.resource, reason: typeof reason === 'string' ? reason : undefined };
        return (
          <Fragment key={`${part.resource}:${part.resourceId}`}>
            {!own && (
              <Typography component="li" variant="body2" sx={{ listStyle: 'none', fontWeight: 600, mt: 0.5 }}>
                {partTitle(part, record?.data)}
                {partKindWords[part.kind]}
              </Typography>
            )}
            <Box component="li" sx={{ listStyle: 'none', pl: own ? 0 : 2 }}>
              <Box component="ul" sx={{ m: 0, p: 0 }}>
                {shown.map((change) => (
                  <ChangeLine key={change.field} resource={part.resource} kind={part.kind} change={change} context={context} />
                ))}
                {hidden > 0 && (
                  <Typography component="li" variant="caption" color="text.secondary" sx={{ listStyle: 'none' }}>
                    and {hidden} more
                  </Typography>
                )}
              </Box>
            </Box>
          </Fragment>
        );
      })}
    </Box>
  );
};
