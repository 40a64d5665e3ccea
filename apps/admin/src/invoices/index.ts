import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import type { Invoice } from '../common-sales/types';
import { InvoiceList } from './InvoiceList';
import { InvoiceShow } from './InvoiceShow';

/** The `invoices` admin resource (docs/api.md#orders-payments-and-invoices): read only, one per order, with its PDF. */
export const invoices = {
  name: 'invoices',
  list: InvoiceList,
  show: InvoiceShow,
  icon: ReceiptLongIcon,
  recordRepresentation: (record: Invoice) => record.number,
} satisfies ResourceProps;

export { InvoiceList, InvoiceShow };
