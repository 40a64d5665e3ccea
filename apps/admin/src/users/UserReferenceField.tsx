import Typography from '@mui/material/Typography';
import { ReferenceField, useCanAccess, useFieldValue, type FieldProps, type LinkToType } from 'react-admin';

export interface UserReferenceFieldProps extends FieldProps {
  source: string;
  /** Shown when the field is empty, e.g. "Guest". */
  emptyText?: string;
  /** How to call a user whose name the current user may not read (staff cannot list users). */
  fallbackLabel?: string;
  /** Default: the user's edit page. */
  link?: LinkToType;
}

/**
 * A user named by their full name (or e-mail), linked to their page. Staff may not read users
 * (docs/api.md#roles): for them the user is shown as "<fallbackLabel> #<id>".
 */
export const UserReferenceField = ({ source, emptyText, fallbackLabel = 'User', link = 'edit', ...rest }: UserReferenceFieldProps) => {
  const id = useFieldValue({ source });
  const { canAccess, isPending } = useCanAccess({ resource: 'users', action: 'list' });
  if (id == null || id === '') {
    return (
      <Typography component="span" variant="body2">
        {emptyText ?? ''}
      </Typography>
    );
  }
  if (isPending) return null;
  if (!canAccess) {
    return (
      <Typography component="span" variant="body2">
        {fallbackLabel} #{String(id)}
      </Typography>
    );
  }
  return <ReferenceField source={source} reference="users" link={link} {...rest} />;
};
