import Alert from '@mui/material/Alert';
import { Edit, SaveButton, TextInput, Toolbar, maxLength, required, useRecordContext } from 'react-admin';
import { AssigneeInput } from '../customer-picker';
import { SimpleForm } from '../forms';
import { HistoryPanel } from '../audit-logs';
import type { Booking } from '../types';
import { localToIso, visitTime } from './bookingStatus';
import { VisitTimeInput } from './BookingInputs';

const BookingTitle = () => {
  const booking = useRecordContext<Booking>();
  return <span>{booking ? `${booking.serviceName}, ${visitTime(booking.scheduledAt)}` : 'Booking'}</span>;
};

const BookingEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Only a pending booking can be moved or changed; a completed or cancelled one is history. */
const BookingEditForm = () => {
  const booking = useRecordContext<Booking>();
  if (!booking) return null;
  if (booking.status !== 'pending') {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        This booking is {booking.status}: it can no longer be changed.
      </Alert>
    );
  }
  return (
    <SimpleForm toolbar={<BookingEditToolbar />} sx={{ maxWidth: 640 }}>
      <VisitTimeInput />
      <AssigneeInput />
      <TextInput source="address" multiline minRows={2} validate={[required(), maxLength(500)]} />
      <TextInput source="notes" multiline minRows={2} validate={maxLength(2000)} parse={(value: string) => value ?? ''} />
    </SimpleForm>
  );
};

/** Moves or reassigns a pending visit or changes its address and notes; only the changed fields are sent. */
export const BookingEdit = () => (
  <Edit<Booking>
    mutationMode="pessimistic"
    redirect="show"
    title={<BookingTitle />}
    transform={(values) => ({ ...values, scheduledAt: localToIso(values.scheduledAt) }) as Booking}
  >
    <BookingEditForm />
    <HistoryPanel />
  </Edit>
);
