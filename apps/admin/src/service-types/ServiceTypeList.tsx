import { BooleanField, DataTable, FunctionField, List, NullableBooleanInput, SearchInput, TextField } from 'react-admin';
import { MoneyField } from '../money';
import type { ServiceType } from '../types';
import { durationText } from './duration';

const serviceTypeFilters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="isActive" source="isActive" label="Bookable" alwaysOn />];

export const ServiceTypeList = () => (
  <List<ServiceType> filters={serviceTypeFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable<ServiceType> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="description" disableSort>
        <TextField source="description" sx={{ display: 'block', maxWidth: 360 }} noWrap emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="price" align="right">
        <MoneyField source="price" />
      </DataTable.Col>
      <DataTable.Col source="durationMinutes" label="Duration" align="right">
        <FunctionField<ServiceType> render={(record) => durationText(record.durationMinutes)} />
      </DataTable.Col>
      <DataTable.Col source="isActive" label="Bookable" align="center" disableSort>
        <BooleanField source="isActive" />
      </DataTable.Col>
    </DataTable>
  </List>
);
