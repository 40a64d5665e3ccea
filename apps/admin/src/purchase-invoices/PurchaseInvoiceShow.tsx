import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { purchaseInvoiceStatusLooks } from '../common-sales/labels';
import { PartyCard } from '../common-sales/PartyCard';
import { PdfButton } from '../common-sales/PdfButton';
import type { PurchaseInvoice } from '../common-sales/types';

const PurchaseInvoiceActions = () => {
  const invoice = useRecordContext<PurchaseInvoice>();
  return (
    <TopToolbar>
      <ListButton />
      {invoice && <PdfButton label="Download PDF" path={`purchase-invoices/${invoice.id}/pdf`} fileName={`${invoice.number}.pdf`} />}
    </TopToolbar>
  );
};

/** The supplier as at issue (a snapshot: later edits of the supplier do not change it). */
const SupplierSnapshot = () => {
  const invoice = useRecordContext<PurchaseInvoice>();
  const supplier: Partial<PurchaseInvoice['supplier']> = invoice?.supplier ?? {};
  const lines = [supplier.name, supplier.contactName, supplier.address, supplier.phone, supplier.email].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  return (
    <Stack>
      {lines.map((line, index) => (
        <Typography key={index} variant="body2" sx={{ whiteSpace: 'pre-line' }}>
          {line}
        </Typography>
      ))}
    </Stack>
  );
};

const purchaseInvoiceAmounts = (invoice: PurchaseInvoice): DocumentAmounts => ({
  subtotal: invoice.subtotal,
  shipping: invoice.shippingCost,
  tax: invoice.taxTotal,
  total: invoice.total,
});

/** A purchase invoice: open while its purchase can change, final once received, void if cancelled. */
export const PurchaseInvoiceShow = () => (
  <DocumentShow<PurchaseInvoice> noun="Purchase invoice" actions={<PurchaseInvoiceActions />} history={false}>
    <DocumentHeader>
      <DocumentNumber label="Invoice" />
      <DocumentDate source="issuedAt" label="Issued" />
      <DocumentReference label="Purchase" source="purchaseId" reference="purchases" />
      <DocumentStatus label="Status" source="status" looks={purchaseInvoiceStatusLooks} />
    </DocumentHeader>
    <PartyCard title="Supplier" sx={{ maxWidth: 420 }}>
      <SupplierSnapshot />
    </PartyCard>
    <DocumentLines label="Products" unitSource="unitCost" unitLabel="Unit cost" />
    <DocumentTotals<PurchaseInvoice> amounts={purchaseInvoiceAmounts} />
  </DocumentShow>
);
