import { useRecordContext } from 'react-admin';

/**
 * The currency of the document in context when it carries its own (an invoice keeps the currency
 * it was issued in); otherwise undefined, which the money fields and totals read as the store's.
 */
export function useDocumentCurrency(): string | undefined {
  const record = useRecordContext<{ id: number; currency?: unknown }>();
  return typeof record?.currency === 'string' ? record.currency : undefined;
}
