/**
 * The count sheet of the stock count screen (docs/api.md#catalog-media), apart from React: each scan of a
 * SKU adds one to its line (the line comes first, as the last one scanned), a count can be typed
 * over, and the sheet becomes the API's body. The count's start is the first scan: each line is
 * applied to the stock the variant had then, so sales while counting are kept (docs/api.md).
 */
import { variantSummaries } from '../providers/variantLookup';
import type { Product, StockCountInput } from '../types';

export interface CountedVariant {
  id: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  /** the stock when it was looked up */
  stock: number;
  thumbnailUrl?: string | null;
}

/** A product's variants (as the variants lookup names them) with the picture each shows: its own, else the product's first. */
export function countedVariantsOf(product: Product): CountedVariant[] {
  return variantSummaries(product).map((summary, index) => {
    const image = product.images.find((candidate) => candidate.id === product.variants[index].imageId) ?? product.images[0];
    return { ...summary, thumbnailUrl: image?.thumbnailUrl ?? null };
  });
}

export interface CountLine {
  variant: CountedVariant;
  counted: number;
}

export interface CountSheet {
  /** most recently scanned first */
  lines: CountLine[];
  /** ISO instant of the first scan */
  startedAt: string | null;
}

export const emptySheet: CountSheet = { lines: [], startedAt: null };

/** Variants one count holds (the API's limit): a bigger shelf is counted in several counts. */
export const MAX_COUNT_LINES = 450;

/** Whether scanning `variantId` needs a line the sheet has no room for. */
export const isFull = (sheet: CountSheet, variantId: number): boolean =>
  sheet.lines.length >= MAX_COUNT_LINES && !sheet.lines.some((line) => line.variant.id === variantId);

/** One more unit of `variant` on the shelf; its line moves to the top. */
export function addScan(sheet: CountSheet, variant: CountedVariant, now: Date = new Date()): CountSheet {
  const current = sheet.lines.find((line) => line.variant.id === variant.id);
  const rest = sheet.lines.filter((line) => line.variant.id !== variant.id);
  return {
    startedAt: sheet.startedAt ?? now.toISOString(),
    lines: [{ variant, counted: (current?.counted ?? 0) + 1 }, ...rest],
  };
}

/** A count typed over (whole units, at least 0); anything else leaves the line as it was. */
export function setCounted(sheet: CountSheet, variantId: number, counted: number): CountSheet {
  if (!Number.isInteger(counted) || counted < 0) return sheet;
  return { ...sheet, lines: sheet.lines.map((line) => (line.variant.id === variantId ? { ...line, counted } : line)) };
}

export function removeLine(sheet: CountSheet, variantId: number): CountSheet {
  const lines = sheet.lines.filter((line) => line.variant.id !== variantId);
  return { lines, startedAt: lines.length ? sheet.startedAt : null };
}

/** The difference the line would make, as it looks now: counted − stock when looked up. */
export const differenceOf = (line: CountLine): number => line.counted - line.variant.stock;

/** The body of POST /api/admin/stock-counts: lines in scanning order (oldest first), the start of the count. */
export function toCountBody(sheet: CountSheet, note: string): StockCountInput {
  return {
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(sheet.startedAt ? { startedAt: sheet.startedAt } : {}),
    lines: [...sheet.lines].reverse().map((line) => ({ variantId: line.variant.id, counted: line.counted })),
  };
}

/** The API's `lines.<i>.<field>` errors (i in the body's order) as messages per variant id. */
export function lineErrors(sheet: CountSheet, errors: Record<string, unknown> | undefined): Map<number, string> {
  const byVariant = new Map<number, string>();
  const sent = [...sheet.lines].reverse();
  for (const [key, message] of Object.entries(errors ?? {})) {
    const match = /^lines\.(\d+)\./.exec(key);
    const line = match ? sent[Number(match[1])] : undefined;
    if (line && typeof message === 'string') byVariant.set(line.variant.id, message);
  }
  return byVariant;
}

/** The variant with exactly this SKU (case-insensitive), among those found by a search. */
export function variantWithSku<T extends { sku: string }>(variants: readonly T[], sku: string): T | undefined {
  const wanted = sku.trim().toLowerCase();
  return variants.find((variant) => variant.sku.toLowerCase() === wanted);
}
