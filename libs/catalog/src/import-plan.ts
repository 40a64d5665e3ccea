/**
 * What an import of product rows does to the catalog, decided without touching it (pure): which
 * rows create, update or leave a variant unchanged, which categories and products are new, and
 * every row or column that cannot be taken. The service loads the catalog's current state, asks
 * for the plan, and writes it in one transaction (or, for a dry run, only answers with it).
 *
 * Matching: a row's SKU (case-insensitive) finds its variant, and with it its product; a new SKU
 * joins the product whose name it gives (a product of an existing SKU in the same file, else the
 * one catalog product of that name) or starts a new product. Rows of one product must agree on
 * the product's fields. Prices are per variant (effective prices); the product's own price is its
 * first variant's, and a variant keeps an own price only where it differs.
 */
import type { ImportError, ImportRow } from './product-csv.js';

export interface ExistingVariant {
  id: number;
  productId: number;
  sku: string;
  attributes: Record<string, string>;
  /** own prices (null: the product's) */
  price: number | null;
  costPrice: number | null;
  stock: number;
  position: number;
}

export interface ExistingProduct {
  id: number;
  name: string;
  categoryId: number;
  description: string;
  price: number;
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  isActive: boolean;
  /** all of them, by position */
  variants: ExistingVariant[];
}

export interface CatalogState {
  /** by lower(sku) */
  variantsBySku: ReadonlyMap<string, ExistingVariant>;
  products: ReadonlyMap<number, ExistingProduct>;
  /** lower(name) → ids of the products with that name */
  productIdsByName: ReadonlyMap<string, readonly number[]>;
  /** lower(name) → the categories with that name */
  categoriesByName: ReadonlyMap<string, readonly { id: number; name: string }[]>;
}

export type CategoryRef = { id: number } | { key: string };
export type ProductRef = { id: number } | { key: string };

export interface ProductValues {
  name: string;
  category: CategoryRef;
  description: string;
  price: number;
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  isActive: boolean;
}

export interface ImportPlan {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  newCategories: { key: string; name: string }[];
  newProducts: ({ key: string } & ProductValues)[];
  productUpdates: ({ id: number } & ProductValues)[];
  newVariants: {
    product: ProductRef;
    sku: string;
    attributes: Record<string, string>;
    price: number | null;
    costPrice: number | null;
    position: number;
    stock: number;
  }[];
  variantUpdates: { id: number; attributes: Record<string, string>; price: number | null; costPrice: number | null }[];
  /** existing variants whose stock the rows set to something else */
  stockLevels: { variantId: number; stock: number }[];
  /** existing products whose fields, variants or prices change (a `product.updated`, `edited`, each) */
  editedProducts: number[];
  /** existing variants whose effective price goes down (a `product.updated`, `price_dropped`, each) */
  priceDrops: { productId: number; variantId: number; oldPrice: number; newPrice: number }[];
}

const lower = (text: string) => text.toLowerCase();
const sameMap = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
};

type ProductField = 'product' | 'category' | 'description' | 'shippingCost' | 'estimatedDeliveryDays' | 'isActive';
const PRODUCT_FIELDS: ProductField[] = ['product', 'category', 'description', 'shippingCost', 'estimatedDeliveryDays', 'isActive'];
const fieldValue = (row: ImportRow, field: ProductField): string | number | boolean | undefined =>
  field === 'product' ? row.product : field === 'category' ? lower(row.category) : row[field];

