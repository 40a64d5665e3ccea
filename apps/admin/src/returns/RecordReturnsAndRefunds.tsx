import Stack from '@mui/material/Stack';
import { DataTable, DateField, FunctionField, Labeled, ReferenceManyField, TextField } from 'react-admin';
import { paymentMethodText, refundKindLabels, refundStatusLooks, returnStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { StatusChip } from '../common-sales/StatusChip';
import type { Refund, Return } from '../common-sales/types';
import { MoneyField } from '../money';

/** A refund's credit note as a PDF, once the refund succeeded. */
export const CreditNotePdfCell = (_props: { label?: string }) => (
  <FunctionField<Refund>
    render={(refund) =>
      refund.creditNoteId != null ? (
        <PdfButton label="Credit note" path={`credit-notes/${refund.creditNoteId}/pdf`} fileName={`credit-note-${refund.number}.pdf`} />
      ) : null
    }
  />
);

/**
 * Under an order or an in-store sale: its returns (each opens its page) and every refund given
 * on it, with its credit note.
 */
export const RecordReturnsAndRefunds = ({ target }: { target: 'orderId' | 'offlineSaleId' | 'bookingId'; label?: string }) => (
  <Stack spacing={2} sx={{ width: '100%' }}>
    {target !== 'bookingId' && (
      <Labeled label="Returns" fullWidth>
        <ReferenceManyField<Return> reference="returns" target={target} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
          <DataTable<Return> rowClick="show" bulkActionButtons={false} empty={<span>No returns.</span>} sx={{ width: '100%' }}>
            <DataTable.Col source="number" label="Return">
              <TextField source="number" sx={{ fontWeight: 600 }} />
            </DataTable.Col>
            <DataTable.Col source="requestedAt" label="Requested">
              <DateField source="requestedAt" showTime />
            </DataTable.Col>
            <DataTable.Col source="status" label="Status">
              <StatusChip source="status" looks={returnStatusLooks} />
            </DataTable.Col>
            <DataTable.Col label="Units" align="right">
              <FunctionField<Return> render={(r) => r.lines.reduce((sum, line) => sum + line.quantity, 0)} />
            </DataTable.Col>
            <DataTable.Col source="total" label="Total" align="right">
              <MoneyField source="total" />
            </DataTable.Col>
            <DataTable.Col source="refundAmount" label="Refund" align="right">
              <MoneyField source="refundAmount" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Labeled>
    )}
    <Labeled label="Refunds" fullWidth>
      <ReferenceManyField<Refund> reference="refunds" target={target} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
        <DataTable<Refund> rowClick="show" bulkActionButtons={false} empty={<span>No refunds.</span>} sx={{ width: '100%' }}>
          <DataTable.Col source="number" label="Refund">
            <TextField source="number" sx={{ fontWeight: 600 }} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Made">
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="kind" label="For">
            <FunctionField<Refund> render={(refund) => refundKindLabels[refund.kind as keyof typeof refundKindLabels] ?? refund.kind} />
          </DataTable.Col>
          <DataTable.Col source="method" label="Method">
            <FunctionField<Refund> render={(refund) => paymentMethodText(refund.method)} />
          </DataTable.Col>
          <DataTable.Col source="amount" label="Amount" align="right">
            <MoneyField source="amount" />
          </DataTable.Col>
          <DataTable.Col source="status" label="Status">
            <StatusChip source="status" looks={refundStatusLooks} />
          </DataTable.Col>
          <DataTable.Col label="" align="right">
            <CreditNotePdfCell />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  </Stack>
);
// <SimpleShowLayout> labels each child unless it is a <Labeled>.
RecordReturnsAndRefunds.displayName = 'Labeled';
