import { DataTable, DateField, List, NullableBooleanInput, SearchInput, SimpleList, TextField } from 'react-admin';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';
import { MoneyField, OutstandingBalanceField } from '../money';
import type { Customer } from './types';

const customerFilters = [
  <SearchInput key="q" source="q" placeholder="Name, e-mail or phone" alwaysOn />,
  <NullableBooleanInput key="isActive" source="isActive" label="Active" />,
];

/**
 * Customer accounts across channels (docs/api.md#customers) with their maintained figures: sortable by
 * what the API sorts on an index (the figures, name, e-mail), best customers first; one line per
 * customer on a phone.
 */
export const CustomerList = () => (
  <List<Customer> filters={customerFilters} sort={{ field: 'lifetimeValue', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr
      phone={
        <SimpleList<Customer>
          rowClick="show"
          primaryText={(c) => c.fullName || c.email}
          secondaryText={(c) => [c.email, c.phone].filter(Boolean).join(' · ')}
          tertiaryText={
            <Tertiary>
              <MoneyField source="lifetimeValue" />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<Customer> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="fullName" label="Name">
          <TextField source="fullName" sx={{ fontWeight: 600 }} />
        </DataTable.Col>
        <DataTable.Col source="email" label="E-mail" />
        <DataTable.Col source="phone" label="Phone" disableSort>
          <TextField source="phone" emptyText="—" sx={{ whiteSpace: 'nowrap' }} />
        </DataTable.Col>
        <DataTable.Col source="ordersCount" label="Orders" align="right" sortByOrder="DESC" />
        <DataTable.Col source="offlineSalesCount" label="In-store sales" align="right" sortByOrder="DESC" />
        <DataTable.Col source="bookingsCount" label="Bookings" align="right" sortByOrder="DESC" />
        <DataTable.Col source="lifetimeValue" label="Lifetime value" align="right" sortByOrder="DESC">
          <MoneyField source="lifetimeValue" />
        </DataTable.Col>
        <DataTable.Col source="outstandingBalance" label="Owes" align="right" sortByOrder="DESC">
          <OutstandingBalanceField />
        </DataTable.Col>
        <DataTable.Col source="lastActivityAt" label="Last activity" sortByOrder="DESC">
          <DateField source="lastActivityAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
