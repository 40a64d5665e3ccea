import { ArrayField, DataTable, Labeled, ListButton, NumberField, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference } from '../common-sales/DocumentHeader';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { PdfButton } from '../common-sales/PdfButton';
import type { CreditNote } from '../common-sales/types';
import { MoneyField } from '../money';

const CreditNoteShowActions = () => {
  const note = useRecordContext<CreditNote>();
  return (
    <TopToolbar>
      <ListButton />
      {note && <PdfButton label="Download PDF" path={`credit-notes/${note.id}/pdf`} fileName={`${note.number}.pdf`} />}
    </TopToolbar>
  );
};

const creditNoteAmounts = (note: CreditNote): DocumentAmounts => ({
  subtotal: note.subtotal,
  discount: note.discountTotal,
  shipping: note.shippingTotal,
  tax: note.taxTotal,
  taxRateBps: note.taxRateBps,
  total: note.total,
});

const CreditNoteLines = (_props: { label?: string }) => (
  <Labeled label="Lines" fullWidth>
    <ArrayField source="lines">
      <DataTable bulkActionButtons={false} rowClick={false} sx={{ width: '100%' }}>
        <DataTable.Col source="description" label="Item" />
        <DataTable.Col source="unitPrice" label="Unit price" align="right">
          <MoneyField source="unitPrice" currencySource="currency" />
        </DataTable.Col>
        <DataTable.Col source="quantity" label="Quantity" align="right">
          <NumberField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="lineTotal" label="Line total" align="right">
          <MoneyField source="lineTotal" currencySource="currency" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  </Labeled>
);
CreditNoteLines.displayName = 'Labeled';

/** A credit note as issued: for which record and refund, its lines and the amounts given back, and its PDF. */
export const CreditNoteShow = () => (
  <DocumentShow<CreditNote> noun="Credit note" actions={<CreditNoteShowActions />} history={false}>
    <DocumentHeader>
      <DocumentNumber label="Credit note" />
      <DocumentDate source="issuedAt" label="Issued" />
      <Labeled label="For">
        <TextField source="recordNumber" />
      </Labeled>
      <DocumentReference label="Invoice" source="invoiceId" reference="invoices" emptyText="—" />
      <DocumentReference label="Refund" source="refundId" reference="refunds" />
    </DocumentHeader>
    <TextField source="reason" label="Reason" />
    <CreditNoteLines />
    <DocumentTotals<CreditNote> amounts={creditNoteAmounts} />
  </DocumentShow>
);
