import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import type { PurchaseInvoice } from '../common-sales/types';
import { PurchaseInvoiceList } from './PurchaseInvoiceList';
import { PurchaseInvoiceShow } from './PurchaseInvoiceShow';

/** The `purchase-invoices` admin resource (docs/api.md#suppliers-and-purchases): read only, with PDFs. */
export const purchaseInvoices = {
  name: 'purchase-invoices',
  list: PurchaseInvoiceList,
  show: PurchaseInvoiceShow,
  icon: RequestQuoteIcon,
  options: { label: 'Purchase invoices' },
  recordRepresentation: (record: PurchaseInvoice) => record.number,
} satisfies ResourceProps;

export { PurchaseInvoiceList, PurchaseInvoiceShow };
