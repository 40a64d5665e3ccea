import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  STORE_MAX_ROWS,
  findPage,
  inTransaction,
  notFound,
  updateRow,
  withUniqueFields,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { slugify } from './catalog-rules.js';
import { CategoryEntity } from './catalog.entities.js';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/index.js';

const spec = (maxRows: number): ListSpec => ({
  resource: 'categories',
  maxRows,
  sortable: ['id', 'name', 'slug', 'parentId', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
  filters: { parentId: { type: 'int' }, slug: { type: 'string' } },
});
export const ADMIN_CATEGORY_LIST = spec(ADMIN_MAX_ROWS);
export const STORE_CATEGORY_LIST = spec(STORE_MAX_ROWS);

const SLUG_TAKEN = { categories_slug_key: { slug: 'is already used by another category' } };

const COLUMNS: ListColumns = {
  columns: { id: 'c.id', name: 'c.name', slug: 'c.slug', parentId: 'c.parentId', createdAt: 'c.createdAt' },
  search: ['c.name', 'c.slug', 'c.description'],
};

@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  list(query: ListQuery): Promise<ListPage<CategoryEntity>> {
    return this.reads.onReplica((manager) => findPage('categories', manager.createQueryBuilder(CategoryEntity, 'c'), query, COLUMNS));
  }

  /** A category, read outside any transaction (committed data), for the controller. */
  get(id: number): Promise<CategoryEntity> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** A category, read in the caller's transaction. */
  async getIn(manager: EntityManager, id: number): Promise<CategoryEntity> {
    const category = await manager.findOneBy(CategoryEntity, { id });
    if (!category) throw notFound('Category');
    return category;
  }

  create(input: CreateCategoryDto): Promise<CategoryEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      if (input.parentId) await this.getIn(manager, input.parentId).catch(() => Promise.reject(validationFailed({ parentId: 'does not exist' })));
      const [row] = await withUniqueFields(
        () =>
          manager.query(`INSERT INTO categories (name, slug, description, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
            input.name.trim(),
            input.slug ?? slugify(input.name),
            input.description ?? '',
            input.parentId ?? null,
          ]),
        SLUG_TAKEN,
      );
      return this.getIn(manager, row.id);
    });
  }

  update(id: number, input: UpdateCategoryDto): Promise<CategoryEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.getIn(manager, id);
      if (input.parentId) await this.assertNoCycle(manager, id, input.parentId);
      await withUniqueFields(
        () =>
          updateRow(
            manager,
            'categories',
            id,
            { ...input, name: input.name?.trim() },
            { name: 'name', slug: 'slug', description: 'description', parentId: 'parent_id' },
          ),
        SLUG_TAKEN,
      );
      return this.getIn(manager, id);
    });
  }

  /** Refused (409 CONFLICT) while products or subcategories use it. */
  remove(id: number): Promise<CategoryEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const category = await this.getIn(manager, id);
      const [use] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM products WHERE category_id = $1) AS products, EXISTS (SELECT 1 FROM categories WHERE parent_id = $1) AS children`,
        [id],
      );
      if (use.products) throw new DomainError('CONFLICT', 'Move or delete this category’s products first');
      if (use.children) throw new DomainError('CONFLICT', 'Move or delete this category’s subcategories first');
      await manager.query('DELETE FROM categories WHERE id = $1', [id]);
      return category;
    });
  }

  private async assertNoCycle(manager: EntityManager, id: number, parentId: number): Promise<void> {
    const rows: { id: number }[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM categories WHERE id = $1
         UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id)
       SELECT id FROM up`,
      [parentId],
    );
    if (rows.length === 0) throw validationFailed({ parentId: 'does not exist' });
    if (rows.some((r) => r.id === id)) throw validationFailed({ parentId: 'would make the category its own ancestor' });
  }
}
