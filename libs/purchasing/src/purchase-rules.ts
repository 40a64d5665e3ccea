import { sumMinorUnits, toSafeNumber, invalidTransition } from '@chance/core';

export const PURCHASE_STATUSES = ['draft', 'ordered', 'received', 'cancelled'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

const MOVES: Record<PurchaseStatus, readonly PurchaseStatus[]> = {
  draft: ['ordered', 'received', 'cancelled'],
  ordered: ['received', 'cancelled'],
  received: [],
  cancelled: [],
};

export function assertPurchaseMove(from: PurchaseStatus, to: PurchaseStatus): void {
  if (!MOVES[from].includes(to)) throw invalidTransition(`A purchase cannot go from ${from} to ${to}`);
}

/** Lines change only before receipt (draft or ordered). */
export function assertEditable(status: PurchaseStatus): void {
  if (status !== 'draft' && status !== 'ordered') throw invalidTransition(`A ${status} purchase can no longer be changed`);
}

export interface PurchaseTotals {
  lineTotals: number[];
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
}

/** docs/api.md#suppliers-and-purchases: subtotal = Σ quantity × unitCost; total = subtotal + shippingCost + taxTotal (from the supplier's bill). */
export function purchaseTotals(lines: readonly { quantity: number; unitCost: number }[], shippingCost: number, taxTotal: number): PurchaseTotals {
  const lineTotals = lines.map((l) => toSafeNumber(BigInt(l.quantity) * BigInt(l.unitCost)));
  const subtotal = sumMinorUnits(lineTotals);
  return { lineTotals, subtotal, shippingCost, taxTotal, total: sumMinorUnits([subtotal, shippingCost, taxTotal]) };
}
