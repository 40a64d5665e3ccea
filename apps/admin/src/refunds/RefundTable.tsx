import type { ReactNode } from 'react';
import { DataTable, DateField, FunctionField, ReferenceField, TextField } from 'react-admin';
import { paymentMethodText, refundKindLabels, refundStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { StatusChip } from '../common-sales/StatusChip';
import type { Refund } from '../common-sales/types';
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

/** The record a refund gave money back on: its order, in-store sale or booking, linked. */
export const RefundRecordField = (_props: { label?: string }) => (
  <FunctionField<Refund>
    render={(refund) =>
      refund.orderId != null ? (
        <ReferenceField source="orderId" reference="orders" link="show" />
      ) : refund.offlineSaleId != null ? (
        <ReferenceField source="offlineSaleId" reference="offline-sales" link="show" />
      ) : (
        <ReferenceField source="bookingId" reference="bookings" link="show" />
      )
    }
  />
);

/** What the refund was for: a direct refund, a return, a cancellation. */
export const RefundKindField = (_props: { label?: string }) => <FunctionField<Refund> render={(refund) => refundKindLabels[refund.kind] ?? refund.kind} />;

/** How the money went back: "Card", "Cash". */
export const RefundMethodField = (_props: { label?: string }) => <FunctionField<Refund> render={(refund) => paymentMethodText(refund.method)} />;

/**
 * Refunds, each opening its page, with their credit notes: in the list of every refund with the
 * record each was given on (`showRecord`); under a record without.
 */
export const RefundTable = ({ showRecord = false, empty }: { showRecord?: boolean; empty?: ReactNode }) => (
  <DataTable<Refund> rowClick="show" bulkActionButtons={false} empty={empty} sx={{ width: '100%' }}>
    <DataTable.Col source="number" label="Refund">
      <TextField source="number" sx={{ fontWeight: 600 }} />
    </DataTable.Col>
    <DataTable.Col source="createdAt" label="Made">
      <DateField source="createdAt" showTime />
    </DataTable.Col>
    {showRecord && (
      <DataTable.Col label="Of" disableSort>
        <RefundRecordField />
      </DataTable.Col>
    )}
    <DataTable.Col source="kind" label="For">
      <RefundKindField />
    </DataTable.Col>
    <DataTable.Col source="method" label="Method">
      <RefundMethodField />
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
);
