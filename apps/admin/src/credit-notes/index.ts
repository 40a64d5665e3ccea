import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { ResourceProps } from 'react-admin';
import type { CreditNote } from '../common-sales/types';
import { CreditNoteList } from './CreditNoteList';
import { CreditNoteShow } from './CreditNoteShow';

/** The `credit-notes` admin resource (docs/api.md#refunds-and-returns): read only, one per refund. */
export const creditNotes = {
  name: 'credit-notes',
  list: CreditNoteList,
  show: CreditNoteShow,
  icon: RequestQuoteIcon,
  recordRepresentation: (record: CreditNote) => record.number,
} satisfies ResourceProps;
