import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  APP_CONFIG,
  MicroCache,
  STORE_MAX_ROWS,
  type AppConfig,
  findPage,
  inTransaction,
  loadChildren,
  notFound,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  ReadReplica,
} from '@chance/core';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ProductEntity, ProductImageEntity, VariantEntity } from './catalog.entities.js';
import type { AdminProductView, StoreProductView } from './dto/index.js';
import { ProductMedia } from './product-media.js';
import { toAdminProductView, toStoreProductView } from './product-view.js';

export const ADMIN_PRODUCT_LIST: ListSpec = {
  resource: 'products',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'slug', 'price', 'categoryId', 'isActive', 'createdAt', 'updatedAt', 'stock'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: {
    categoryId: { type: 'int' },
    isActive: { type: 'boolean' },
    inStock: { type: 'boolean' },
    lowStock: { type: 'boolean' },
    price_gte: { type: 'int' },
    price_lte: { type: 'int' },
  },
};

export const STORE_PRODUCT_LIST: ListSpec = {
  resource: 'products',
  maxRows: STORE_MAX_ROWS,
  sortable: ['id', 'name', 'price', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
  filters: { categoryId: { type: 'int' }, slug: { type: 'string' }, inStock: { type: 'boolean' }, price_gte: { type: 'int' }, price_lte: { type: 'int' } },
};

/** The products list export's columns, one row per product (docs/api.md#exports; the import's file is /api/admin/exports/products.csv). */
export const PRODUCT_CSV: readonly CsvColumn<AdminProductView>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'slug', value: (p) => p.slug },
  { header: 'categoryId', value: (p) => p.categoryId },
  { header: 'price', value: (p) => p.price },
  { header: 'costPrice', value: (p) => p.costPrice },
  { header: 'stock', value: (p) => p.stock },
  { header: 'lowStock', value: (p) => p.lowStock },
  { header: 'variants', value: (p) => p.variants.length },
  { header: 'isActive', value: (p) => p.isActive },
  { header: 'createdAt', value: (p) => p.createdAt },
  { header: 'updatedAt', value: (p) => p.updatedAt },
];

const negate = (value: unknown) => (value ? '' : 'NOT ');
const PRODUCT_COLUMNS: ListColumns = {
  columns: {
    id: 'p.id',
    name: 'p.name',
    slug: 'p.slug',
    price: 'p.price',
    categoryId: 'p.categoryId',
    isActive: 'p.isActive',
    createdAt: 'p.createdAt',
    updatedAt: 'p.updatedAt',
    // Σ of the product's variants (what `stock` shows), from the `st` join adminProducts adds for this sort
    stock: 'COALESCE(st.total, 0)',
  },
  // one IN over a UNION, so that each ILIKE can use its trigram index (an OR across tables cannot)
  searchConditions: [
    `p.id IN (SELECT id FROM products WHERE name ILIKE :listQ UNION SELECT id FROM products WHERE slug ILIKE :listQ
              UNION SELECT product_id FROM variants WHERE sku ILIKE :listQ)`,
  ],
  custom: {
    inStock: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere(`${negate(value)}EXISTS (SELECT 1 FROM variants iv WHERE iv.product_id = p.id AND iv.stock > 0)`),
    lowStock: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere(
        `${negate(value)}EXISTS (SELECT 1 FROM variants lv WHERE lv.product_id = p.id
           AND lv.stock <= COALESCE(p.low_stock_threshold, :storeLowStockThreshold))`,
      ),
  },
};

/**
 * The store's list: a category filter means the category and every category below it (a shop's
 * "Clothing" page shows its shirts and its hats), one recursive query over categories_parent_idx.
 */
const STORE_PRODUCT_COLUMNS: ListColumns = {
  ...PRODUCT_COLUMNS,
  custom: {
    ...PRODUCT_COLUMNS.custom,
    categoryId: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere(
        `p.categoryId IN (WITH RECURSIVE subtree(id) AS (
           SELECT id FROM categories WHERE id IN (:...storeCategoryIds)
           UNION SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)
         SELECT id FROM subtree)`,
        { storeCategoryIds: Array.isArray(value) ? value : [value] },
      ),
  },
};

/**
 * The admin products list's query (and its export's), with the store's low-stock threshold the
 * columns above use. Sorted by stock, it joins each product's Σ variant stock, summed at read time
 * in one pass over variants (a hash aggregate: 150 ms for 100,000 variants on a busy 2-core machine,
 * where a look-up per product took 2.5 times as long; docs/benchmarks.md#list-sorts). A column kept
 * up to date instead would lock the product's row in every checkout and stock movement of any of
 * its variants, in an order that can deadlock with another checkout: the sort pays, not the sales.
 */
const adminProducts = (manager: EntityManager, lowStockThreshold: number, query: ListQuery): SelectQueryBuilder<ProductEntity> => {
  const qb = manager.createQueryBuilder(ProductEntity, 'p').setParameter('storeLowStockThreshold', lowStockThreshold);
  if (query.sort.field !== 'stock') return qb;
  return qb.leftJoin(
    (sums) => sums.select('v.product_id', 'product_id').addSelect('sum(v.stock)', 'total').from('variants', 'v').groupBy('v.product_id'),
    'st',
    'st.product_id = p.id',
  );
};

