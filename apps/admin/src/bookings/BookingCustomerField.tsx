import { FunctionField, ReferenceField, useRecordContext } from 'react-admin';
import type { components } from '../api/schema';
import type { OfflineCustomer } from '../common-sales/types';
import type { Booking } from '../types';

type CustomerAccount = components['schemas']['CustomerView'];

/**
 * Who the booking is for: an in-store customer or an account, each named and linked to its page
 * (`customers`, which admins and staff may read: docs/api.md#customers).
 */
export const BookingCustomerField = ({ link = true }: { label?: string; link?: boolean }) => {
  const booking = useRecordContext<Booking>();
  if (!booking) return null;
  if (booking.offlineCustomerId != null) {
    return (
      <ReferenceField<Booking, OfflineCustomer> source="offlineCustomerId" reference="offline-customers" link={link ? 'show' : false}>
        <FunctionField<OfflineCustomer> render={(person) => `${person.name} (in store)`} />
      </ReferenceField>
    );
  }
  return (
    <ReferenceField<Booking, CustomerAccount> source="customerId" reference="customers" link={link ? 'show' : false}>
      <FunctionField<CustomerAccount> render={(account) => account.fullName || account.email} />
    </ReferenceField>
  );
};
