import { Labeled, ListButton, TextField, TopToolbar } from 'react-admin';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentShow } from '../common-sales/DocumentShow';
import { refundStatusLooks } from '../common-sales/labels';
import type { Refund } from '../common-sales/types';
import { MoneyField } from '../money';
import { UserReferenceField } from '../users/UserReferenceField';
import { CreditNotePdfCell, RefundKindField, RefundMethodField, RefundRecordField } from './RefundTable';

const RefundShowActions = () => (
  <TopToolbar>
    <ListButton />
    <CreditNotePdfCell />
  </TopToolbar>
);

/** One refund: on what, how much, how and why, its provider reference and its credit note. */
export const RefundShow = () => (
  <DocumentShow<Refund> noun="Refund" actions={<RefundShowActions />}>
    <DocumentHeader>
      <DocumentNumber label="Refund" />
      <Labeled label="Of">
        <RefundRecordField />
      </Labeled>
      <DocumentStatus label="Status" source="status" looks={refundStatusLooks} />
      <Labeled label="For">
        <RefundKindField />
      </Labeled>
      <DocumentDate source="createdAt" label="Made" />
      <DocumentDate source="refundedAt" label="Given back" onlyWhenSet />
    </DocumentHeader>
    <DocumentHeader>
      <Labeled label="Amount">
        <MoneyField source="amount" />
      </Labeled>
      <Labeled label="Method">
        <RefundMethodField />
      </Labeled>
      <Labeled label="Provider reference">
        <TextField source="reference" emptyText="—" />
      </Labeled>
      <DocumentReference label="Return" source="returnId" reference="returns" emptyText="—" />
      <Labeled label="Recorded by">
        <UserReferenceField source="recordedById" emptyText="—" fallbackLabel="Staff" />
      </Labeled>
    </DocumentHeader>
    <TextField source="reason" label="Reason" />
    <TextField source="failureReason" label="Why it failed" emptyText="—" />
  </DocumentShow>
);
