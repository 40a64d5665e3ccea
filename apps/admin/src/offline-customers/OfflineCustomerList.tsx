import { DataTable, DateField, List, NullableBooleanInput, SearchInput, SimpleList, TextField } from 'react-admin';
import type { OfflineCustomer } from '../common-sales/types';
import { OutstandingBalanceField } from '../money';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';

const customerFilters = [
  <SearchInput key="q" source="q" placeholder="Name, phone or e-mail" alwaysOn />,
  <NullableBooleanInput key="owing" source="owing" label="Owes money" alwaysOn />,
];

/** In-store customers with what they owe (docs/api.md#in-store-sales), sortable by it; one line per customer on a phone. */
export const OfflineCustomerList = () => (
  <List<OfflineCustomer> filters={customerFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr
      phone={
        <SimpleList<OfflineCustomer>
          rowClick="show"
          primaryText={(c) => c.name}
          secondaryText={(c) => c.phone}
          tertiaryText={
            <Tertiary>
              <OutstandingBalanceField />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<OfflineCustomer> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" label="Name">
          <TextField source="name" sx={{ fontWeight: 600 }} />
        </DataTable.Col>
        <DataTable.Col source="phone" label="Phone" disableSort />
        <DataTable.Col source="email" label="E-mail" disableSort>
          <TextField source="email" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="outstandingBalance" label="Owes" align="right" sortByOrder="DESC">
          <OutstandingBalanceField />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Customer since">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
