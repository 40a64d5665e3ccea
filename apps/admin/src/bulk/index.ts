export { BulkActionButton, postBulk } from './BulkActionButton';
export { useBulkAction } from './useBulkAction';
export { bulkSummary, type BulkWords } from './bulkSummary';
