import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { BooleanField, DataTable, DateField, FunctionField, List, NullableBooleanInput, SearchInput } from 'react-admin';
import type { Webhook } from '../types';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="isActive" source="isActive" label="Active" />];

export const EventChips = () => (
  <FunctionField<Webhook>
    render={(hook) => (
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
        {hook.events.map((event) => (
          <Chip key={event} size="small" label={event} />
        ))}
      </Stack>
    )}
  />
);

export const WebhookList = () => (
  <List<Webhook> filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable<Webhook> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="url" label="URL" />
      <DataTable.Col source="events" disableSort>
        <EventChips />
      </DataTable.Col>
      <DataTable.Col source="isActive" label="Active" align="center">
        <BooleanField source="isActive" />
      </DataTable.Col>
      <DataTable.Col source="failingSince" label="Failing since" disableSort>
        <DateField source="failingSince" showTime emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
