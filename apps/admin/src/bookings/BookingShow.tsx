import Stack from '@mui/material/Stack';
import { DateField, EditButton, FunctionField, Labeled, ListButton, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import { MoneyField } from '../money';
import { RecordReturnsAndRefunds, RefundButton } from '../returns';
import { durationText } from '../service-types/duration';
import type { Booking } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';
import { BookingStatusChip } from './BookingFields';
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
      <BookingStatusButton status="completed" />
      <BookingStatusButton status="cancelled" />
      <RefundButton resource="bookings" subject={(record) => `Booking ${record.id}`} />
    </TopToolbar>
  );
};

export const BookingShow = () => (
  <Show<Booking> title={<BookingTitle />} actions={<BookingShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Status">
          <BookingStatusChip />
        </Labeled>
        <Labeled label="Visit">
          <FunctionField<Booking> render={(booking) => visitTime(booking.scheduledAt)} />
        </Labeled>
        <Labeled label="Duration">
          <FunctionField<Booking> render={(booking) => durationText(booking.durationMinutes)} />
        </Labeled>
        <Labeled label="Customer">
          <UserReferenceField source="customerId" fallbackLabel="Customer" />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Service">
          <TextField source="serviceName" />
        </Labeled>
        <Labeled label="Price (as booked)">
          <MoneyField source="price" />
        </Labeled>
        <Labeled label="Refunded">
          <MoneyField source="refundedAmount" />
        </Labeled>
      </Stack>
      <TextField source="address" sx={{ whiteSpace: 'pre-line' }} />
      <TextField source="notes" emptyText="No notes" sx={{ whiteSpace: 'pre-line' }} />
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
      <RecordReturnsAndRefunds target="bookingId" />
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
