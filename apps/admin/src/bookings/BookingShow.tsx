import Stack from '@mui/material/Stack';
import { DateField, EditButton, FunctionField, Labeled, ListButton, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import { DocumentPayments } from '../common-sales/DocumentPayments';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import { orderPaymentStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import { RecordReturnsAndRefunds } from '../returns';
import { durationText } from '../service-types/duration';
import type { Booking } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';
import { BookingCustomerField } from './BookingCustomerField';
import { BookingStatusChip } from './BookingFields';
import { BookingInvoiceField, BookingInvoicePdfButton, BookingRefundButton, RecordBookingPaymentButton, bookingAmounts } from './BookingPayments';
import { BookingStatusButton } from './BookingStatusButton';
import { visitTime } from './bookingStatus';

const BookingTitle = () => {
  const booking = useRecordContext<Booking>();
  return <span>{booking ? `${booking.serviceName}, ${visitTime(booking.scheduledAt)}` : 'Booking'}</span>;
};

const BookingShowActions = () => {
  const booking = useRecordContext<Booking>();
  return (
    <TopToolbar>
      <ListButton />
      {booking?.status === 'pending' && <EditButton />}
      <RecordBookingPaymentButton />
      <BookingStatusButton status="completed" />
      <BookingStatusButton status="cancelled" />
      <BookingRefundButton />
      <BookingInvoicePdfButton />
    </TopToolbar>
  );
};

/**
 * A booking: the visit (when, how long, for whom, by whom, where), its money like a sale's (totals,
 * payments, refunds) and, once completed, its invoice; the actions record a payment, complete or
 * cancel it, refund and download the invoice.
 */
export const BookingShow = () => (
  <Show<Booking> title={<BookingTitle />} actions={<BookingShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="Status">
          <BookingStatusChip />
        </Labeled>
        <Labeled label="Payment">
          <StatusChip source="paymentStatus" looks={orderPaymentStatusLooks} />
        </Labeled>
        <Labeled label="Visit">
          <FunctionField<Booking> render={(booking) => visitTime(booking.scheduledAt)} />
        </Labeled>
        <Labeled label="Duration">
          <FunctionField<Booking> render={(booking) => durationText(booking.durationMinutes)} />
        </Labeled>
        <Labeled label="Customer">
          <BookingCustomerField />
        </Labeled>
        <Labeled label="Assigned to">
          <UserReferenceField source="assigneeId" fallbackLabel="Staff" emptyText="Nobody yet" />
        </Labeled>
        <Labeled label="Invoice">
          <BookingInvoiceField />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Service">
          <TextField source="serviceName" />
        </Labeled>
        <Labeled label="Address">
          <TextField source="address" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
        <Labeled label="Notes">
          <TextField source="notes" emptyText="No notes" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
      </Stack>
      <DocumentTotals<Booking> amounts={bookingAmounts} />
      <DocumentPayments empty="Nothing paid yet." textSource="reference" textLabel="Reference" recordedByEmptyText="—" />
      <RecordReturnsAndRefunds target="bookingId" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Booked">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Completed">
          <DateField source="completedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled label="Cancelled">
          <DateField source="cancelledAt" showTime emptyText="—" />
        </Labeled>
      </Stack>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
