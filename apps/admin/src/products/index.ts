import InventoryIcon from '@mui/icons-material/Inventory2';
import type { ResourceProps } from 'react-admin';
import type { Product } from '../types';
import { ProductCreate } from './ProductCreate';
import { ProductEdit } from './ProductEdit';
import { ProductList } from './ProductList';
import { ProductShow } from './ProductShow';

/** The `products` admin resource (docs/api.md#catalog-and-stock): products with their variants, stock through adjustments. */
export const products = {
  name: 'products',
  list: ProductList,
  show: ProductShow,
  edit: ProductEdit,
  create: ProductCreate,
  icon: InventoryIcon,
  recordRepresentation: (record: Product) => record.name,
} satisfies ResourceProps;

export { ProductCreate, ProductEdit, ProductList, ProductShow };
