import { Create } from 'react-admin';
import { SupplierForm } from './SupplierForm';

export const SupplierCreate = () => (
  <Create redirect="show">
    <SupplierForm />
  </Create>
);
