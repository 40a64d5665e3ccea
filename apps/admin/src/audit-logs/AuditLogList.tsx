import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, DateField, DateInput, FunctionField, List, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import type { AdminUser, AuditLogEntry } from '../types';
import { actionChoices, actionLabel, groupHistory, partActionLabel, partName } from './auditChanges';
import { ChangeList, RecordName } from './ChangeLines';

/** Whole UTC days: "until" includes the day it names. */
const dayStart = (value: string) => (value ? value : null);
const dayEnd = (value: string) => (value ? `${value}T23:59:59.999Z` : null);
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/** The resources whose changes are recorded (docs/api.md#back-office-resources), by name. */
const auditedResources = [
  'products',
  'variants',
  'categories',
  'stock-movements',
  'coupons',
  'orders',
  'payments',
  'invoices',
  'suppliers',
  'purchases',
  'purchase-invoices',
  'offline-customers',
  'offline-sales',
  'service-types',
  'bookings',
  'users',
  'settings',
  'api-keys',
  'webhooks',
];

function useResourceChoices() {
  const translate = useTranslate();
  return auditedResources.map((id) => ({ id, name: translate(`resources.${id}.name`, { smart_count: 2, _: partName(id) }) }));
}

const userOption = (user: AdminUser) => (user.fullName ? `${user.fullName} (${user.email})` : user.email);

function auditFilters(resourceChoices: { id: string; name: string }[]) {
  return [
    <SelectInput key="resource" source="resource" label="Kind of record" choices={resourceChoices} alwaysOn />,
    <ReferenceInput key="actorId" source="actorId" reference="users" filter={{ role: ['admin', 'staff'] }} alwaysOn>
      <AutocompleteInput label="By" filterToQuery={(q) => ({ q })} optionText={userOption} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
    <SelectInput key="action" source="action" label="Action" choices={actionChoices} />,
    <DateInput key="at_gte" source="at_gte" label="From" parse={dayStart} format={dayOf} />,
    <DateInput key="at_lte" source="at_lte" label="Until" parse={dayEnd} format={dayOf} />,
    <TextInput key="record" source="record" label="Record" helperText="e.g. products:5" />,
  ];
}

/** "Product Linen shirt" (linked), or "Variant #3 of Product Linen shirt". */
const RecordCell = () => {
  const translate = useTranslate();
  return (
    <FunctionField<AuditLogEntry>
      render={(entry) => {
        const kind = translate(`resources.${entry.resource}.name`, { smart_count: 1, _: partName(entry.resource) });
        return (
          <Stack component="span">
            <span>
              {kind}
              {entry.resourceId != null && entry.resource !== 'settings' && (
                <>
                  {' '}
                  <RecordName resource={entry.resource} id={entry.resourceId} />
                </>
              )}
            </span>
            {entry.parentResource && entry.parentId != null && (
              <Typography component="span" variant="caption" color="text.secondary">
                of {translate(`resources.${entry.parentResource}.name`, { smart_count: 1, _: partName(entry.parentResource) })}{' '}
                <RecordName resource={entry.parentResource} id={entry.parentId} />
              </Typography>
            )}
          </Stack>
        );
      }}
    />
  );
};

const ChangesCell = () => (
  <FunctionField<AuditLogEntry>
    render={(entry) => {
      const [event] = groupHistory([entry]);
      if (!event)
        return (
          <Typography variant="body2" color="text.secondary">
            no visible change
          </Typography>
        );
      return <ChangeList parts={event.parts} record={{ resource: entry.resource, id: entry.resourceId }} limit={6} />;
    }}
  />
);

/** What happened to the row: a sale's request "creates", but the variant it takes stock from is "Changed". */
const ActionCell = () => (
  <FunctionField<AuditLogEntry>
    render={(entry) => {
      const [event] = groupHistory([entry]);
      return <Chip size="small" variant="outlined" label={event ? partActionLabel(event.parts[0]) : actionLabel(entry.action)} />;
    }}
  />
);

/** Every back-office change (read only, admins only), newest first. */
export const AuditLogList = () => {
  const resourceChoices = useResourceChoices();
  return (
    <List<AuditLogEntry> filters={auditFilters(resourceChoices)} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable<AuditLogEntry> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="at" label="When">
          <DateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorId" label="By" disableSort>
          <FunctionField<AuditLogEntry>
            render={(entry) =>
              entry.apiKeyId != null ? (
                <>
                  API key <RecordName resource="api-keys" id={entry.apiKeyId} link={false} />
                </>
              ) : entry.actorId != null ? (
                <RecordName resource="users" id={entry.actorId} />
              ) : (
                'the system'
              )
            }
          />
        </DataTable.Col>
        <DataTable.Col source="action" label="Action" disableSort>
          <ActionCell />
        </DataTable.Col>
        <DataTable.Col source="resource" label="Record" disableSort>
          <RecordCell />
        </DataTable.Col>
        <DataTable.Col source="changes" label="Changes" disableSort>
          <ChangesCell />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
