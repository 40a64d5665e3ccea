import { Edit, useRecordContext } from 'react-admin';
import type { OfflineCustomer } from '../common-sales/types';
import { OfflineCustomerForm } from './OfflineCustomerForm';
import { HistoryPanel } from '../audit-logs';

const CustomerTitle = () => {
  const customer = useRecordContext<OfflineCustomer>();
  return <span>{customer ? `Edit ${customer.name}` : 'Customer'}</span>;
};

/** Pessimistic: the API's validation errors (an account already linked elsewhere) appear under the inputs; the balance is never edited. */
export const OfflineCustomerEdit = () => (
  <Edit<OfflineCustomer>
    mutationMode="pessimistic"
    redirect="show"
    title={<CustomerTitle />}
    transform={({ name, phone, email, address, notes, userId }) => ({ name, phone, email, address, notes, userId: userId ?? null })}
  >
    <OfflineCustomerForm linkAccount />
    <HistoryPanel />
  </Edit>
);
