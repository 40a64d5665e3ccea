import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, Labeled, ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { purchaseInvoiceStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { SnapshotLines } from '../common-sales/SnapshotLines';
import { PartyCard } from '../common-sales/PartyCard';
import { StatusChip } from '../common-sales/StatusChip';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { PurchaseInvoice } from '../common-sales/types';

const PurchaseInvoiceTitle = () => {
  const invoice = useRecordContext<PurchaseInvoice>();
  return <span>{invoice ? `Purchase invoice ${invoice.number}` : 'Purchase invoice'}</span>;
};

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

const InvoiceLines = () => {
  const invoice = useRecordContext<PurchaseInvoice>();
  return <SnapshotLines unitSource="unitCost" unitLabel="Unit cost" currency={invoice?.currency} />;
};

const InvoiceTotals = () => {
  const invoice = useRecordContext<PurchaseInvoice>();
  if (!invoice) return null;
  return (
    <TotalsTable
      currency={invoice.currency}
      rows={[
        { label: 'Subtotal', amount: invoice.subtotal },
        { label: 'Shipping', amount: invoice.shippingCost },
        { label: 'Tax', amount: invoice.taxTotal },
        { label: 'Total', amount: invoice.total, strong: true },
      ]}
    />
  );
};

/** A purchase invoice: open while its purchase can change, final once received, void if cancelled. */
export const PurchaseInvoiceShow = () => (
  <Show<PurchaseInvoice> title={<PurchaseInvoiceTitle />} actions={<PurchaseInvoiceActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Invoice">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </Labeled>
        <Labeled label="Issued">
          <DateField source="issuedAt" showTime />
        </Labeled>
        <Labeled label="Purchase">
          <ReferenceField source="purchaseId" reference="purchases" link="show" />
        </Labeled>
        <Labeled label="Status">
          <StatusChip source="status" looks={purchaseInvoiceStatusLooks} />
        </Labeled>
      </Stack>
      <PartyCard title="Supplier" sx={{ maxWidth: 420 }}>
        <SupplierSnapshot />
      </PartyCard>
      <Labeled label="Products" fullWidth>
        <InvoiceLines />
      </Labeled>
      <InvoiceTotals />
    </SimpleShowLayout>
  </Show>
);
