import { BooleanInput, DateField, Edit, Labeled, PasswordInput, SaveButton, SelectInput, TextInput, Toolbar, required, useRecordContext } from 'react-admin';
import { SimpleForm } from '../forms';
import Stack from '@mui/material/Stack';
import { HistoryPanel } from '../audit-logs';
import { CustomerMessages } from '../messages';
import type { AdminUser } from '../types';
import { roleChoices } from './roles';

/** Users are never deleted (deactivate them instead): no delete button. */
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The new password is sent only when typed. */
const withoutEmptyPassword = (data: Partial<AdminUser> & { password?: string | null }) => {
  const { password, ...rest } = data;
  return password ? { ...rest, password } : rest;
};

const UserTitle = () => {
  const record = useRecordContext<AdminUser>();
  return <span>User {record ? record.email : ''}</span>;
};

export const UserEdit = () => (
  // Pessimistic: the API validates (for example a taken e-mail) and its errors appear under the inputs.
  <Edit<AdminUser> mutationMode="pessimistic" transform={withoutEmptyPassword} title={<UserTitle />}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <TextInput source="email" readOnly />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <BooleanInput source="isActive" />
      </Stack>
      <TextInput source="fullName" validate={required()} />
      <TextInput source="phone" type="tel" />
      <TextInput source="address" multiline minRows={2} />
      <PasswordInput source="password" label="New password" autoComplete="new-password" helperText="Leave empty to keep the current password." />
      <Stack direction="row" spacing={4}>
        <Labeled>
          <DateField source="emailVerifiedAt" showTime emptyText="not verified" />
        </Labeled>
        <Labeled>
          <DateField source="phoneVerifiedAt" showTime emptyText="not verified" />
        </Labeled>
        <Labeled>
          <DateField source="createdAt" showTime />
        </Labeled>
      </Stack>
    </SimpleForm>
    <CustomerMessages />
    <HistoryPanel />
  </Edit>
);
