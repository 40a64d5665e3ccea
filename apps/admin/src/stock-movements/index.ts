import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { StockMovementList } from './StockMovementList';

/** The `stock-movements` admin resource (docs/api.md#catalog-and-stock): the stock ledger, read only. */
export const stockMovements = {
  name: 'stock-movements',
  list: StockMovementList,
  icon: HistoryIcon,
} satisfies ResourceProps;

export { StockMovementList };
