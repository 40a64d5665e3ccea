import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';

export { ReorderPage } from './ReorderPage';

/** The reorder screen's route and menu entry (its purchases need the `purchases` resource). */
export const reorderRoute = { path: '/reorder', resource: 'purchases', icon: AddShoppingCartIcon } as const;
