import type { ReactElement, ReactNode } from 'react';
import { Show, SimpleShowLayout, useRecordContext, type RaRecord } from 'react-admin';
import { HistoryPanel } from '../audit-logs';

/** "Order ORD-000042"; the noun alone while the record loads. */
export const DocumentTitle = ({ noun }: { noun: string }) => {
  const record = useRecordContext<RaRecord & { number?: string }>();
  return <span>{record ? `${noun} ${record.number}` : noun}</span>;
};

export interface DocumentShowProps {
  /** What the document is called in its title: "Order", "Sale", "Purchase invoice". */
  noun: string;
  /** The page's own actions (a <TopToolbar>). */
  actions: ReactElement;
  /** The record's History panel below (admins); documents nobody edits go without. */
  history?: boolean;
  /** The sections, top to bottom: <DocumentHeader>, parties, <DocumentLines>, <DocumentTotals>, <DocumentPayments>. */
  children: ReactNode;
}

/**
 * The page of a numbered sales or purchasing document (orders, invoices, in-store sales,
 * purchases, purchase invoices): its number in the title, the page's own actions, its sections in
 * a show layout, and its history. Each page keeps its own fields and actions.
 */
export function DocumentShow<T extends RaRecord>({ noun, actions, history = true, children }: DocumentShowProps) {
  return (
    <Show<T> title={<DocumentTitle noun={noun} />} actions={actions}>
      <SimpleShowLayout>{children}</SimpleShowLayout>
      {history && <HistoryPanel />}
    </Show>
  );
}
