import { Create } from 'react-admin';
import type { Category } from '../types';
import { CategoryForm } from './CategoryForm';

/** An empty slug is left out: the API makes one from the name. */
const withoutEmptySlug = (data: Partial<Category>) => {
  const { slug, ...rest } = data;
  return slug?.trim() ? { ...rest, slug: slug.trim() } : rest;
};

export const CategoryCreate = () => (
  <Create<Category> redirect="list" transform={withoutEmptySlug}>
    <CategoryForm defaultValues={{ parentId: null, description: '' }} />
  </Create>
);
