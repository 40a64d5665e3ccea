import { Edit, useRecordContext } from 'react-admin';
import type { Supplier } from '../common-sales/types';
import { SupplierForm } from './SupplierForm';
import { HistoryPanel } from '../audit-logs';

const SupplierTitle = () => {
  const supplier = useRecordContext<Supplier>();
  return <span>{supplier ? `Supplier ${supplier.name}` : 'Supplier'}</span>;
};

/** Pessimistic: the API's validation errors appear under the inputs. Deleting a supplier with purchases is refused (409). */
export const SupplierEdit = () => (
  <Edit<Supplier> mutationMode="pessimistic" redirect="show" title={<SupplierTitle />}>
    <SupplierForm />
    <HistoryPanel />
  </Edit>
);
