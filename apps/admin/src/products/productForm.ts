/**
 * Products as the create and edit forms hold them, and back to API bodies (docs/api.md#catalog-and-stock).
 *
 * The form keeps the API's field names, so that server errors (`variants.1.sku`) land under the
 * right inputs, with two differences inside a variant: `price`/`costPrice` are the variant's OWN
 * prices (null = the product's), and `attributes` is a list of `{key, value}` rows. On update a
 * variant never carries `stock` (stock changes only through adjustments), and `variants` is sent
 * (in full) only when something in it changed.
 */
import type { Product, ProductInput, ProductUpdate, ProductVariant, VariantAttributes, VariantInput } from '../types';
import { sameValue } from '../providers/changes';

export interface AttributeRow {
  key: string;
  value: string;
}

export interface VariantFormValues {
  /** Existing variants only. */
  id?: number;
  sku: string;
  attributes: AttributeRow[];
  /** Own price in minor units; null: the product's. */
  price: number | null;
  costPrice: number | null;
  /** On create: the opening stock. On edit: the current stock, shown and never sent. */
  stock?: number | null;
}

export interface ProductFormValues {
  id?: number;
  name: string;
  slug: string;
  description: string;
  categoryId: number | null;
  price: number | null;
  costPrice: number | null;
  shippingCost: number | null;
  estimatedDeliveryDays: number | null;
  isActive: boolean;
  lowStockThreshold: number | null;
  variants: VariantFormValues[];
}

export function attributesToRows(attributes: VariantAttributes | null | undefined): AttributeRow[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value }));
}

/** Rows to the API's map; rows without a name are dropped, names and values trimmed. */
export function rowsToAttributes(rows: readonly Partial<AttributeRow>[] | null | undefined): VariantAttributes {
  const attributes: VariantAttributes = {};
  for (const row of rows ?? []) {
    const key = String(row?.key ?? '').trim();
    if (key) attributes[key] = String(row?.value ?? '').trim();
  }
  return attributes;
}

export const emptyVariant = (): VariantFormValues => ({ sku: '', attributes: [], price: null, costPrice: null, stock: 0 });

/** A new product's values: its cost price is typed, never assumed (a silent 0 would make gross profit lie). */
export const newProductDefaults = (): Partial<ProductFormValues> => ({
  description: '',
  isActive: true,
  costPrice: null,
  shippingCost: 0,
  estimatedDeliveryDays: 3,
  lowStockThreshold: null,
  variants: [emptyVariant()],
});

/** The edit form's values for a product record. */
export function toProductFormValues(product: Product): ProductFormValues {
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description ?? '',
    categoryId: product.categoryId,
    price: product.price,
    costPrice: product.costPrice,
    shippingCost: product.shippingCost,
    estimatedDeliveryDays: product.estimatedDeliveryDays,
    isActive: product.isActive,
    lowStockThreshold: product.lowStockThreshold,
    variants: (product.variants ?? []).map(toVariantFormValues),
  };
}

export function toVariantFormValues(variant: ProductVariant): VariantFormValues {
  return {
    id: variant.id,
    sku: variant.sku,
    attributes: attributesToRows(variant.attributes),
    price: variant.ownPrice,
    costPrice: variant.ownCostPrice,
    stock: variant.stock,
  };
}

const orNull = (value: number | null | undefined) => (typeof value === 'number' ? value : null);

/** A variant of an update body: `{id?, sku, attributes, price, costPrice}`, never stock. */
export function toVariantUpdate(variant: Partial<VariantFormValues>): VariantInput {
  return {
    ...(variant.id != null ? { id: variant.id } : {}),
    sku: String(variant.sku ?? '').trim(),
    attributes: rowsToAttributes(variant.attributes),
    price: orNull(variant.price),
    costPrice: orNull(variant.costPrice),
  };
}

/** The same shape from a stored variant, to tell whether the form changed anything. */
function storedVariantUpdate(variant: ProductVariant): VariantInput {
  return { id: variant.id, sku: variant.sku, attributes: variant.attributes ?? {}, price: variant.ownPrice, costPrice: variant.ownCostPrice };
}

/** The product fields both bodies share (no id, stock or read-only fields). */
function productFields(values: Partial<ProductFormValues>): Omit<ProductInput, 'variants' | 'slug'> & { slug: string } {
  return {
    name: String(values.name ?? '').trim(),
    slug: String(values.slug ?? '').trim(),
    description: values.description ?? '',
    categoryId: values.categoryId as number,
    price: values.price as number,
    costPrice: values.costPrice ?? 0,
    shippingCost: values.shippingCost ?? 0,
    estimatedDeliveryDays: values.estimatedDeliveryDays ?? 3,
    isActive: values.isActive ?? true,
    lowStockThreshold: orNull(values.lowStockThreshold),
  };
}

/** POST body: an empty slug is left out (the API makes it from the name); variants with opening stock. */
export function toCreateBody(values: Partial<ProductFormValues>): ProductInput {
  const { slug, ...fields } = productFields(values);
  return {
    ...fields,
    ...(slug ? { slug } : {}),
    variants: (values.variants ?? []).map((variant) => {
      const { id: _id, ...body } = toVariantUpdate(variant);
      return { ...body, stock: orNull(variant.stock) ?? 0 };
    }),
  };
}

/**
 * PUT body candidates: every writable product field (the data provider then sends only those that
 * differ from the record), and `variants`, complete, only when the list differs from the stored one.
 */
export function toUpdateBody(values: Partial<ProductFormValues>, previous: Partial<Product> | undefined): ProductUpdate {
  const body: ProductUpdate = productFields(values);
  const variants = (values.variants ?? []).map(toVariantUpdate);
  const before = (previous?.variants ?? []).map(storedVariantUpdate);
  if (!sameValue(variants, before)) body.variants = variants;
  return body;
}
