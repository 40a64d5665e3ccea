import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceProps } from 'react-admin';
import type { StockCount } from '../types';
import { StockCountCreate } from './StockCountCreate';
import { StockCountList } from './StockCountList';
import { StockCountShow } from './StockCountShow';

/** The `stock-counts` admin resource (docs/api.md#catalog-media): counts are recorded on the scanner screen, then read only. */
export const stockCounts = {
  name: 'stock-counts',
  list: StockCountList,
  show: StockCountShow,
  create: StockCountCreate,
  icon: ChecklistIcon,
  recordRepresentation: (count: StockCount) => count.number,
} satisfies ResourceProps;

export { StockCountCreate, StockCountList, StockCountShow };
