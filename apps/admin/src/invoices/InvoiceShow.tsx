import { FunctionField, ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { settle } from '@chance/core/pricing/settlement';
import { AddressField } from '../common-sales/AddressBlock';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { orderPaymentStatusLooks } from '../common-sales/labels';
import { PartyCard } from '../common-sales/PartyCard';
import { PdfButton } from '../common-sales/PdfButton';
import type { Invoice } from '../common-sales/types';

const InvoiceShowActions = () => {
  const invoice = useRecordContext<Invoice>();
  return (
    <TopToolbar>
      <ListButton />
      {invoice && <PdfButton label="Download PDF" path={`invoices/${invoice.id}/pdf`} fileName={`${invoice.number}.pdf`} />}
    </TopToolbar>
  );
};

/** As issued; what is still due follows its order's payments (nothing once refunded). */
const invoiceAmounts = (invoice: Invoice): DocumentAmounts => ({
  subtotal: invoice.subtotal,
  discount: invoice.discountTotal,
  shipping: invoice.shippingTotal,
  tax: invoice.taxTotal,
  taxRateBps: invoice.taxRateBps,
  total: invoice.total,
  paid: invoice.paidAmount,
  balance: { label: 'Still due', amount: settle(invoice.total, invoice.paidAmount).balance, hideZero: invoice.paymentStatus === 'refunded' },
});

/** A customer invoice: its bill-to, lines and totals as issued (in its own currency), and the PDF. */
export const InvoiceShow = () => (
  <DocumentShow<Invoice> noun="Invoice" actions={<InvoiceShowActions />} history={false}>
    <DocumentHeader>
      <DocumentNumber label="Invoice" />
      <DocumentDate source="issuedAt" label="Issued" />
      {/* an order's invoice, or a completed booking's (docs/api.md#services-and-notifications) */}
      <FunctionField<Invoice>
        render={(invoice) =>
          invoice.bookingId != null ? (
            <DocumentReference label="Booking" source="bookingId" reference="bookings" />
          ) : (
            <DocumentReference label="Order" source="orderId" reference="orders" />
          )
        }
      />
      <DocumentStatus label="Payment" source="paymentStatus" looks={orderPaymentStatusLooks} />
    </DocumentHeader>
    <PartyCard title="Bill to" sx={{ maxWidth: 420 }}>
      <AddressField source="billTo" />
    </PartyCard>
    <DocumentLines label="Lines" />
    <DocumentTotals<Invoice> amounts={invoiceAmounts} />
  </DocumentShow>
);
