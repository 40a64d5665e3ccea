import type { ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import { DateField, FunctionField, Labeled, ReferenceField, TextField, type RaRecord } from 'react-admin';
import type { Look } from './labels';
import { StatusChip } from './StatusChip';

/** The document's header: its number, dates, parties and statuses side by side (wrapping), stacked on phones. */
export const DocumentHeader = ({ children }: { children: ReactNode }) => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {children}
  </Stack>
);

/** The document's number, in bold under its noun ("Order", "Invoice"). */
export const DocumentNumber = ({ label }: { label: string }) => (
  <Labeled label={label}>
    <TextField source="number" sx={{ fontWeight: 600 }} />
  </Labeled>
);

export interface DocumentDateProps {
  source: string;
  label: string;
  /** Shown while the date is not set, e.g. "—" for "Received". */
  emptyText?: string;
  /** Left out altogether while the date is not set (e.g. "Cancelled" on a live order). */
  onlyWhenSet?: boolean;
}

/** A date and time of the document under its label: placed, sold, issued, received, cancelled. */
export const DocumentDate = ({ source, label, emptyText, onlyWhenSet }: DocumentDateProps) => {
  const date = (
    <Labeled label={label}>
      <DateField source={source} showTime emptyText={emptyText} />
    </Labeled>
  );
  if (!onlyWhenSet) return date;
  return <FunctionField<RaRecord> render={(record) => (record[source] ? date : null)} />;
};

/** A status of the document as a chip under its label ("Status", "Payment"). */
export const DocumentStatus = ({ source, label, looks }: { source: string; label: string; looks: Record<string, Look> }) => (
  <Labeled label={label}>
    <StatusChip source={source} looks={looks} />
  </Labeled>
);

export interface DocumentReferenceProps {
  /** The id field, e.g. `orderId`. */
  source: string;
  /** The resource it names, e.g. `orders`. */
  reference: string;
  label: string;
  /** Shown while there is none, e.g. "—" before the invoice exists. */
  emptyText?: string;
}

/** Another record the document belongs to or led to (its order, supplier, invoice), linked to its page. */
export const DocumentReference = ({ source, reference, label, emptyText }: DocumentReferenceProps) => (
  <Labeled label={label}>
    <ReferenceField source={source} reference={reference} link="show" emptyText={emptyText} />
  </Labeled>
);
