import FactoryIcon from '@mui/icons-material/Factory';
import type { ResourceProps } from 'react-admin';
import type { Supplier } from '../common-sales/types';
import { SupplierCreate } from './SupplierCreate';
import { SupplierEdit } from './SupplierEdit';
import { SupplierList } from './SupplierList';
import { SupplierShow } from './SupplierShow';

/** The `suppliers` admin resource (docs/api.md#suppliers-and-purchases), with each supplier's purchases on its page. */
export const suppliers = {
  name: 'suppliers',
  list: SupplierList,
  show: SupplierShow,
  create: SupplierCreate,
  edit: SupplierEdit,
  icon: FactoryIcon,
  recordRepresentation: (record: Supplier) => record.name,
} satisfies ResourceProps;

export { SupplierCreate, SupplierEdit, SupplierList, SupplierShow };
