import { AutocompleteInput, ReferenceInput, SelectInput, useCanAccess, useGetIdentity } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { AdminUser } from '../types';
import { assigneeFilter, assigneeText, staffAssigneeChoices } from './assignee';

/**
 * Who does the visit (`assigneeId`). Admins search the active admins and staff by name or e-mail;
 * staff may not read users (docs/api.md#roles) and the API lists the team nowhere else, so staff
 * choose between nobody and themselves.
 */
export const AssigneeInput = () => {
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  const { identity } = useGetIdentity();
  const current = useWatch({ name: 'assigneeId' });
  if (isPending) return null;
  if (!canAccess) {
    return (
      <SelectInput
        source="assigneeId"
        label="Assigned to"
        choices={staffAssigneeChoices(identity, current)}
        emptyText="Nobody yet"
        parse={(value: unknown) => (value === '' ? null : value)}
        helperText="You can assign yourself; an admin can assign anyone on the team"
        sx={{ width: 360 }}
      />
    );
  }
  return (
    <ReferenceInput source="assigneeId" reference="users" filter={assigneeFilter} sort={{ field: 'fullName', order: 'ASC' }}>
      <AutocompleteInput
        label="Assigned to"
        optionText={(user: AdminUser) => assigneeText(user)}
        filterToQuery={(q) => (q.trim() ? { q: q.trim() } : {})}
        helperText="Who does the visit; empty: nobody yet"
        parse={(value: unknown) => (value === '' ? null : value)}
        sx={{ width: 360 }}
      />
    </ReferenceInput>
  );
};
