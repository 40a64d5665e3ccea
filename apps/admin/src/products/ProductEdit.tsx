import { useMemo } from 'react';
import { Edit, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import type { Product } from '../types';
import { ProductForm } from './ProductForm';
import { toProductFormValues, toUpdateBody, type ProductFormValues } from './productForm';

const ProductTitle = () => {
  const record = useRecordContext<Product>();
  return <span>Edit {record ? record.name : 'product'}</span>;
};

/** The form works on the form-shaped record (own prices, attribute rows) built from the API's. */
const ProductEditForm = () => {
  const record = useRecordContext<Product>();
  const formRecord = useMemo(() => (record ? toProductFormValues(record) : undefined), [record]);
  if (!formRecord) return null;
  return <ProductForm purpose="edit" record={formRecord} />;
};

/**
 * Pessimistic, so that the API's errors (a taken SKU, a removed variant that still has stock)
 * show under the inputs or in the notification. Only changed fields are sent; `variants` in full
 * when any of them changed, without stock.
 */
export const ProductEdit = () => (
  <Edit<Product>
    mutationMode="pessimistic"
    redirect="show"
    title={<ProductTitle />}
    transform={(values, options) => toUpdateBody(values as unknown as Partial<ProductFormValues>, options?.previousData) as unknown as Product}
  >
    <ProductEditForm />
    <HistoryPanel />
  </Edit>
);
