import ShoppingBasketIcon from '@mui/icons-material/ShoppingBasket';
import type { ResourceProps } from 'react-admin';
import { CartList } from './CartList';
import { CartShow } from './CartShow';

/** The `carts` admin resource (docs/api.md#carts, #back-office-resources): read only, for abandoned carts. */
export const carts = {
  name: 'carts',
  list: CartList,
  show: CartShow,
  icon: ShoppingBasketIcon,
} satisfies ResourceProps;

export { CartList, CartShow };
