import { Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { parse } from 'csv-parse';
import { DomainError, FileRowsRefused, assertWithinLimit, inTransaction, multipartRefusal, pgCode, publishMany } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { freeSlug, slugify } from './catalog-rules.js';
import type { ImportResultView } from './dto/index.js';
import {
  planImport,
  type CatalogState,
  type CategoryRef,
  type ExistingProduct,
  type ExistingVariant,
  type ImportPlan,
  type ProductRef,
  type ProductValues,
} from './import-plan.js';
import { CSV_LIMITS, readHeader, readRow, type CsvHeader, type ImportError, type ImportRow } from './product-csv.js';
import { setStockLevels } from './stock-ledger.js';

/** Rows per multi-row statement: one round trip writes this many products or variants. */
const CHUNK = 5_000;

interface ReadFile {
  rows: ImportRow[];
  errors: ImportError[];
  /** the header could not be read: nothing else was */
  fatal: boolean;
}

/**
 * The product import of docs/api.md#catalog-media. The file is streamed through the CSV parser row by row
 * into typed rows (the file itself is never held in memory); then, in one transaction, the catalog's
 * state is read with the rows' products and variants locked as they are read, the plan decided (import-plan.ts)
 * and written with multi-row statements (unnest arrays, 5,000 rows a statement), stock through
 * `adjustment` movements with reference "import". Any error anywhere changes nothing. Real runs
 * take turns (a transaction-level advisory lock), so two imports never race to create one SKU.
 */
@Injectable()
export class ProductImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(upload: MultipartFile, { dryRun, actorId }: { dryRun: boolean; actorId: number }): Promise<ImportResultView> {
    const file = await readCsv(upload);
    if (file.fatal) return this.answer(dryRun, file.errors, null);
    if (dryRun) {
      const plan = planImport(file.rows, await loadState(this.dataSource.manager, file.rows));
      return this.answer(true, [...file.errors, ...plan.errors], plan);
    }
    return inTransaction(this.dataSource, async (manager) => {
      // one import at a time, across replicas: a second one of the same file then finds it all done
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('chance-store:product-import'))`);
      const plan = planImport(file.rows, await loadState(manager, file.rows, { lock: true }));
      const errors = [...file.errors, ...plan.errors];
      if (errors.length > 0) return this.answer(false, errors, plan);
      try {
        await writePlan(manager, plan, actorId);
      } catch (error) {
        // a SKU or slug made meanwhile by a product edit (imports themselves take turns)
        if (pgCode(error) === '23505') throw new DomainError('CONFLICT', 'The catalog changed while the file was imported: nothing was imported, run it again');
        throw error;
      }
      return this.answer(false, [], plan);
    });
  }

  /** A dry run answers with everything; a real run with errors is a 400 listing them (and its transaction rolls back). */
  private answer(dryRun: boolean, errors: ImportError[], plan: ImportPlan | null): ImportResultView {
    errors.sort((a, b) => a.row - b.row);
    const listed = errors.slice(0, CSV_LIMITS.maxErrors);
    if (!dryRun && errors.length > 0) {
      const more = errors.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
      // docs/api.md#catalog-media: here `errors` is the list of {row, column, message}, not section 1's map
      throw new FileRowsRefused(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the file${more}: nothing was imported`, listed);
    }
    return { created: plan?.created ?? 0, updated: plan?.updated ?? 0, unchanged: plan?.unchanged ?? 0, errors: listed };
  }
}

/** Streams the upload through csv-parse into typed rows and their errors; the line of each row is where it starts. */
async function readCsv(upload: MultipartFile): Promise<ReadFile> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1024 * 1024 });
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  let header: CsvHeader | undefined;
  let headerLine = 0;
  upload.file.pipe(parser);
  upload.file.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0);
      if (!header) {
        headerLine = line;
        const read = readHeader(record);
        if (!read.header) return { rows, errors: read.errors, fatal: true };
        header = read.header;
        continue;
      }
      if (rows.length + errors.length >= CSV_LIMITS.maxRows) {
        upload.file.unpipe(parser);
        upload.file.resume();
        return {
          rows,
          errors: [{ row: line, column: null, message: `a file holds at most ${CSV_LIMITS.maxRows.toLocaleString('en')} rows: split it` }],
          fatal: true,
        };
      }
      const read = readRow(header, record, line);
      if (read.row) rows.push(read.row);
      else errors.push(...read.errors);
    }
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    if (typeof e?.code === 'string' && e.code.startsWith('CSV_')) {
      return { rows, errors: [...errors, { row: e.lines ?? headerLine, column: null, message: `is not valid CSV: ${e.message}` }], fatal: true };
    }
    throw multipartRefusal(error, 'file');
  }
  assertWithinLimit(upload, CSV_LIMITS.maxBytes);
  if (!header) return { rows, errors: [{ row: 1, column: null, message: 'the file is empty: it needs a header row' }], fatal: true };
  if (headerLine !== 1) errors.push({ row: headerLine, column: null, message: 'the header must be on line 1' });
  return { rows, errors, fatal: false };
}

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

