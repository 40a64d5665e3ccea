/**
 * What every create and edit form shares: react-admin's SimpleForm warning before unsaved changes
 * are lost, the "Save and add another" toolbar of forms people fill in many times in a row, and the
 * pause after typing that search inputs wait for.
 */
export { SimpleForm, type SimpleFormProps } from './SimpleForm';
export { SaveAndAddAnotherToolbar } from './SaveAndAddAnotherToolbar';
export { useDebounced } from './useDebounced';
