import PersonPinIcon from '@mui/icons-material/PersonPin';
import type { ResourceProps } from 'react-admin';
import type { OfflineCustomer } from '../common-sales/types';
import { OfflineCustomerCreate } from './OfflineCustomerCreate';
import { OfflineCustomerEdit } from './OfflineCustomerEdit';
import { OfflineCustomerList } from './OfflineCustomerList';
import { OfflineCustomerShow } from './OfflineCustomerShow';

/** The `offline-customers` admin resource (docs/api.md#in-store-sales): walk-in customers and what they owe. */
export const offlineCustomers = {
  name: 'offline-customers',
  list: OfflineCustomerList,
  show: OfflineCustomerShow,
  create: OfflineCustomerCreate,
  edit: OfflineCustomerEdit,
  icon: PersonPinIcon,
  options: { label: 'In-store customers' },
  recordRepresentation: (record: OfflineCustomer) => record.name,
} satisfies ResourceProps;

export { OfflineCustomerCreate, OfflineCustomerEdit, OfflineCustomerList, OfflineCustomerShow };
