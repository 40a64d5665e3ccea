import { downloadCSV, type Exporter } from 'react-admin';
import { minorUnitsToDecimal } from '../money/money';
import { attributesText } from '../providers/variantLookup';
import type { Category, Product } from '../types';

/** One CSV cell: quoted when it holds a comma, quote or line break. */
function csvCell(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/**
 * The products export: one line per variant (what a stock count or a price list needs), amounts
 * as plain decimals in the store currency, category by name.
 */
export const productExporter =
  (currency: string): Exporter<Product> =>
  async (products, fetchRelatedRecords) => {
    const categories = (await fetchRelatedRecords(products, 'categoryId', 'categories')) as Record<string, Category>;
    const money = (amount: number) => minorUnitsToDecimal(amount, currency);
    const header = [
      'Product',
      'Slug',
      'Category',
      'Active',
      'SKU',
      'Attributes',
      `Price (${currency})`,
      `Cost price (${currency})`,
      'Own price',
      'Stock',
      'Low stock',
    ];
    const rows = products.flatMap((product) =>
      product.variants.map((variant) => [
        product.name,
        product.slug,
        categories[product.categoryId]?.name ?? '',
        product.isActive ? 'yes' : 'no',
        variant.sku,
        attributesText(variant.attributes),
        money(variant.price),
        money(variant.costPrice),
        variant.ownPrice == null ? 'no' : 'yes',
        variant.stock,
        variant.lowStock ? 'yes' : 'no',
      ]),
    );
    downloadCSV(toCsv(header, rows), 'products');
  };
