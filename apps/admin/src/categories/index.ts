import CategoryIcon from '@mui/icons-material/Category';
import type { ResourceProps } from 'react-admin';
import type { Category } from '../types';
import { CategoryCreate } from './CategoryCreate';
import { CategoryEdit } from './CategoryEdit';
import { CategoryList } from './CategoryList';

/** The `categories` admin resource (docs/api.md#catalog-and-stock): a tree through `parentId`. */
export const categories = {
  name: 'categories',
  list: CategoryList,
  edit: CategoryEdit,
  create: CategoryCreate,
  icon: CategoryIcon,
  recordRepresentation: (record: Category) => record.name,
} satisfies ResourceProps;

export { CategoryCreate, CategoryEdit, CategoryList };
