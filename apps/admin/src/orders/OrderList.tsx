import { AutocompleteInput, DataTable, DateField, List, ReferenceInput, SearchInput, SelectInput, SimpleList, TextField, useCanAccess } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, orderPaymentStatusLooks, orderStatusLooks, paymentMethodChoices } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import { StatusTabs } from '../common-sales/StatusTabs';
import type { Order } from '../common-sales/types';
import { MoneyField, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { AdminUser } from '../types';
import { OrderCustomerField } from './OrderCustomerField';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr } from '../layout/phone';
import { MoveOrdersButton } from './OrderBulkActions';

export const orderStatusChoices = choicesOf(orderStatusLooks);
export const orderPaymentStatusChoices = choicesOf(orderPaymentStatusLooks);

function orderFilters(canListUsers: boolean) {
  return [
    <SearchInput key="q" source="q" placeholder="Order number or e-mail" alwaysOn />,
    <SelectInput key="paymentStatus" source="paymentStatus" label="Payment status" choices={orderPaymentStatusChoices} alwaysOn />,
    <SelectInput key="paymentMethod" source="paymentMethod" label="Payment method" choices={paymentMethodChoices} />,
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
    ...dateRangeFilters('placedAt', { from: 'Placed from', until: 'Placed until' }),
  ];
}

/** On a phone: the number, who and when, the total and the two statuses, one record per line. */
const OrderSimpleList = () => {
  const currency = useStoreCurrency();
  return (
    <SimpleList<Order>
      rowClick="show"
      primaryText={(order) => order.number ?? `Draft #${order.id}`}
      secondaryText={(order) => `${orderStatusLooks[order.status].label} · ${orderPaymentStatusLooks[order.paymentStatus].label} · ${order.email}`}
      tertiaryText={(order) => formatMoney(order.total, currency)}
    />
  );
};

/**
 * Online orders, newest first, in tabs by status with their counts (docs/api.md#orders-payments-and-invoices);
 * select several to move them on at once; one line per order on a phone.
 */
export const OrderList = () => {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  return (
    <List<Order>
      filters={orderFilters(canListUsers === true)}
      sort={{ field: 'placedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<ExportingListActions />}
    >
      <StatusTabs source="status" choices={orderStatusChoices} />
      <PhoneOr phone={<OrderSimpleList />}>
        <DataTable<Order> rowClick="show" bulkActionButtons={<MoveOrdersButton />}>
          <DataTable.Col source="number" label="Order">
            <TextField source="number" sx={{ fontWeight: 600 }} />
          </DataTable.Col>
          <DataTable.Col source="placedAt" label="Placed">
            <DateField source="placedAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="email" label="Customer">
            <OrderCustomerField />
          </DataTable.Col>
          <DataTable.Col source="status" label="Status">
            <StatusChip source="status" looks={orderStatusLooks} />
          </DataTable.Col>
          <DataTable.Col source="paymentStatus" label="Payment">
            <StatusChip source="paymentStatus" looks={orderPaymentStatusLooks} />
          </DataTable.Col>
          <DataTable.Col source="total" label="Total" align="right">
            <MoneyField source="total" />
          </DataTable.Col>
          <DataTable.Col source="balanceDue" label="Balance due" align="right" disableSort>
            <MoneyField source="balanceDue" />
          </DataTable.Col>
        </DataTable>
      </PhoneOr>
    </List>
  );
};
