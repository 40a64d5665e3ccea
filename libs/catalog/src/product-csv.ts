/**
 * The product CSV of docs/api.md#catalog-media, as pure functions: its columns, reading the header and each
 * row into typed values (every problem an error naming its line and column), and writing a
 * variant as a row that reads back to the same values.
 */
import { MAX_MINOR_UNITS, guardFormula, unguardFormula, type RowError } from '@chance/core';

export const CSV_COLUMNS = [
  'sku',
  'product',
  'category',
  'description',
  'price',
  'costPrice',
  'shippingCost',
  'estimatedDeliveryDays',
  'isActive',
  'stock',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['sku', 'product', 'category', 'price'];
const ATTRIBUTE_PREFIX = 'attribute:';

export const CSV_LIMITS = {
  /** the upload (413 beyond) */
  maxBytes: 100 * 1024 * 1024,
  /** data rows of one file */
  maxRows: 250_000,
  /** errors listed in an answer: more are counted in its message */
  maxErrors: 1000,
  maxAttributes: 20,
} as const;

/** A problem of the file: its line (the header is line 1), its column (null: the whole row or file), what is wrong. */
export type ImportError = RowError;

export interface CsvHeader {
  columns: Partial<Record<CsvColumn, number>>;
  /** attribute name → cell index; empty when the file has no attribute columns */
  attributes: { name: string; index: number }[];
  width: number;
}

/** One data row, typed; optional fields are absent when their column is missing or the cell empty. */
export interface ImportRow {
  row: number;
  sku: string;
  product: string;
  category: string;
  description?: string;
  price: number;
  costPrice?: number;
  shippingCost?: number;
  estimatedDeliveryDays?: number;
  isActive?: boolean;
  stock?: number;
  /** undefined when the file has no attribute columns (attributes are then left as they are) */
  attributes?: Record<string, string>;
}

const LIMITS = {
  sku: 100,
  product: 300,
  category: 200,
  description: 20_000,
  attributeName: 50,
  attributeValue: 100,
};

export function readHeader(cells: string[]): { header?: CsvHeader; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const columns: Partial<Record<CsvColumn, number>> = {};
  const attributes: { name: string; index: number }[] = [];
  const seen = new Set<string>();
  cells.forEach((raw, index) => {
    const name = raw.trim();
    const error = (message: string) => errors.push({ row: 1, column: name || `#${index + 1}`, message });
    if (seen.has(name.toLowerCase())) return error('is repeated');
    seen.add(name.toLowerCase());
    if ((CSV_COLUMNS as readonly string[]).includes(name)) {
      columns[name as CsvColumn] = index;
    } else if (name.startsWith(ATTRIBUTE_PREFIX)) {
      const attribute = name.slice(ATTRIBUTE_PREFIX.length).trim();
      if (!attribute) return error('names no attribute: write attribute:<name>, such as attribute:size');
      if (attribute.length > LIMITS.attributeName) return error(`has an attribute name longer than ${LIMITS.attributeName} characters`);
      attributes.push({ name: attribute, index });
    } else {
      error(`is not a known column (${CSV_COLUMNS.join(', ')}, attribute:<name>)`);
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (columns[required] === undefined) errors.push({ row: 1, column: required, message: 'column is missing' });
  }
  if (attributes.length > CSV_LIMITS.maxAttributes) errors.push({ row: 1, column: null, message: `at most ${CSV_LIMITS.maxAttributes} attribute columns` });
  return errors.length > 0 ? { errors } : { header: { columns, attributes, width: cells.length }, errors };
}

const WHOLE = /^\d+$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
/** A text cell as written by `writeRow`: a leading ' that guards a formula-like value is removed (the exports' one rule, libs/core). */
export const unguard = unguardFormula;
/** A text cell a spreadsheet will not run: `=SUM(A1)` is written `'=SUM(A1)`; '+ becomes ''+, read back as '+. */
export const guard = guardFormula;

export function readRow(header: CsvHeader, cells: string[], row: number): { row?: ImportRow; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const error = (column: string, message: string) => errors.push({ row, column, message });
  if (cells.length !== header.width) {
    return { errors: [{ row, column: null, message: `has ${cells.length} cells where the header has ${header.width}` }] };
  }
  const cell = (column: CsvColumn): string | undefined => {
    const index = header.columns[column];
    return index === undefined ? undefined : cells[index];
  };
  for (const [i, value] of cells.entries()) {
    if (value.includes('\u0000')) {
      const name = Object.entries(header.columns).find(([, index]) => index === i)?.[0] ?? header.attributes.find((a) => a.index === i)?.name ?? null;
      errors.push({ row, column: name, message: 'must not contain NUL characters' });
    }
  }
  if (errors.length > 0) return { errors };

  const text = (column: 'sku' | 'product' | 'category', max: number): string => {
    const value = unguard((cell(column) ?? '').trim());
    if (!value) error(column, 'is required');
    else if (value.length > max) error(column, `must be at most ${max} characters`);
    return value;
  };
  const whole = (column: CsvColumn, { max, required = false, money = false }: { max: number; required?: boolean; money?: boolean }): number | undefined => {
    const value = (cell(column) ?? '').trim();
    if (!value) {
      if (required) error(column, 'is required');
      return undefined;
    }
    if (!WHOLE.test(value)) {
      error(column, money ? 'must be a whole number of minor units (1999 for 19.99)' : 'must be a whole number');
      return undefined;
    }
    const n = Number(value);
    if (n > max) error(column, `must be at most ${max}`);
    return n;
  };

  const sku = text('sku', LIMITS.sku);
  const product = text('product', LIMITS.product);
  const category = text('category', LIMITS.category);
  const parsed: ImportRow = { row, sku, product, category, price: whole('price', { max: MAX_MINOR_UNITS, required: true, money: true }) ?? 0 };
  const description = cell('description');
  if (description !== undefined) {
    const value = unguard(description);
    if (value.length > LIMITS.description) error('description', `must be at most ${LIMITS.description} characters`);
    parsed.description = value;
  }
  const costPrice = whole('costPrice', { max: MAX_MINOR_UNITS, money: true });
  if (costPrice !== undefined) parsed.costPrice = costPrice;
  const shippingCost = whole('shippingCost', { max: MAX_MINOR_UNITS, money: true });
  if (shippingCost !== undefined) parsed.shippingCost = shippingCost;
  const days = whole('estimatedDeliveryDays', { max: 365 });
  if (days !== undefined) parsed.estimatedDeliveryDays = days;
  const stock = whole('stock', { max: 1_000_000_000 });
  if (stock !== undefined) parsed.stock = stock;
  const active = (cell('isActive') ?? '').trim().toLowerCase();
  if (active) {
    if (TRUE.has(active)) parsed.isActive = true;
    else if (FALSE.has(active)) parsed.isActive = false;
    else error('isActive', 'must be true or false');
  }
  if (header.attributes.length > 0) {
    const attributes: Record<string, string> = {};
    for (const { name, index } of header.attributes) {
      const value = unguard(cells[index].trim());
      if (!value) continue;
      if (value.length > LIMITS.attributeValue) error(`${ATTRIBUTE_PREFIX}${name}`, `must be at most ${LIMITS.attributeValue} characters`);
      attributes[name] = value;
    }
    parsed.attributes = attributes;
  }
  return errors.length > 0 ? { errors } : { row: parsed, errors };
}

/** A variant as the export writes it (effective prices; the product's fields on each of its rows). */
export interface ExportRow {
  sku: string;
  product: string;
  category: string;
  description: string;
  price: number;
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  isActive: boolean;
  stock: number;
  attributes: Record<string, string>;
}

export const exportHeader = (attributeNames: readonly string[]): string[] => [...CSV_COLUMNS, ...attributeNames.map((name) => `${ATTRIBUTE_PREFIX}${name}`)];

export function writeRow(row: ExportRow, attributeNames: readonly string[]): string[] {
  return [
    guard(row.sku),
    guard(row.product),
    guard(row.category),
    guard(row.description),
    String(row.price),
    String(row.costPrice),
    String(row.shippingCost),
    String(row.estimatedDeliveryDays),
    row.isActive ? 'true' : 'false',
    String(row.stock),
    ...attributeNames.map((name) => guard(row.attributes[name] ?? '')),
  ];
}
