import Stack from '@mui/material/Stack';
import { DateField, Labeled, ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { orderPaymentStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { SnapshotLines } from '../common-sales/SnapshotLines';
import { PartyCard } from '../common-sales/PartyCard';
import { StatusChip } from '../common-sales/StatusChip';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { Invoice } from '../common-sales/types';
import { basisPointsToPercent } from '../money';
import { AddressBlock } from '../common-sales/AddressBlock';

const InvoiceTitle = () => {
  const invoice = useRecordContext<Invoice>();
  return <span>{invoice ? `Invoice ${invoice.number}` : 'Invoice'}</span>;
};

const InvoiceShowActions = () => {
  const invoice = useRecordContext<Invoice>();
  return (
    <TopToolbar>
      <ListButton />
      {invoice && <PdfButton label="Download PDF" path={`invoices/${invoice.id}/pdf`} fileName={`${invoice.number}.pdf`} />}
    </TopToolbar>
  );
};

const BillTo = (_props: { label?: string }) => {
  const invoice = useRecordContext<Invoice>();
  return <AddressBlock address={invoice?.billTo} />;
};

/** The lines in the invoice's own currency. */
const InvoiceLines = () => {
  const invoice = useRecordContext<Invoice>();
  return <SnapshotLines currency={invoice?.currency} />;
};

const InvoiceTotals = () => {
  const invoice = useRecordContext<Invoice>();
  if (!invoice) return null;
  return (
    <TotalsTable
      currency={invoice.currency}
      rows={[
        { label: 'Subtotal', amount: invoice.subtotal },
        { label: 'Discount', amount: -invoice.discountTotal, hideZero: true },
        { label: 'Shipping', amount: invoice.shippingTotal },
        { label: `Tax (${basisPointsToPercent(invoice.taxRateBps)} %)`, amount: invoice.taxTotal },
        { label: 'Total', amount: invoice.total, strong: true },
        { label: 'Paid', amount: invoice.paidAmount },
        { label: 'Still due', amount: Math.max(invoice.total - invoice.paidAmount, 0), strong: true, hideZero: invoice.paymentStatus === 'refunded' },
      ]}
    />
  );
};

/** A customer invoice: its bill-to, lines and totals as issued, and the PDF. */
export const InvoiceShow = () => (
  <Show<Invoice> title={<InvoiceTitle />} actions={<InvoiceShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Invoice">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </Labeled>
        <Labeled label="Issued">
          <DateField source="issuedAt" showTime />
        </Labeled>
        <Labeled label="Order">
          <ReferenceField source="orderId" reference="orders" link="show" />
        </Labeled>
        <Labeled label="Payment">
          <StatusChip source="paymentStatus" looks={orderPaymentStatusLooks} />
        </Labeled>
      </Stack>
      <PartyCard title="Bill to" sx={{ maxWidth: 420 }}>
        <BillTo />
      </PartyCard>
      <Labeled label="Lines" fullWidth>
        <InvoiceLines />
      </Labeled>
      <InvoiceTotals />
    </SimpleShowLayout>
  </Show>
);
