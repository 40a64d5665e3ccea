/**
 * What the sales, purchasing and in-store screens share: their records (types.ts), labels and
 * chips for statuses and payment methods, the admin API's actions and PDFs, status tabs with
 * counts, the live totals arithmetic, a variant picker, a form dialog and a payment dialog, record
 * actions (useRecordAction), and the parts of a document's page (<DocumentShow> with its header, lines, totals and payments).
 */
export * from './types';
export * from './labels';
export * from './totals';
export { postAction, downloadFile, downloadPdf, fieldError, errorCode, errorMessage, fileNameOf } from './adminActions';
export { StatusChip } from './StatusChip';
export { StatusTabs } from './StatusTabs';
export { dateRangeFilters, dayStart, dayEnd, dayOf } from './dateFilters';
export { TotalsTable, type TotalsRow } from './TotalsTable';
export { AddressBlock, AddressField } from './AddressBlock';
export { SnapshotLines } from './SnapshotLines';
export { PdfButton } from './PdfButton';
export { ConfirmActionButton } from './ConfirmActionButton';
export { FormDialog, type FormDialogProps } from './FormDialog';
export { PaymentDialog, type PaymentValues } from './PaymentDialog';
export { useRecordAction, type RecordActionOptions } from './useRecordAction';
export { VariantPickerInput, variantOptionLabel, variantOptionsOf, lineSnapshotFields, type VariantOption } from './VariantPickerInput';
export { LineTotal } from './LineTotal';
export { PartyCard } from './PartyCard';
export { DocumentShow, DocumentTitle, type DocumentShowProps } from './DocumentShow';
export { DocumentHeader, DocumentNumber, DocumentDate, type DocumentDateProps } from './DocumentHeader';
export { DocumentLines, type DocumentLinesProps } from './DocumentLines';
export { DocumentTotals, type DocumentTotalsProps } from './DocumentTotals';
export { documentTotalsRows, type DocumentAmounts } from './documentTotals';
export { DocumentPayments, type DocumentPaymentsProps } from './DocumentPayments';
export { useDocumentCurrency } from './useDocumentCurrency';
