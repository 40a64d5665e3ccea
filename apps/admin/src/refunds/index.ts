import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import type { ResourceProps } from 'react-admin';
import type { Refund } from '../common-sales/types';
import { RefundList } from './RefundList';
import { RefundShow } from './RefundShow';

/** The `refunds` admin resource (docs/api.md#refunds-and-returns): read only; refunds are made from a record's or a return's page. */
export const refunds = {
  name: 'refunds',
  list: RefundList,
  show: RefundShow,
  icon: CurrencyExchangeIcon,
  recordRepresentation: (record: Refund) => record.number,
} satisfies ResourceProps;