const skusOf = (rows: readonly ImportRow[]) => [...new Set(rows.map((r) => r.sku.toLowerCase()))];
const namesOf = (rows: readonly ImportRow[]) => [...new Set(rows.map((r) => r.product.toLowerCase()))];

/**
 * What the plan needs to know of the catalog: the rows' variants, the products they or their names point at (with all variants), the categories named.
 * `lock` (a real run): those products, then all their variants, are locked as they are read, each in id order (as every stock change locks them).
 */
async function loadState(manager: EntityManager, rows: readonly ImportRow[], { lock = false } = {}): Promise<CatalogState> {
  type VariantRow = {
    id: number;
    product_id: number;
    sku: string;
    attributes: Record<string, string>;
    price: number | null;
    cost_price: number | null;
    stock: number;
    position: number;
  };
  const toVariant = (v: VariantRow): ExistingVariant => ({
    id: v.id,
    productId: v.product_id,
    sku: v.sku,
    attributes: v.attributes,
    price: v.price,
    costPrice: v.cost_price,
    stock: v.stock,
    position: v.position,
  });
  const productRows: {
    id: number;
    name: string;
    category_id: number;
    description: string;
    price: number;
    cost_price: number;
    shipping_cost: number;
    estimated_delivery_days: number;
    is_active: boolean;
  }[] = await manager.query(
    `SELECT id, name, category_id, description, price, cost_price, shipping_cost, estimated_delivery_days, is_active FROM products
      WHERE id IN (SELECT product_id FROM variants WHERE lower(sku) = ANY($1)) OR lower(name) = ANY($2)
      ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [skusOf(rows), namesOf(rows)],
  );
  const variantRows: VariantRow[] = await manager.query(
    `SELECT * FROM (SELECT id, product_id, sku, attributes, price, cost_price, stock, position FROM variants
                     WHERE product_id = ANY($1) ORDER BY id${lock ? ' FOR UPDATE' : ''}) v
      ORDER BY product_id, position, id`,
    [productRows.map((p) => p.id)],
  );
  const categories: { id: number; name: string }[] = await manager.query('SELECT id, name FROM categories WHERE lower(name) = ANY($1) ORDER BY id', [
    [...new Set(rows.map((r) => r.category.toLowerCase()))],
  ]);

  const products = new Map<number, ExistingProduct>();
  const productIdsByName = new Map<string, number[]>();
  for (const p of productRows) {
    products.set(p.id, {
      id: p.id,
      name: p.name,
      categoryId: p.category_id,
      description: p.description,
      price: p.price,
      costPrice: p.cost_price,
      shippingCost: p.shipping_cost,
      estimatedDeliveryDays: p.estimated_delivery_days,
      isActive: p.is_active,
      variants: [],
    });
    const key = p.name.toLowerCase();
    productIdsByName.set(key, [...(productIdsByName.get(key) ?? []), p.id]);
  }
  const variantsBySku = new Map<string, ExistingVariant>();
  for (const row of variantRows) {
    const variant = toVariant(row);
    products.get(variant.productId)!.variants.push(variant);
    variantsBySku.set(variant.sku.toLowerCase(), variant);
  }
  const categoriesByName = new Map<string, { id: number; name: string }[]>();
  for (const c of categories) categoriesByName.set(c.name.toLowerCase(), [...(categoriesByName.get(c.name.toLowerCase()) ?? []), c]);
  return { variantsBySku, products, productIdsByName, categoriesByName };
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

/** Writes the plan with multi-row statements: categories, products, variants, then stock. */
async function writePlan(manager: EntityManager, plan: ImportPlan, actorId: number): Promise<void> {
  const categoryIds = new Map<string, number>();
  if (plan.newCategories.length > 0) {
    const taken = new Set<string>((await manager.query('SELECT slug FROM categories')).map((r: { slug: string }) => r.slug));
    const slugs = plan.newCategories.map((c) => freeSlug(slugify(c.name), taken));
    const inserted: { id: number; slug: string }[] = await manager.query(
      'INSERT INTO categories (name, slug) SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id, slug',
      [plan.newCategories.map((c) => c.name), slugs],
    );
    const keyOfSlug = new Map(slugs.map((slug, i) => [slug, plan.newCategories[i].key]));
    for (const row of inserted) categoryIds.set(keyOfSlug.get(row.slug)!, row.id);
  }
  const categoryId = (ref: CategoryRef) => ('id' in ref ? ref.id : categoryIds.get(ref.key)!);
  /** the product columns after the name that both the insert and the update write, each as one array parameter */
  const valueColumns = (part: readonly ProductValues[]) => [
    part.map((p) => p.description),
    part.map((p) => categoryId(p.category)),
    part.map((p) => p.price),
    part.map((p) => p.costPrice),
    part.map((p) => p.shippingCost),
    part.map((p) => p.estimatedDeliveryDays),
    part.map((p) => p.isActive),
  ];

  const productIds = new Map<string, number>();
  if (plan.newProducts.length > 0) {
    const bases = [...new Set(plan.newProducts.map((p) => slugify(p.name)))];
    const taken = new Set<string>(
      (await manager.query(`SELECT slug FROM products WHERE slug = ANY($1) OR substring(slug from '^(.*)-[0-9]+$') = ANY($1)`, [bases])).map(
        (r: { slug: string }) => r.slug,
      ),
    );
    const slugs = plan.newProducts.map((p) => freeSlug(slugify(p.name), taken));
    const keyOfSlug = new Map(slugs.map((slug, i) => [slug, plan.newProducts[i].key]));
    for (const [start, part] of [...chunks(plan.newProducts)].entries()) {
      const partSlugs = slugs.slice(start * CHUNK, start * CHUNK + part.length);
      const inserted: { id: number; slug: string }[] = await manager.query(
        `INSERT INTO products (name, slug, description, category_id, price, cost_price, shipping_cost, estimated_delivery_days, is_active)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bool[])
         RETURNING id, slug`,
        [part.map((p) => p.name), partSlugs, ...valueColumns(part)],
      );
      for (const row of inserted) productIds.set(keyOfSlug.get(row.slug)!, row.id);
    }
  }
  const productId = (ref: ProductRef) => ('id' in ref ? ref.id : productIds.get(ref.key)!);

  for (const part of chunks(plan.productUpdates)) {
    await manager.query(
      `UPDATE products p SET name = u.name, description = u.description, category_id = u.category_id, price = u.price, cost_price = u.cost_price,
              shipping_cost = u.shipping_cost, estimated_delivery_days = u.days, is_active = u.is_active, updated_at = now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bool[])
              AS u(id, name, description, category_id, price, cost_price, shipping_cost, days, is_active)
        WHERE p.id = u.id`,
      [part.map((p) => p.id), part.map((p) => p.name), ...valueColumns(part)],
    );
  }

  const levels: { variantId: number; stock: number }[] = [...plan.stockLevels];
  const created = new Set<number>();
  for (const part of chunks(plan.newVariants)) {
    const inserted: { id: number; key: string }[] = await manager.query(
      `INSERT INTO variants (product_id, sku, attributes, price, cost_price, position)
       SELECT product_id, sku, attributes::jsonb, price, cost_price, position
         FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[]) AS u(product_id, sku, attributes, price, cost_price, position)
       RETURNING id, lower(sku) AS key`,
      [
        part.map((v) => productId(v.product)),
        part.map((v) => v.sku),
        part.map((v) => JSON.stringify(v.attributes)),
        part.map((v) => v.price),
        part.map((v) => v.costPrice),
        part.map((v) => v.position),
      ],
    );
    const idOf = new Map(inserted.map((r) => [r.key, r.id]));
    for (const v of part) {
      const id = idOf.get(v.sku.toLowerCase())!;
      created.add(id);
      if (v.stock > 0) levels.push({ variantId: id, stock: v.stock });
    }
  }
  for (const part of chunks(plan.variantUpdates)) {
    await manager.query(
      `UPDATE variants v SET attributes = u.attributes::jsonb, price = u.price, cost_price = u.cost_price
         FROM unnest($1::int[], $2::text[], $3::int[], $4::int[]) AS u(id, attributes, price, cost_price)
        WHERE v.id = u.id`,
      [part.map((v) => v.id), part.map((v) => JSON.stringify(v.attributes)), part.map((v) => v.price), part.map((v) => v.costPrice)],
    );
  }
  await setStockLevels(manager, levels, { reason: 'adjustment', reference: 'import', actorId, quiet: created });
  // as a back-office edit of each product would: `edited` once per product changed, a drop per cheaper variant
  await publishMany(
    manager,
    'product.updated',
    plan.editedProducts.map((productId) => ({ productId, reason: 'edited' as const })),
  );
  await publishMany(
    manager,
    'product.updated',
    plan.priceDrops.map((drop) => ({ ...drop, reason: 'price_dropped' as const })),
  );
}
