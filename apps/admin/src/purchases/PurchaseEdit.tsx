import { Edit, useRecordContext } from 'react-admin';
import type { Purchase } from '../common-sales/types';
import { PurchaseForm } from './PurchaseForm';
import { toUpdateBody, type PurchaseFormValues } from './purchaseForm';
import { HistoryPanel } from '../audit-logs';

const PurchaseTitle = () => {
  const purchase = useRecordContext<Purchase>();
  return <span>{purchase ? `Edit purchase ${purchase.number}` : 'Purchase'}</span>;
};

const PurchaseEditForm = () => {
  const purchase = useRecordContext<Purchase>();
  return <PurchaseForm locked={purchase?.status === 'received' || purchase?.status === 'cancelled'} />;
};

/** Lines, supplier, bill amounts and notes can change until the goods are received. */
export const PurchaseEdit = () => (
  <Edit<Purchase>
    mutationMode="pessimistic"
    redirect="show"
    title={<PurchaseTitle />}
    transform={(values, options) => toUpdateBody(values as PurchaseFormValues, options?.previousData as Purchase | undefined) as unknown as Purchase}
  >
    <PurchaseEditForm />
    <HistoryPanel />
  </Edit>
);
