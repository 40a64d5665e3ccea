import { DataTable, DateField, FunctionField, List, SearchInput, TextField } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { PdfButton } from '../common-sales/PdfButton';
import type { CreditNote } from '../common-sales/types';
import { MoneyField } from '../money';

const creditNoteFilters = [
  <SearchInput key="q" source="q" placeholder="Credit note, order or sale, name or e-mail" alwaysOn />,
  ...dateRangeFilters('issuedAt', { from: 'Issued from', until: 'Issued until' }),
];

const CreditNotePdf = (_props: { label?: string }) => (
  <FunctionField<CreditNote> render={(note) => <PdfButton path={`credit-notes/${note.id}/pdf`} fileName={`${note.number}.pdf`} />} />
);

/** Credit notes (read only): one per refund, numbered without gaps (docs/api.md#refunds-and-returns). */
export const CreditNoteList = () => (
  <List<CreditNote> filters={creditNoteFilters} sort={{ field: 'issuedAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable<CreditNote> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" label="Credit note">
        <TextField source="number" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="issuedAt" label="Issued">
        <DateField source="issuedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="recordNumber" label="For" disableSort>
        <TextField source="recordNumber" />
      </DataTable.Col>
      <DataTable.Col source="billTo" label="Credit to" disableSort>
        <FunctionField<CreditNote> render={(note) => String((note.billTo as { name?: string }).name ?? '—')} />
      </DataTable.Col>
      <DataTable.Col source="total" label="Refunded" align="right">
        <MoneyField source="total" currencySource="currency" />
      </DataTable.Col>
      <DataTable.Col label="" align="right">
        <CreditNotePdf />
      </DataTable.Col>
    </DataTable>
  </List>
);
