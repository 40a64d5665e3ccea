import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import type { ResourceProps } from 'react-admin';
import type { Order } from '../common-sales/types';
import { OrderCreate } from './OrderCreate';
import { OrderEdit } from './OrderEdit';
import { OrderList } from './OrderList';
import { OrderShow } from './OrderShow';

/** The `orders` admin resource (docs/api.md#orders-payments-and-invoices): phone orders created as drafts, edited while pending or processing, otherwise changed through its actions. */
export const orders = {
  name: 'orders',
  list: OrderList,
  show: OrderShow,
  create: OrderCreate,
  edit: OrderEdit,
  icon: ShoppingCartCheckoutIcon,
  recordRepresentation: (record: Order) => record.number ?? `Draft #${record.id}`,
} satisfies ResourceProps;

export { OrderCreate, OrderEdit, OrderList, OrderShow };
