import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import {
  Button,
  Confirm,
  DataTable,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  useDelete,
  useNotify,
  useRecordContext,
} from 'react-admin';
import type { ApiKey } from '../types';
import { apiKeyRoleChoices, apiKeyRoleText } from './roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={apiKeyRoleChoices} />,
  <NullableBooleanInput key="revoked" source="revoked" label="Revoked" />,
];

/** Revokes the key (DELETE): the API refuses it from this moment on; it stays listed. */
const RevokeButton = () => {
  const record = useRecordContext<ApiKey>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [remove, { isPending }] = useDelete();
  if (!record || record.revokedAt) return null;
  return (
    <>
      <Button
        label="Revoke"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`Revoke the key “${record.name}”?`}
        content="Everything that uses it is refused from now on. This cannot be undone: create a new key instead."
        confirm="Revoke"
        confirmColor="warning"
        onConfirm={() =>
          remove(
            'api-keys',
            { id: record.id, previousData: record },
            {
              mutationMode: 'pessimistic',
              onSuccess: () => notify(`Key ${record.name} revoked`, { type: 'success' }),
              onSettled: () => setOpen(false),
            },
          )
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const ApiKeyList = () => (
  <List<ApiKey> filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable<ApiKey> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="prefix" label="Starts with">
        <FunctionField<ApiKey> render={(key) => <code>{key.prefix}…</code>} />
      </DataTable.Col>
      <DataTable.Col source="role">
        <FunctionField<ApiKey> render={(key) => apiKeyRoleText(key.role)} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt" label="Last used (to the minute)">
        <DateField source="lastUsedAt" showTime emptyText="never" />
      </DataTable.Col>
      <DataTable.Col source="expiresAt" label="Expires">
        <DateField source="expiresAt" showTime emptyText="never" />
      </DataTable.Col>
      <DataTable.Col source="revokedAt" label="Revoked">
        <DateField source="revokedAt" showTime emptyText="—" />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        <RevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
