import Stack from '@mui/material/Stack';
import {
  CreateButton,
  DataTable,
  DateField,
  EditButton,
  EmailField,
  Labeled,
  ListButton,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { purchaseStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import type { Purchase, Supplier } from '../common-sales/types';
import { MoneyField } from '../money';
import { HistoryPanel } from '../audit-logs';

const SupplierTitle = () => {
  const supplier = useRecordContext<Supplier>();
  return <span>{supplier ? supplier.name : 'Supplier'}</span>;
};

/** "New purchase" from this supplier: the purchase form opens with the supplier chosen. */
const NewPurchaseButton = () => {
  const supplier = useRecordContext<Supplier>();
  if (!supplier) return null;
  return <CreateButton resource="purchases" label="New purchase" state={{ record: { supplierId: supplier.id } }} />;
};

const SupplierShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NewPurchaseButton />
    <EditButton />
  </TopToolbar>
);

/** The supplier's purchases, newest first. */
const SupplierPurchases = () => (
  <ReferenceManyField<Supplier, Purchase>
    reference="purchases"
    target="supplierId"
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
  >
    <DataTable<Purchase> rowClick="show" bulkActionButtons={false} empty={<span>No purchases from this supplier yet.</span>}>
      <DataTable.Col source="number" label="Purchase">
        <TextField source="number" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="status" label="Status">
        <StatusChip source="status" looks={purchaseStatusLooks} />
      </DataTable.Col>
      <DataTable.Col source="receivedAt" label="Received">
        <DateField source="receivedAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="total" label="Total" align="right">
        <MoneyField source="total" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

/** A supplier's details and the purchases made from them (docs/api.md#suppliers-and-purchases). */
export const SupplierShow = () => (
  <Show<Supplier> title={<SupplierTitle />} actions={<SupplierShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Name">
          <TextField source="name" />
        </Labeled>
        <Labeled label="Contact person">
          <TextField source="contactName" emptyText="—" />
        </Labeled>
        <Labeled label="E-mail">
          <EmailField source="email" emptyText="—" />
        </Labeled>
        <Labeled label="Phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
      </Stack>
      <Labeled label="Address">
        <TextField source="address" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <Labeled label="Notes">
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <Labeled label="Purchases" fullWidth>
        <SupplierPurchases />
      </Labeled>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
