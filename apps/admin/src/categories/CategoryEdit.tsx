import { Edit, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import type { Category } from '../types';
import { CategoryForm } from './CategoryForm';

const CategoryTitle = () => {
  const record = useRecordContext<Category>();
  return <span>Category {record ? record.name : ''}</span>;
};

/** Pessimistic: validation errors appear under the inputs; deleting a used category shows the API's reason. */
export const CategoryEdit = () => (
  <Edit<Category> mutationMode="pessimistic" title={<CategoryTitle />} redirect="list">
    <CategoryForm slugRequired />
    <HistoryPanel />
  </Edit>
);
