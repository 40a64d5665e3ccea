import { Create } from 'react-admin';
import type { Purchase } from '../common-sales/types';
import { PurchaseForm } from './PurchaseForm';
import { toCreateBody, type PurchaseFormValues } from './purchaseForm';

/** A new purchase (opened from a supplier's page, the supplier is already chosen). */
export const PurchaseCreate = () => (
  <Create<Purchase> redirect="show" title="New purchase" transform={(values) => toCreateBody(values as PurchaseFormValues) as unknown as Purchase}>
    <PurchaseForm />
  </Create>
);
