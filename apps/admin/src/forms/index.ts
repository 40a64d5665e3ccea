/**
 * What every create and edit form shares: react-admin's SimpleForm warning before unsaved changes
 * are lost, and the "Save and add another" toolbar of forms people fill in many times in a row.
 */
export { SimpleForm, type SimpleFormProps } from './SimpleForm';
export { SaveAndAddAnotherToolbar } from './SaveAndAddAnotherToolbar';
