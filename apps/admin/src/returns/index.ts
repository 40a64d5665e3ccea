import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import type { ResourceProps } from 'react-admin';
import type { Return } from '../common-sales/types';
import { ReturnList } from './ReturnList';
import { ReturnShow } from './ReturnShow';

/** The `returns` admin resource (docs/api.md#refunds-and-returns): made from an order's or sale's page, moved on through its actions. */
export const returns = {
  name: 'returns',
  list: ReturnList,
  show: ReturnShow,
  icon: AssignmentReturnIcon,
  recordRepresentation: (record: Return) => record.number,
} satisfies ResourceProps;

export { ReturnList, ReturnShow };
export { RefundButton } from './RefundButton';
export { ReturnItemsButton } from './ReturnItemsButton';
export { RecordReturnsAndRefunds } from './RecordReturnsAndRefunds';
