import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import type { ResourceProps } from 'react-admin';
import type { OfflineSale } from '../common-sales/types';
import { OfflineSaleCreate } from './OfflineSaleCreate';
import { OfflineSaleList } from './OfflineSaleList';
import { OfflineSaleShow } from './OfflineSaleShow';

/** The `offline-sales` admin resource (docs/api.md#in-store-sales): sales at the counter, paid in one go or in parts. */
export const offlineSales = {
  name: 'offline-sales',
  list: OfflineSaleList,
  show: OfflineSaleShow,
  create: OfflineSaleCreate,
  icon: PointOfSaleIcon,
  options: { label: 'In-store sales' },
  recordRepresentation: (record: OfflineSale) => record.number,
} satisfies ResourceProps;

export { OfflineSaleCreate, OfflineSaleList, OfflineSaleShow };
