import { ArrayField, BooleanField, DataTable, FunctionField, Labeled, ListButton, NumberField, TextField, TopToolbar } from 'react-admin';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { returnStatusLooks } from '../common-sales/labels';
import type { Return } from '../common-sales/types';
import { MoneyField } from '../money';
import { AttributeChips } from '../products/productFields';
import { ApproveReturnButton, CancelReturnButton, ReceiveReturnButton, RefundReturnButton, RejectReturnButton } from './ReturnActions';
import { ReturnRecordField } from './ReturnList';

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

/** The returned lines: as sold (snapshots), how many come back, why, and whether they go back into stock. */
const ReturnLines = (_props: { label?: string }) => (
  <Labeled label="Returned lines" fullWidth>
    <ArrayField source="lines">
      <DataTable bulkActionButtons={false} rowClick={false} sx={{ width: '100%' }}>
        <DataTable.Col source="productName" label="Product" />
        <DataTable.Col source="sku" label="SKU" />
        <DataTable.Col source="attributes" label="Attributes" disableSort>
          <AttributeChips />
        </DataTable.Col>
        <DataTable.Col source="unitPrice" label="Unit price" align="right">
          <MoneyField source="unitPrice" />
        </DataTable.Col>
        <DataTable.Col source="quantity" label="Quantity" align="right">
          <NumberField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="lineTotal" label="Line total" align="right">
          <MoneyField source="lineTotal" />
        </DataTable.Col>
        <DataTable.Col source="reason" label="Reason">
          <TextField source="reason" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="restock" label="Back in stock">
          <BooleanField source="restock" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  </Labeled>
);
ReturnLines.displayName = 'Labeled';

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
        <FunctionField<Return> render={(r) => (r.source === 'store' ? 'By the customer' : 'By staff')} />
      </Labeled>
      <DocumentDate source="requestedAt" label="Requested" />
      <DocumentDate source="receivedAt" label="Received" onlyWhenSet />
      <DocumentDate source="refundedAt" label="Refunded" onlyWhenSet />
      <DocumentDate source="closedAt" label="Closed" onlyWhenSet />
      <DocumentReference label="Refund" source="refundId" reference="refunds" emptyText="—" />
    </DocumentHeader>
    <FunctionField<Return> render={(r) => (r.rejectReason ? <Labeled label="Rejected because">{<TextField source="rejectReason" />}</Labeled> : null)} />
    <ReturnLines />
    <DocumentTotals<Return> amounts={returnAmounts} />
  </DocumentShow>
);
