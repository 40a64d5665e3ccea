import BlockIcon from '@mui/icons-material/Block';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { EditButton, FunctionField, ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { purchaseStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import type { Purchase } from '../common-sales/types';

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

const purchaseAmounts = (purchase: Purchase): DocumentAmounts => ({
  subtotal: purchase.subtotal,
  shipping: purchase.shippingCost,
  tax: purchase.taxTotal,
  total: purchase.total,
});

/** A purchase: supplier, status and dates, lines as ordered, totals, and Receive / Cancel. */
export const PurchaseShow = () => (
  <DocumentShow<Purchase> noun="Purchase" actions={<PurchaseShowActions />}>
    <DocumentHeader>
      <DocumentNumber label="Purchase" />
      <DocumentReference label="Supplier" source="supplierId" reference="suppliers" />
      <DocumentStatus label="Status" source="status" looks={purchaseStatusLooks} />
      <DocumentDate source="createdAt" label="Created" />
      <DocumentDate source="orderedAt" label="Ordered" emptyText="—" />
      <DocumentDate source="receivedAt" label="Received" emptyText="—" />
      <DocumentReference label="Purchase invoice" source="purchaseInvoiceId" reference="purchase-invoices" emptyText="—" />
    </DocumentHeader>
    <DocumentLines label="Products" unitSource="unitCost" unitLabel="Unit cost" />
    <DocumentTotals<Purchase> amounts={purchaseAmounts} />
    <FunctionField<Purchase> label="Notes" render={(purchase) => (purchase.notes ? <span style={{ whiteSpace: 'pre-line' }}>{purchase.notes}</span> : '—')} />
  </DocumentShow>
);
