import Stack from '@mui/material/Stack';
import {
  CreateButton,
  DataTable,
  DateField,
  EditButton,
  Labeled,
  ListButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { salePaymentStatusLooks, saleStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import type { OfflineCustomer, OfflineSale } from '../common-sales/types';
import { MoneyField, OutstandingBalanceField } from '../money';
import { HistoryPanel } from '../audit-logs';

const CustomerTitle = () => {
  const customer = useRecordContext<OfflineCustomer>();
  return <span>{customer ? customer.name : 'Customer'}</span>;
};

/** "New sale" for this customer: the sale form opens with the customer chosen. */
const NewSaleButton = () => {
  const customer = useRecordContext<OfflineCustomer>();
  if (!customer) return null;
  return <CreateButton resource="offline-sales" label="New sale" state={{ record: { customerId: customer.id } }} />;
};

const CustomerShowActions = () => (
  <TopToolbar>
    <ListButton />
    <NewSaleButton />
    <EditButton />
  </TopToolbar>
);

/** The customer's sales, newest first, with what each still owes. */
const CustomerSales = () => (
  <ReferenceManyField<OfflineCustomer, OfflineSale>
    reference="offline-sales"
    target="customerId"
    sort={{ field: 'soldAt', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
  >
    <DataTable<OfflineSale> rowClick="show" bulkActionButtons={false} empty={<span>No sales yet.</span>}>
      <DataTable.Col source="number" label="Sale">
        <TextField source="number" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="soldAt" label="Sold">
        <DateField source="soldAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="status" label="Status">
        <StatusChip source="status" looks={saleStatusLooks} />
      </DataTable.Col>
      <DataTable.Col source="paymentStatus" label="Payment">
        <StatusChip source="paymentStatus" looks={salePaymentStatusLooks} />
      </DataTable.Col>
      <DataTable.Col source="total" label="Total" align="right">
        <MoneyField source="total" />
      </DataTable.Col>
      <DataTable.Col source="balance" label="Balance" align="right">
        <MoneyField source="balance" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

/** An in-store customer: contact details, what they owe, and their sales. */
export const OfflineCustomerShow = () => (
  <Show<OfflineCustomer> title={<CustomerTitle />} actions={<CustomerShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Name">
          <TextField source="name" />
        </Labeled>
        <Labeled label="Phone">
          <TextField source="phone" />
        </Labeled>
        <Labeled label="E-mail">
          <TextField source="email" emptyText="—" />
        </Labeled>
        <Labeled label="Owes">
          <OutstandingBalanceField />
        </Labeled>
        <Labeled label="Customer since">
          <DateField source="createdAt" />
        </Labeled>
        <Labeled label="Customer account">
          <ReferenceField source="userId" reference="customers" link="show" emptyText="Not linked" />
        </Labeled>
      </Stack>
      <Labeled label="Address">
        <TextField source="address" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <Labeled label="Notes">
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <Labeled label="Sales" fullWidth>
        <CustomerSales />
      </Labeled>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
