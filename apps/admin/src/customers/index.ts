import PeopleIcon from '@mui/icons-material/Groups';
import type { ResourceProps } from 'react-admin';
import { CustomerEdit } from './CustomerEdit';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';
import type { Customer } from './types';

/**
 * The `customers` admin resource (docs/api.md#customers): every customer account across channels,
 * with its figures, its linked in-store customer and one timeline; admins and staff; notes only are written.
 */
export const customers = {
  name: 'customers',
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  icon: PeopleIcon,
  recordRepresentation: (record: Customer) => record.fullName || record.email,
} satisfies ResourceProps;

export { CustomerEdit, CustomerList, CustomerShow };
export type { Customer, TimelineEntry } from './types';