export function planImport(rows: readonly ImportRow[], state: CatalogState): ImportPlan {
  const plan: ImportPlan = {
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    newCategories: [],
    newProducts: [],
    productUpdates: [],
    newVariants: [],
    variantUpdates: [],
    stockLevels: [],
    editedProducts: [],
    priceDrops: [],
  };
  const fail = (row: ImportRow, column: string | null, message: string) => plan.errors.push({ row: row.row, column, message });

  // 1. each SKU once
  const firstRowOfSku = new Map<string, number>();
  const usable: ImportRow[] = [];
  for (const row of rows) {
    const key = lower(row.sku);
    const first = firstRowOfSku.get(key);
    if (first !== undefined) fail(row, 'sku', `repeats the SKU of row ${first}`);
    else {
      firstRowOfSku.set(key, row.row);
      usable.push(row);
    }
  }

  // 2. the product of each row
  const productOfName = new Map<string, number>();
  for (const row of usable) {
    const variant = state.variantsBySku.get(lower(row.sku));
    if (variant && !productOfName.has(lower(row.product))) productOfName.set(lower(row.product), variant.productId);
  }
  const groups = new Map<string, ImportRow[]>();
  for (const row of usable) {
    const variant = state.variantsBySku.get(lower(row.sku));
    let key: string;
    if (variant) key = `p${variant.productId}`;
    else {
      const fromFile = productOfName.get(lower(row.product));
      const named = state.productIdsByName.get(lower(row.product)) ?? [];
      if (fromFile !== undefined) key = `p${fromFile}`;
      else if (named.length === 1) key = `p${named[0]}`;
      else if (named.length > 1) {
        fail(row, 'product', `is the name of ${named.length} products: add a row with an existing SKU of the one meant, or rename them`);
        continue;
      } else key = `n${lower(row.product)}`;
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }

  const newCategoryKeys = new Map<string, string>();
  for (const [key, group] of groups) {
    const before = plan.errors.length;
    // 3. the rows of one product agree on its fields
    const given = new Map<ProductField, ImportRow>();
    for (const row of group) {
      for (const field of PRODUCT_FIELDS) {
        const value = fieldValue(row, field);
        if (value === undefined) continue;
        const first = given.get(field);
        if (!first) given.set(field, row);
        else if (fieldValue(first, field) !== value) fail(row, field, `differs from row ${first.row} of the same product`);
      }
    }
    const existing = key.startsWith('p') ? state.products.get(Number(key.slice(1))) : undefined;
    const head = group[0];

    // 4. its category, by name
    let category: CategoryRef | undefined;
    const categoryName = head.category;
    const candidates = state.categoriesByName.get(lower(categoryName)) ?? [];
    if (candidates.length === 1) category = { id: candidates[0].id };
    else if (candidates.length > 1) {
      const current = existing && candidates.find((c) => c.id === existing.categoryId);
      if (current) category = { id: current.id };
      else fail(head, 'category', `is the name of ${candidates.length} categories: rename one of them`);
    } else {
      const categoryKey = lower(categoryName);
      if (!newCategoryKeys.has(categoryKey)) {
        newCategoryKeys.set(categoryKey, categoryName);
        plan.newCategories.push({ key: categoryKey, name: categoryName });
      }
      category = { key: categoryKey };
    }
    if (plan.errors.length > before || !category) continue;

    if (existing) planExisting(plan, existing, group, category);
    else planNew(plan, key, group, category);
  }
  // categories only the refused rows needed are not created
  const used = new Set([...plan.newProducts.map((p) => p.category), ...plan.productUpdates.map((p) => p.category)].flatMap((c) => ('key' in c ? [c.key] : [])));
  plan.newCategories = plan.newCategories.filter((c) => used.has(c.key));
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

/** A variant's own price: none where it equals the product's. */
const own = (effective: number, productPrice: number): number | null => (effective === productPrice ? null : effective);

function planNew(plan: ImportPlan, key: string, group: ImportRow[], category: CategoryRef): void {
  const head = group[0];
  const pick = <K extends keyof ImportRow>(field: K) => group.find((r) => r[field] !== undefined)?.[field];
  const values: ProductValues = {
    name: head.product,
    category,
    description: (pick('description') as string | undefined) ?? '',
    price: head.price,
    costPrice: head.costPrice ?? 0,
    shippingCost: (pick('shippingCost') as number | undefined) ?? 0,
    estimatedDeliveryDays: (pick('estimatedDeliveryDays') as number | undefined) ?? 3,
    isActive: (pick('isActive') as boolean | undefined) ?? true,
  };
  plan.newProducts.push({ key, ...values });
  group.forEach((row, position) => {
    plan.newVariants.push({
      product: { key },
      sku: row.sku,
      attributes: row.attributes ?? {},
      price: own(row.price, values.price),
      costPrice: row.costPrice === undefined ? null : own(row.costPrice, values.costPrice),
      position,
      stock: row.stock ?? 0,
    });
    plan.created++;
  });
}

function planExisting(plan: ImportPlan, product: ExistingProduct, group: ImportRow[], category: CategoryRef): void {
  const pick = <K extends keyof ImportRow>(field: K) => group.find((r) => r[field] !== undefined)?.[field];
  const head = group[0];
  const values: ProductValues = {
    name: head.product,
    category,
    description: (pick('description') as string | undefined) ?? product.description,
    price: product.price,
    costPrice: product.costPrice,
    shippingCost: (pick('shippingCost') as number | undefined) ?? product.shippingCost,
    estimatedDeliveryDays: (pick('estimatedDeliveryDays') as number | undefined) ?? product.estimatedDeliveryDays,
    isActive: (pick('isActive') as boolean | undefined) ?? product.isActive,
  };
  const categoryChanged = !('id' in category) || category.id !== product.categoryId;
  const changedFields = new Set<ProductField>();
  if (values.name !== product.name) changedFields.add('product');
  if (categoryChanged) changedFields.add('category');
  if (values.description !== product.description) changedFields.add('description');
  if (values.shippingCost !== product.shippingCost) changedFields.add('shippingCost');
  if (values.estimatedDeliveryDays !== product.estimatedDeliveryDays) changedFields.add('estimatedDeliveryDays');
  if (values.isActive !== product.isActive) changedFields.add('isActive');

  // every variant's effective prices after the import: the rows' where given, else as they are
  const rowOf = new Map(group.map((r) => [lower(r.sku), r]));
  const effective = (v: ExistingVariant) => ({ price: v.price ?? product.price, costPrice: v.costPrice ?? product.costPrice });
  type Final = { variant?: ExistingVariant; row?: ImportRow; price: number; costPrice: number; attributes: Record<string, string> };
  const finals: Final[] = product.variants.map((variant) => {
    const row = rowOf.get(lower(variant.sku));
    const now = effective(variant);
    return {
      variant,
      row,
      price: row ? row.price : now.price,
      costPrice: row?.costPrice ?? now.costPrice,
      attributes: row?.attributes ?? variant.attributes,
    };
  });
  const known = new Set(product.variants.map((v) => lower(v.sku)));
  const added = group.filter((r) => !known.has(lower(r.sku)));
  const pricesChanged = finals.some((f) => f.variant && (f.price !== effective(f.variant).price || f.costPrice !== effective(f.variant).costPrice));
  for (const row of added) finals.push({ row, price: row.price, costPrice: row.costPrice ?? product.costPrice, attributes: row.attributes ?? {} });
  // the product's own prices follow its first variant when any price moves; otherwise they stay
  if (pricesChanged && finals.length > 0) {
    values.price = finals[0].price;
    values.costPrice = finals[0].costPrice;
  }
  if (changedFields.size > 0 || values.price !== product.price || values.costPrice !== product.costPrice)
    plan.productUpdates.push({ id: product.id, ...values });

  const updatesBefore = plan.productUpdates.length + plan.variantUpdates.length + plan.newVariants.length;
  let position = product.variants.reduce((max, v) => Math.max(max, v.position), -1);
  const productPricesKept = values.price === product.price && values.costPrice === product.costPrice;
  for (const f of finals) {
    if (!f.variant) {
      const price = own(f.price, values.price);
      const costPrice = f.row!.costPrice === undefined ? null : own(f.costPrice, values.costPrice);
      plan.newVariants.push({
        product: { id: product.id },
        sku: f.row!.sku,
        attributes: f.attributes,
        price,
        costPrice,
        position: ++position,
        stock: f.row!.stock ?? 0,
      });
      plan.created++;
      continue;
    }
    const v = f.variant;
    const now = effective(v);
    if (f.price < now.price) plan.priceDrops.push({ productId: product.id, variantId: v.id, oldPrice: now.price, newPrice: f.price });
    // an unchanged variant keeps how it states its prices (own or the product's)
    const price = productPricesKept && f.price === now.price ? v.price : own(f.price, values.price);
    const costPrice = productPricesKept && f.costPrice === now.costPrice ? v.costPrice : own(f.costPrice, values.costPrice);
    if (price !== v.price || costPrice !== v.costPrice || !sameMap(f.attributes, v.attributes)) {
      plan.variantUpdates.push({ id: v.id, attributes: f.attributes, price, costPrice });
    }
    if (!f.row) continue;
    const stockChanged = f.row.stock !== undefined && f.row.stock !== v.stock;
    if (stockChanged) plan.stockLevels.push({ variantId: v.id, stock: f.row.stock! });
    const variantChanged = f.price !== now.price || f.costPrice !== now.costPrice || !sameMap(f.attributes, v.attributes) || stockChanged;
    const rowChangesProduct = [...changedFields].some((field) => fieldValue(f.row!, field) !== undefined);
    if (variantChanged || rowChangesProduct) plan.updated++;
    else plan.unchanged++;
  }
  if (plan.productUpdates.length + plan.variantUpdates.length + plan.newVariants.length > updatesBefore) plan.editedProducts.push(product.id);
}
