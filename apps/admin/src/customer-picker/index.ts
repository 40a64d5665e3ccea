/**
 * Picking a customer (docs/api.md#customers): an account, an in-store customer, or one search over
 * both (bookings); and the person a booking is assigned to.
 */
export { AccountPickerInput, CustomerSearchInput, InStoreCustomerPickerInput } from './CustomerPickers';
export { AssigneeInput } from './AssigneeInput';
export * from './customerOptions';
export * from './assignee';
