import { BooleanField, DataTable, DateField, List, NullableBooleanInput, SearchInput, SelectField, SelectInput } from 'react-admin';
import type { AdminUser } from '../types';
import { roleChoices } from './roles';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <NullableBooleanInput key="isActive" source="isActive" />,
];

export const UserList = () => (
  <List<AdminUser> filters={userFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable<AdminUser> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="email" />
      <DataTable.Col source="fullName" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="isActive" align="center">
        <BooleanField source="isActive" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
