import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import type { AdminUser } from '../types';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

/** The `users` admin resource (docs/api.md#roles): admins only, no delete. */
export const users = {
  name: 'users',
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: AdminUser) => record.fullName || record.email,
} satisfies ResourceProps;

export { UserCreate, UserEdit, UserList };
