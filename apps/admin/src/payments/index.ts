import PaymentsIcon from '@mui/icons-material/Payments';
import type { ResourceProps } from 'react-admin';
import { PaymentList } from './PaymentList';

/** The `payments` admin resource (docs/api.md#orders-payments-and-invoices): read only; recorded from the order's page. */
export const payments = {
  name: 'payments',
  list: PaymentList,
  icon: PaymentsIcon,
} satisfies ResourceProps;

export { PaymentList };
