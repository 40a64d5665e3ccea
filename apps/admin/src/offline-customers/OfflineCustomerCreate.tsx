import { Create } from 'react-admin';
import { SaveAndAddAnotherToolbar } from '../forms';
import { OfflineCustomerForm } from './OfflineCustomerForm';

export const OfflineCustomerCreate = () => (
  <Create redirect="show" title="New in-store customer">
    <OfflineCustomerForm toolbar={<SaveAndAddAnotherToolbar />} />
  </Create>
);
