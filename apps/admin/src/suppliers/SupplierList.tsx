import { DataTable, EmailField, List, SearchInput, TextField } from 'react-admin';
import type { Supplier } from '../common-sales/types';

const supplierFilters = [<SearchInput key="q" source="q" placeholder="Name, contact, e-mail or phone" alwaysOn />];

export const SupplierList = () => (
  <List<Supplier> filters={supplierFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable<Supplier> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" label="Name">
        <TextField source="name" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="contactName" label="Contact person" disableSort>
        <TextField source="contactName" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="email" label="E-mail" disableSort>
        <EmailField source="email" emptyText="—" onClick={(event) => event.stopPropagation()} />
      </DataTable.Col>
      <DataTable.Col source="phone" label="Phone" disableSort>
        <TextField source="phone" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);
