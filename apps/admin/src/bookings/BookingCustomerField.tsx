import { FunctionField, ReferenceField, useRecordContext, useResourceDefinitions } from 'react-admin';
import type { components } from '../api/schema';
import type { OfflineCustomer } from '../common-sales/types';
import type { Booking } from '../types';
import { UserReferenceField } from '../users/UserReferenceField';

type CustomerAccount = components['schemas']['CustomerView'];

/**
 * Who the booking is for: an in-store customer (their page) or an account. Accounts are named from
 * the `customers` resource (which staff may read, docs/api.md#customers) once the SPA has its pages;
 * until then as users (admins; staff see "Customer #id").
 */
export const BookingCustomerField = ({ link = true }: { label?: string; link?: boolean }) => {
  const booking = useRecordContext<Booking>();
  const resources = useResourceDefinitions();
  if (!booking) return null;
  if (booking.offlineCustomerId != null) {
    return (
      <ReferenceField<Booking, OfflineCustomer> source="offlineCustomerId" reference="offline-customers" link={link ? 'show' : false}>
        <FunctionField<OfflineCustomer> render={(person) => `${person.name} (in store)`} />
      </ReferenceField>
    );
  }
  const customers = resources.customers;
  if (customers && (customers.hasShow || customers.hasEdit)) {
    return (
      <ReferenceField<Booking, CustomerAccount> source="customerId" reference="customers" link={link ? (customers.hasShow ? 'show' : 'edit') : false}>
        <FunctionField<CustomerAccount> render={(account) => account.fullName || account.email} />
      </ReferenceField>
    );
  }
  return <UserReferenceField source="customerId" fallbackLabel="Customer" link={link ? 'edit' : false} />;
};
