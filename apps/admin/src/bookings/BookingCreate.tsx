import { Create, TextInput, maxLength, required } from 'react-admin';
import { AssigneeInput, customerBody } from '../customer-picker';
import { SimpleForm } from '../forms';
import type { Booking } from '../types';
import { localToIso } from './bookingStatus';
import { AddressFromCustomer, CustomerInput, ServiceTypeInput, VisitTimeInput } from './BookingInputs';

/** What is sent: exactly one of the customer fields, the visit time as an ISO instant, no empty notes or assignee. */
function createBody(values: Partial<Booking>) {
  const { notes, customerId, offlineCustomerId, assigneeId, ...rest } = values;
  return {
    ...customerBody({ customerId, offlineCustomerId }),
    ...rest,
    scheduledAt: localToIso(values.scheduledAt),
    ...(assigneeId != null ? { assigneeId } : {}),
    ...(notes ? { notes } : {}),
  } as Partial<Booking>;
}

/** A booking made for an account or an in-store customer (on the phone, at the counter), perhaps assigned to someone; an account is notified of its changes. */
export const BookingCreate = () => (
  <Create<Booking> redirect="show" transform={createBody} title="New booking">
    <SimpleForm sx={{ maxWidth: 640 }}>
      <CustomerInput />
      <AddressFromCustomer />
      <ServiceTypeInput />
      <VisitTimeInput />
      <AssigneeInput />
      <TextInput source="address" multiline minRows={2} validate={[required(), maxLength(500)]} helperText="Where the visit takes place" />
      <TextInput source="notes" multiline minRows={2} validate={maxLength(2000)} helperText="For the technician, e.g. the door code" />
    </SimpleForm>
  </Create>
);
