export { BulkActionButton, postBulk } from './BulkActionButton';
export { useBulkAction } from './useBulkAction';
