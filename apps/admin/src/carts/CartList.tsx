import {
  DataTable,
  DateField,
  DateInput,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  useCanAccess,
  ReferenceInput,
  AutocompleteInput,
} from 'react-admin';
import { MoneyField } from '../money';
import type { AdminUser, Cart } from '../types';
import { CartOwnerField, CartStatusChip, ItemCountField, cartStatusChoices } from './cartFields';

const dayStart = (value: string) => value || null;
const dayEnd = (value: string) => (value ? `${value}T23:59:59.999Z` : null);
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

function cartFilters(canListUsers: boolean) {
  return [
    <SelectInput key="status" source="status" choices={cartStatusChoices} alwaysOn />,
    <NullableBooleanInput key="hasItems" source="hasItems" label="With items" alwaysOn />,
    <NullableBooleanInput key="guest" source="guest" label="Guest carts" />,
    ...(canListUsers
      ? [
          <ReferenceInput key="customerId" source="customerId" reference="users" filter={{ role: 'customer' }}>
            <AutocompleteInput
              label="Customer"
              filterToQuery={(q) => ({ q })}
              optionText={(user: AdminUser) => (user.fullName ? `${user.fullName} (${user.email})` : user.email)}
              sx={{ minWidth: 260 }}
            />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="updatedAt_lte" source="updatedAt_lte" label="No activity since" parse={dayEnd} format={dayOf} />,
    <DateInput key="updatedAt_gte" source="updatedAt_gte" label="Active since" parse={dayStart} format={dayOf} />,
  ];
}

/**
 * Carts, read only: by default the active carts that hold something, most recently active first
 * (the abandoned-cart view: filter "No activity since" to find the ones left behind).
 */
export const CartList = () => {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  return (
    <List<Cart>
      filters={cartFilters(canListUsers === true)}
      filterDefaultValues={{ status: 'active', hasItems: true }}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable<Cart> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="customerId" label="Owner">
          <CartOwnerField source="customerId" emptyText="Guest" fallbackLabel="Customer" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <CartStatusChip />
        </DataTable.Col>
        <DataTable.Col source="items" label="Items" disableSort>
          <ItemCountField />
        </DataTable.Col>
        <DataTable.Col source="couponCode" disableSort>
          <TextField source="couponCode" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="total" align="right" disableSort>
          <MoneyField source="total" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
