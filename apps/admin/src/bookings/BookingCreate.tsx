import { Create, TextInput, maxLength, required } from 'react-admin';
import { SimpleForm } from '../forms';
import type { Booking } from '../types';
import { localToIso } from './bookingStatus';
import { AddressFromCustomer, CustomerInput, ServiceTypeInput, VisitTimeInput } from './BookingInputs';

/** What is sent: the visit time as an ISO instant, no empty notes. */
function createBody(values: Partial<Booking>) {
  const { notes, ...rest } = values;
  return { ...rest, scheduledAt: localToIso(values.scheduledAt), ...(notes ? { notes } : {}) } as Partial<Booking>;
}

/** A booking made for a customer (on the phone, at the counter): the customer is notified of its changes. */
export const BookingCreate = () => (
  <Create<Booking> redirect="show" transform={createBody} title="New booking">
    <SimpleForm sx={{ maxWidth: 640 }}>
      <CustomerInput />
      <AddressFromCustomer />
      <ServiceTypeInput />
      <VisitTimeInput />
      <TextInput source="address" multiline minRows={2} validate={[required(), maxLength(500)]} helperText="Where the visit takes place" />
      <TextInput source="notes" multiline minRows={2} validate={maxLength(2000)} helperText="For the technician, e.g. the door code" />
    </SimpleForm>
  </Create>
);