/** Reading the catalog: lists and single products, for the back office and for the store. */
@Injectable()
export class ProductsService {
  private readonly storeCache: MicroCache<ListPage<StoreProductView>>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
    private readonly media: ProductMedia,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.storeCache = new MicroCache(config.storeCacheTtlMs);
  }

  async listForAdmin(query: ListQuery): Promise<ListPage<AdminProductView>> {
    // the store's threshold, for products without their own (the lowStock filter and the views)
    const { lowStockThreshold } = await this.settings.current();
    return this.reads.onReplica(async (manager) => {
      const page = await findPage('products', adminProducts(manager, lowStockThreshold, query), query, PRODUCT_COLUMNS);
      const ids = page.rows.map((p) => p.id);
      const [variants, images] = await Promise.all([this.variantsOf(manager, ids), this.imagesOf(manager, ids)]);
      return page.map((p) => toAdminProductView(p, variants.get(p.id) ?? [], images.get(p.id) ?? [], lowStockThreshold));
    });
  }

  /** Every product the admin list's filter matches, in its sort, as streamed CSV. */
  async exportCsv(query: ListQuery): Promise<StreamableFile> {
    const { lowStockThreshold } = await this.settings.current();
    return listCsvFile(
      this.reads.source(),
      {
        spec: ADMIN_PRODUCT_LIST,
        columns: PRODUCT_COLUMNS,
        query: (manager) => adminProducts(manager, lowStockThreshold, query),
        view: async (manager, rows) => {
          const variants = await this.variantsOf(
            manager,
            rows.map((p) => p.id),
          );
          return rows.map((p) => toAdminProductView(p, variants.get(p.id) ?? [], [], lowStockThreshold));
        },
        csv: PRODUCT_CSV,
      },
      query,
    );
  }

  /** Served from the micro-cache for STORE_CACHE_TTL_MS (default 1 s): the store's hottest read. */
  listForStore(query: ListQuery): Promise<ListPage<StoreProductView>> {
    return this.storeCache.get(JSON.stringify(query), () => this.loadStorePage(query));
  }

  private async loadStorePage(query: ListQuery): Promise<ListPage<StoreProductView>> {
    const qb = this.dataSource.manager.createQueryBuilder(ProductEntity, 'p').where('p.isActive = true');
    const page = await findPage('products', qb, query, STORE_PRODUCT_COLUMNS);
    const ids = page.rows.map((p) => p.id);
    const [variants, images] = await Promise.all([this.variantsOf(this.dataSource.manager, ids), this.imagesOf(this.dataSource.manager, ids)]);
    return page.map((p) => toStoreProductView(p, variants.get(p.id) ?? [], images.get(p.id) ?? []));
  }

  /** A product as the back office sees it, read outside any transaction (committed data), for the controller. */
  getForAdmin(id: number): Promise<AdminProductView> {
    return this.getForAdminIn(this.dataSource.manager, id);
  }

  /** A product as the back office sees it, read in the caller's transaction. */
  async getForAdminIn(manager: EntityManager, id: number): Promise<AdminProductView> {
    const product = await this.find(manager, id);
    // sequential: `manager` may be a transaction, whose one connection takes one query at a time
    const variants = await this.variantsOf(manager, [id]);
    const images = await this.imagesOf(manager, [id]);
    const { lowStockThreshold } = await this.settings.currentIn(manager);
    return toAdminProductView(product, variants.get(id) ?? [], images.get(id) ?? [], lowStockThreshold);
  }

  /** An inactive product does not exist for the store. */
  async getForStore(id: number): Promise<StoreProductView> {
    const product = await this.find(this.dataSource.manager, id);
    if (!product.isActive) throw notFound('Product');
    const [variants, images] = await Promise.all([this.variantsOf(this.dataSource.manager, [id]), this.imagesOf(this.dataSource.manager, [id])]);
    return toStoreProductView(product, variants.get(id) ?? [], images.get(id) ?? []);
  }

  /** Deletes a product with its variants, their ledger and its images (the files once committed); past orders keep their snapshots. */
  async remove(id: number): Promise<AdminProductView> {
    const view = await inTransaction(this.dataSource, async (manager) => {
      const found = await this.getForAdminIn(manager, id);
      await manager.query('DELETE FROM products WHERE id = $1', [id]);
      return found;
    });
    // the whole folder: also an image uploaded while the product was being deleted
    await this.media.discardProduct(id);
    return view;
  }

  private async find(manager: EntityManager, id: number): Promise<ProductEntity> {
    const product = await manager.findOneBy(ProductEntity, { id });
    if (!product) throw notFound('Product');
    return product;
  }

  /** The images of many products in one query, in their order. */
  private imagesOf(manager: EntityManager, productIds: number[]): Promise<Map<number, ProductImageEntity[]>> {
    return loadChildren(manager, ProductImageEntity, 'productId', productIds, ['productId', 'position', 'id']);
  }

  /** The variants of many products in one query (no N+1), grouped by product. */
  private variantsOf(manager: EntityManager, productIds: number[]): Promise<Map<number, VariantEntity[]>> {
    return loadChildren(manager, VariantEntity, 'productId', productIds, ['productId', 'position', 'id']);
  }
}
