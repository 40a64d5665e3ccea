import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { Link, useCreatePath, useGetOne, useRecordContext } from 'react-admin';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { orderPaymentStatusLooks } from '../common-sales/labels';
import { PdfButton } from '../common-sales/PdfButton';
import { RecordPaymentButton } from '../common-sales/RecordPaymentButton';
import type { Invoice } from '../common-sales/types';
import { RefundButton } from '../returns';
import { refundableOf } from '../returns/returnRules';
import type { Booking } from '../types';

/** A booking's totals as the shared totals table shows a sale's: subtotal, tax at its rate, total, paid, refunded, balance. */
export const bookingAmounts = (booking: Booking): DocumentAmounts => ({
  subtotal: booking.subtotal,
  tax: booking.taxTotal,
  taxRateBps: booking.taxRateBps,
  total: booking.total,
  paid: booking.paidAmount,
  refunded: booking.refundedAmount,
  balance: { label: 'Balance due', amount: booking.balance },
});

/** A pending or completed booking with something left to pay takes payments; a cancelled one none (409 INVALID_TRANSITION). */
export const canTakePayment = (booking: Pick<Booking, 'status' | 'balance'>) => booking.status !== 'cancelled' && booking.balance > 0;

/**
 * "Record payment": `POST /api/admin/bookings/:id/payments {amount, method, reference?}`, up to the
 * balance, in the orders' and sales' payment dialog (409 OVERPAYMENT is shown on the amount, any
 * other refusal above the fields).
 */
export const RecordBookingPaymentButton = () => {
  const booking = useRecordContext<Booking>();
  if (!booking || !canTakePayment(booking)) return null;
  return (
    <RecordPaymentButton<Booking>
      resource="bookings"
      id={booking.id}
      subject={booking.serviceName}
      balance={booking.balance}
      textField="reference"
      textLabel="Reference"
      textHelp="Optional: a transfer, receipt or terminal reference"
      balanceAfter={(updated) => updated.balance}
      recordName="the booking"
    />
  );
};

/** "Refund" (the orders' and sales' direct refund, `POST /api/admin/bookings/:id/refunds`) while something paid is left to give back. */
export const BookingRefundButton = () => {
  const booking = useRecordContext<Booking>();
  if (!booking || refundableOf(booking) === 0) return null;
  return <RefundButton resource="bookings" subject={() => booking.serviceName} />;
};

/** "Invoice PDF" once the booking is completed (its invoice is issued then). */
export const BookingInvoicePdfButton = () => {
  const booking = useRecordContext<Booking>();
  if (!booking?.invoiceId) return null;
  return <PdfButton label="Invoice PDF" path={`invoices/${booking.invoiceId}/pdf`} fileName={`invoice-booking-${booking.id}.pdf`} />;
};

/** The booking's invoice: its number (to its page) and payment status; "Issued when completed" before. */
export const BookingInvoiceField = (_props: { label?: string }) => {
  const booking = useRecordContext<Booking>();
  const createPath = useCreatePath();
  const { data: invoice } = useGetOne<Invoice>('invoices', { id: booking?.invoiceId ?? 0 }, { enabled: booking?.invoiceId != null });
  if (!booking) return null;
  if (booking.invoiceId == null) return <span>{booking.status === 'cancelled' ? '—' : 'Issued when completed'}</span>;
  if (!invoice) return null;
  const look = orderPaymentStatusLooks[invoice.paymentStatus as keyof typeof orderPaymentStatusLooks];
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="booking-invoice">
      <Link to={createPath({ resource: 'invoices', id: invoice.id, type: 'show' })} sx={{ fontWeight: 600 }}>
        {invoice.number}
      </Link>
      {look && <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />}
    </Stack>
  );
};
