// The one place the SPA takes react-admin's form layout from: everything else imports ./forms.
// eslint-disable-next-line no-restricted-imports
import { SimpleForm as ReactAdminSimpleForm, type SimpleFormProps } from 'react-admin';

/**
 * react-admin's SimpleForm that warns before unsaved changes are lost (a menu click, a link, the
 * back button or closing the tab ask first), on every create and edit page. A form that must not
 * ask (one whose values are thrown away on purpose) says `warnWhenUnsavedChanges={false}`.
 */
export const SimpleForm = ({ warnWhenUnsavedChanges = true, ...props }: SimpleFormProps) => (
  <ReactAdminSimpleForm warnWhenUnsavedChanges={warnWhenUnsavedChanges} {...props} />
);

export type { SimpleFormProps };
