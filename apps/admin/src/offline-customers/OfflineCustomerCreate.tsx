import { Create } from 'react-admin';
import { OfflineCustomerForm } from './OfflineCustomerForm';

export const OfflineCustomerCreate = () => (
  <Create redirect="show" title="New in-store customer">
    <OfflineCustomerForm />
  </Create>
);
