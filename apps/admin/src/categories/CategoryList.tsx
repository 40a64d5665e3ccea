import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput, TextField } from 'react-admin';
import type { Category } from '../types';

const categoryFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="parentId" source="parentId" reference="categories" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Parent category" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

export const CategoryList = () => (
  <List<Category> filters={categoryFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable<Category> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="slug" />
      <DataTable.Col source="parentId">
        <ReferenceField source="parentId" reference="categories" link="edit" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="description" disableSort>
        <TextField source="description" sx={{ display: 'block', maxWidth: 480 }} noWrap emptyText="" />
      </DataTable.Col>
    </DataTable>
  </List>
);
