import { BooleanField, DataTable, FunctionField, Labeled, ListButton, TextField, TopToolbar } from 'react-admin';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { returnStatusLooks } from '../common-sales/labels';
import type { Return } from '../common-sales/types';
import { ApproveReturnButton, CancelReturnButton, ReceiveReturnButton, RefundReturnButton, RejectReturnButton } from './ReturnActions';
import { ReturnRecordField } from './ReturnList';
import { returnSourceText } from './returnRules';

const ReturnShowActions = () => (
  <TopToolbar>
    <ListButton />
    <ApproveReturnButton />
    <RejectReturnButton />
    <ReceiveReturnButton />
    <RefundReturnButton />
    <CancelReturnButton />
  </TopToolbar>
);

/** The return's amounts: with its record's prices, discount share and tax; what its refund gave (or would give now). */
const returnAmounts = (r: Return): DocumentAmounts => ({
  subtotal: r.subtotal,
  discount: r.discountTotal,
  shipping: r.shippingTotal,
  tax: r.taxTotal,
  total: r.total,
  ...(r.refundAmount == null
    ? {}
    : r.status === 'refunded'
      ? { balance: { label: 'Refunded', amount: r.refundAmount } }
      : { balance: { label: 'To refund', amount: r.refundAmount } }),
});

/** A return: what comes back from which order or sale, its amounts, its way through (approve, receive, refund) and its history. */
export const ReturnShow = () => (
  <DocumentShow<Return> noun="Return" actions={<ReturnShowActions />}>
    <DocumentHeader>
      <DocumentNumber label="Return" />
      <Labeled label="Of">
        <ReturnRecordField />
      </Labeled>
      <DocumentStatus label="Status" source="status" looks={returnStatusLooks} />
      <Labeled label="Made">
        <FunctionField<Return> render={(r) => returnSourceText(r.source)} />
      </Labeled>
      <DocumentDate source="requestedAt" label="Requested" />
      <DocumentDate source="receivedAt" label="Received" onlyWhenSet />
      <DocumentDate source="refundedAt" label="Refunded" onlyWhenSet />
      <DocumentDate source="closedAt" label="Closed" onlyWhenSet />
      <DocumentReference label="Refund" source="refundId" reference="refunds" emptyText="—" />
    </DocumentHeader>
    <FunctionField<Return> render={(r) => (r.rejectReason ? <Labeled label="Rejected because">{<TextField source="rejectReason" />}</Labeled> : null)} />
    {/* The returned lines as sold (snapshots), why they came back, and whether they went back into stock. */}
    <DocumentLines label="Returned lines">
      <DataTable.Col source="reason" label="Reason">
        <TextField source="reason" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="restock" label="Back in stock">
        <BooleanField source="restock" />
      </DataTable.Col>
    </DocumentLines>
    <DocumentTotals<Return> amounts={returnAmounts} />
  </DocumentShow>
);
