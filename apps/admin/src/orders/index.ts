import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import type { ResourceProps } from 'react-admin';
import type { Order } from '../common-sales/types';
import { OrderList } from './OrderList';
import { OrderShow } from './OrderShow';

/** The `orders` admin resource (docs/api.md#orders-payments-and-invoices): read only, changed through its actions. */
export const orders = {
  name: 'orders',
  list: OrderList,
  show: OrderShow,
  icon: ShoppingCartCheckoutIcon,
  recordRepresentation: (record: Order) => record.number ?? `Draft #${record.id}`,
} satisfies ResourceProps;

export { OrderList, OrderShow };
