import { Create } from 'react-admin';
import { SaveAndAddAnotherToolbar } from '../forms';
import type { ProductInput } from '../types';
import { ProductForm } from './ProductForm';
import { newProductDefaults, toCreateBody, type ProductFormValues } from './productForm';

export const ProductCreate = () => (
  <Create<ProductInput & { id?: number }> redirect="show" transform={(values) => toCreateBody(values as unknown as Partial<ProductFormValues>)}>
    <ProductForm purpose="create" defaultValues={newProductDefaults()} toolbar={<SaveAndAddAnotherToolbar />} />
  </Create>
);
