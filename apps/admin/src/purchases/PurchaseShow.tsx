import Stack from '@mui/material/Stack';
import BlockIcon from '@mui/icons-material/Block';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import {
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { purchaseStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { SnapshotLines } from '../common-sales/SnapshotLines';
import { StatusChip } from '../common-sales/StatusChip';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { Purchase } from '../common-sales/types';
import { HistoryPanel } from '../audit-logs';

const PurchaseTitle = () => {
  const purchase = useRecordContext<Purchase>();
  return <span>{purchase ? `Purchase ${purchase.number}` : 'Purchase'}</span>;
};

const isOpen = (purchase: Purchase) => purchase.status === 'draft' || purchase.status === 'ordered';

/** "Receive": adds every line to stock and sets the cost prices, after a confirmation. */
const ReceivePurchaseButton = () => {
  const purchase = useRecordContext<Purchase>();
  if (!purchase || !isOpen(purchase)) return null;
  const units = purchase.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <ConfirmActionButton<Purchase>
      resource="purchases"
      action="receive"
      label="Receive"
      icon={<MoveToInboxIcon />}
      title={`Receive purchase ${purchase.number}?`}
      content={
        <>
          This adds <strong>{units}</strong> unit{units === 1 ? '' : 's'} to stock ({purchase.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ')})
          and sets each product&apos;s cost price to the unit cost paid here. The purchase and its invoice can no longer change afterwards.
        </>
      }
      confirmLabel="Receive goods"
      success={(updated) => `Purchase ${updated.number} received: the stock went up by ${units}.`}
    />
  );
};

const CancelPurchaseButton = () => {
  const purchase = useRecordContext<Purchase>();
  if (!purchase || !isOpen(purchase)) return null;
  return (
    <ConfirmActionButton<Purchase>
      resource="purchases"
      action="cancel"
      label="Cancel purchase"
      icon={<BlockIcon />}
      danger
      title={`Cancel purchase ${purchase.number}?`}
      content="Nothing has been received, so stock does not change; the purchase invoice becomes void. This cannot be undone."
      confirmLabel="Cancel purchase"
      success={(updated) => `Purchase ${updated.number} is cancelled.`}
    />
  );
};

const PurchaseShowActions = () => {
  const purchase = useRecordContext<Purchase>();
  return (
    <TopToolbar>
      <ListButton />
      {purchase && isOpen(purchase) && <EditButton />}
      <ReceivePurchaseButton />
      {purchase?.purchaseInvoiceId != null && (
        <PdfButton
          label="Purchase invoice PDF"
          path={`purchase-invoices/${purchase.purchaseInvoiceId}/pdf`}
          fileName={`purchase-invoice-${purchase.number}.pdf`}
        />
      )}
      <CancelPurchaseButton />
    </TopToolbar>
  );
};

const PurchaseTotals = () => {
  const purchase = useRecordContext<Purchase>();
  if (!purchase) return null;
  return (
    <TotalsTable
      rows={[
        { label: 'Subtotal', amount: purchase.subtotal },
        { label: 'Shipping', amount: purchase.shippingCost },
        { label: 'Tax', amount: purchase.taxTotal },
        { label: 'Total', amount: purchase.total, strong: true },
      ]}
    />
  );
};

/** A purchase: supplier, status and dates, lines as ordered, totals, and Receive / Cancel. */
export const PurchaseShow = () => (
  <Show<Purchase> title={<PurchaseTitle />} actions={<PurchaseShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="Purchase">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </Labeled>
        <Labeled label="Supplier">
          <ReferenceField source="supplierId" reference="suppliers" link="show" />
        </Labeled>
        <Labeled label="Status">
          <StatusChip source="status" looks={purchaseStatusLooks} />
        </Labeled>
        <Labeled label="Created">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Ordered">
          <DateField source="orderedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled label="Received">
          <DateField source="receivedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled label="Purchase invoice">
          <ReferenceField source="purchaseInvoiceId" reference="purchase-invoices" link="show" emptyText="—" />
        </Labeled>
      </Stack>
      <Labeled label="Products" fullWidth>
        <SnapshotLines unitSource="unitCost" unitLabel="Unit cost" />
      </Labeled>
      <PurchaseTotals />
      <FunctionField<Purchase> label="Notes" render={(purchase) => (purchase.notes ? <span style={{ whiteSpace: 'pre-line' }}>{purchase.notes}</span> : '—')} />
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
