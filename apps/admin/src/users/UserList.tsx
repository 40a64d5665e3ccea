import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useListContext,
  SimpleList,
} from 'react-admin';
import { ServerExportButton } from '../common-sales/ServerExportButton';
import type { AdminUser } from '../types';
import { roleChoices } from './roles';
import { PhoneOr } from '../layout/phone';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <NullableBooleanInput key="isActive" source="isActive" />,
];

/** Customer accounts (the role filter on customer) export through the customers export, every one of them (docs/api.md#exports). */
const UserListActions = () => {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      {filterValues.role === 'customer' ? <ServerExportButton path="customers" omit={['role']} /> : null}
    </TopToolbar>
  );
};

export const UserList = () => (
  <List<AdminUser> filters={userFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={<UserListActions />}>
    <PhoneOr
      phone={
        <SimpleList<AdminUser>
          rowClick="edit"
          primaryText={(user) => user.fullName || user.email}
          secondaryText={(user) => `${user.email} · ${roleChoices.find((r) => r.id === user.role)?.name ?? user.role}${user.isActive ? '' : ' · inactive'}`}
        />
      }
    >
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
    </PhoneOr>
  </List>
);
