import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import type { ResourceProps } from 'react-admin';
import type { Purchase } from '../common-sales/types';
import { PurchaseCreate } from './PurchaseCreate';
import { PurchaseEdit } from './PurchaseEdit';
import { PurchaseList } from './PurchaseList';
import { PurchaseShow } from './PurchaseShow';

/** The `purchases` admin resource (docs/api.md#suppliers-and-purchases): orders to suppliers, received into stock. */
export const purchases = {
  name: 'purchases',
  list: PurchaseList,
  show: PurchaseShow,
  create: PurchaseCreate,
  edit: PurchaseEdit,
  icon: LocalShippingIcon,
  recordRepresentation: (record: Purchase) => record.number,
} satisfies ResourceProps;

export { PurchaseCreate, PurchaseEdit, PurchaseList, PurchaseShow };
