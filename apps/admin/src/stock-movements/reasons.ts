import type { StockReason } from '../types';

export const reasonLabels: Record<StockReason, string> = {
  initial: 'Opening stock',
  adjustment: 'Manual adjustment',
  order_placed: 'Order placed',
  order_cancelled: 'Order cancelled',
  order_edited: 'Order edited',
  offline_sale: 'In-store sale',
  offline_sale_cancelled: 'In-store sale cancelled',
  purchase_received: 'Purchase received',
  stock_count: 'Stock count',
  return_restocked: 'Return restocked',
};

export const reasonChoices = Object.entries(reasonLabels).map(([id, name]) => ({ id, name }));

/** The document a movement comes from, in words, by its reason: "Order ORD-000042". */
const documentOf: Partial<Record<StockReason, string>> = {
  order_placed: 'Order',
  order_cancelled: 'Order',
  order_edited: 'Order',
  offline_sale: 'In-store sale',
  offline_sale_cancelled: 'In-store sale',
  purchase_received: 'Purchase',
  stock_count: 'Stock count',
  return_restocked: 'Return',
};

/**
 * What a movement's `reference` means to a person: "product:12" → "Entered with the new product",
 * "manual" → "" (the note says why), a document number → "Order ORD-000042".
 */
export function referenceText(reference: string | null | undefined, reason?: StockReason): string {
  if (!reference || reference === 'manual') return '';
  if (/^product:\d+$/.test(reference)) return 'Entered with the new product';
  if (reference === 'import') return 'CSV import';
  const document = reason ? documentOf[reason] : undefined;
  return document ? `${document} ${reference}` : reference;
}
