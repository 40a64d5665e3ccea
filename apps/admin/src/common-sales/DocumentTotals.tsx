import { useRecordContext, type RaRecord } from 'react-admin';
import { documentTotalsRows, type DocumentAmounts } from './documentTotals';
import { TotalsTable } from './TotalsTable';
import { useDocumentCurrency } from './useDocumentCurrency';

export interface DocumentTotalsProps<T extends RaRecord> {
  /** The document's amounts, from its record: each page says which it has and how it words its balance. */
  amounts: (record: T) => DocumentAmounts;
}

/**
 * The totals table of the document in context (react-admin demo's orders/Totals), in the
 * document's own currency when it has one.
 */
export function DocumentTotals<T extends RaRecord>({ amounts }: DocumentTotalsProps<T>) {
  const record = useRecordContext<T>();
  const currency = useDocumentCurrency();
  if (!record) return null;
  return <TotalsTable currency={currency} rows={documentTotalsRows(amounts(record))} />;
}
