import { AutocompleteInput, DataTable, DateField, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { choicesOf, purchaseInvoiceStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { StatusChip } from '../common-sales/StatusChip';
import type { PurchaseInvoice } from '../common-sales/types';
import { MoneyField } from '../money';

const purchaseInvoiceFilters = [
  <SearchInput key="q" source="q" placeholder="Invoice or purchase number" alwaysOn />,
  <ReferenceInput key="supplierId" source="supplierId" reference="suppliers" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Supplier" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(purchaseInvoiceStatusLooks)} alwaysOn />,
];

const PdfCell = (_props: { label?: string }) => (
  <FunctionField<PurchaseInvoice> render={(invoice) => <PdfButton path={`purchase-invoices/${invoice.id}/pdf`} fileName={`${invoice.number}.pdf`} />} />
);

/** Purchase invoices (read only): generated with each purchase, final once it is received (docs/api.md#suppliers-and-purchases). */
export const PurchaseInvoiceList = () => (
  <List<PurchaseInvoice> filters={purchaseInvoiceFilters} sort={{ field: 'issuedAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable<PurchaseInvoice> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" label="Invoice">
        <TextField source="number" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="issuedAt" label="Issued">
        <DateField source="issuedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="purchaseId" label="Purchase" disableSort>
        <ReferenceField source="purchaseId" reference="purchases" link="show" />
      </DataTable.Col>
      <DataTable.Col source="supplier" label="Supplier" disableSort>
        <TextField source="supplier.name" />
      </DataTable.Col>
      <DataTable.Col source="status" label="Status">
        <StatusChip source="status" looks={purchaseInvoiceStatusLooks} />
      </DataTable.Col>
      <DataTable.Col source="total" label="Total" align="right">
        <MoneyField source="total" currencySource="currency" />
      </DataTable.Col>
      <DataTable.Col label="" align="right">
        <PdfCell />
      </DataTable.Col>
    </DataTable>
  </List>
);
