/**
 * What the sales, purchasing and in-store screens share: their records (types.ts), labels and
 * chips for statuses and payment methods, the admin API's actions and PDFs, status tabs with
 * counts, snapshot lines and totals, the live totals arithmetic, a variant picker and a payment
 * dialog.
 */
export * from './types';
export * from './labels';
export * from './totals';
export { postAction, downloadPdf, fieldError, errorCode, errorMessage, fileNameOf } from './adminActions';
export { StatusChip } from './StatusChip';
export { StatusTabs } from './StatusTabs';
export { dateRangeFilters, dayStart, dayEnd, dayOf } from './dateFilters';
export { TotalsTable, type TotalsRow } from './TotalsTable';
export { AddressBlock } from './AddressBlock';
export { SnapshotLines } from './SnapshotLines';
export { PdfButton } from './PdfButton';
export { ConfirmActionButton } from './ConfirmActionButton';
export { PaymentDialog, type PaymentValues } from './PaymentDialog';
export { VariantPickerInput, variantOptionLabel, variantOptionsOf, lineSnapshotFields, type VariantOption } from './VariantPickerInput';
export { LineTotal } from './LineTotal';
export { PartyCard } from './PartyCard';
