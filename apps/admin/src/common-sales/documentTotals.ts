/**
 * The totals of a sales or purchasing document (order, invoice, in-store sale, purchase, purchase
 * invoice, and the forms' live previews) as the rows of a totals table, in the one order and with
 * the one wording: subtotal, discount, shipping, tax, total, then what was paid, refunded and is
 * still owed. A document gives the amounts it has; a row it does not give is left out.
 */
import { basisPointsToPercent } from '../money/rates';
import type { TotalsRow } from './TotalsTable';

export interface DocumentAmounts {
  subtotal: number;
  /** A deduction, shown only when not 0: "Discount", or "Discount (CODE)" with the coupon's code. */
  discount?: number;
  discountCode?: string | null;
  /** Shown whenever given, 0 included. */
  shipping?: number;
  tax: number;
  /** The rate the tax was charged at, shown as "Tax (15.00 %)"; without it just "Tax" (a supplier's bill). */
  taxRateBps?: number;
  total: number;
  paid?: number;
  /** Shown only when not 0. */
  refunded?: number;
  /** What is still owed, in the document's own words ("Balance due", "Still due"). */
  balance?: { label: string; amount: number; hideZero?: boolean };
}

export function documentTotalsRows(amounts: DocumentAmounts): TotalsRow[] {
  const rows: TotalsRow[] = [{ label: 'Subtotal', amount: amounts.subtotal }];
  if (amounts.discount != null) {
    rows.push({ label: amounts.discountCode ? `Discount (${amounts.discountCode})` : 'Discount', amount: -amounts.discount, hideZero: true });
  }
  if (amounts.shipping != null) rows.push({ label: 'Shipping', amount: amounts.shipping });
  rows.push({ label: amounts.taxRateBps != null ? `Tax (${basisPointsToPercent(amounts.taxRateBps)} %)` : 'Tax', amount: amounts.tax });
  rows.push({ label: 'Total', amount: amounts.total, strong: true });
  if (amounts.paid != null) rows.push({ label: 'Paid', amount: amounts.paid });
  if (amounts.refunded != null) rows.push({ label: 'Refunded', amount: amounts.refunded, hideZero: true });
  if (amounts.balance) {
    const { label, amount, hideZero } = amounts.balance;
    rows.push({ label, amount, strong: true, ...(hideZero ? { hideZero } : {}) });
  }
  return rows;
}
