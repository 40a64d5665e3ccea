/**
 * What the back office shows and offers for returns and refunds (docs/api.md#refunds-and-returns), computed with
 * the API's own pure module (@chance/returns/refund-amounts): the amounts a return will have and
 * what its refund will give back, before anyone confirms; which actions a return's status allows.
 */
import {
  directRefundNote,
  refundableAmount,
  returnAmounts,
  returnRefundAmount,
  returnableQuantities,
  type EarlierReturn,
  type ReturnFigures,
  type SoldRecord,
} from '@chance/returns/refund-amounts';
import type { OfflineSale, Order, Return, ReturnStatus } from '../common-sales/types';

/** An order or an in-store sale, priced as returns price it: its own snapshot prices, discount and tax rate. */
export function soldRecordOf(record: Order | OfflineSale): SoldRecord {
  const shared = {
    subtotal: record.subtotal,
    taxRateBps: record.taxRateBps,
    taxTotal: record.taxTotal,
    lines: record.lines.map((line) => ({ id: line.id, unitPrice: line.unitPrice, quantity: line.quantity })),
  };
  return 'shippingTotal' in record
    ? { ...shared, discountTotal: record.discountTotal, shippingTotal: record.shippingTotal }
    : { ...shared, discountTotal: record.discount, shippingTotal: 0 };
}

/** The record's returns that hold units (not rejected or cancelled), oldest first, as the amounts rule reads them. */
export function liveReturnsOf(returns: readonly Return[]): EarlierReturn[] {
  return [...returns]
    .filter((r) => r.status !== 'rejected' && r.status !== 'cancelled')
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      lines: r.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      figures: { subtotal: r.subtotal, discountTotal: r.discountTotal, shippingTotal: r.shippingTotal, taxTotal: r.taxTotal },
    }));
}

export interface ReturnPreview {
  /** per line of the record: how many may still come back */
  returnable: Map<number, number>;
  /** the amounts of the return as asked (null while nothing is asked) */
  figures: (ReturnFigures & { completes: boolean }) | null;
  /** what its refund would give back now: min(total, paid − refunded) */
  refund: number;
}

/** A new return of `quantities` (line id → units), priced after the record's live returns. */
export function previewReturn(record: Order | OfflineSale, returns: readonly Return[], quantities: ReadonlyMap<number, number>): ReturnPreview {
  const sold = soldRecordOf(record);
  const live = liveReturnsOf(returns);
  const returnable = returnableQuantities(sold, live);
  const lines = [...quantities].filter(([, quantity]) => quantity > 0).map(([lineId, quantity]) => ({ lineId, quantity }));
  if (lines.length === 0) return { returnable, figures: null, refund: 0 };
  const figures = returnAmounts(sold, lines, live);
  const cancelled = record.status === 'cancelled';
  return { returnable, figures, refund: returnRefundAmount(figures.total, 0, { paid: record.paidAmount, refunded: record.refundedAmount, cancelled }) };
}

/** What a direct refund of a record may give back at most (the API also holds back refunds still being confirmed). */
export function refundableOf(record: { paidAmount?: number; refundedAmount: number; status: string }): number {
  if (record.status === 'cancelled') return 0;
  return refundableAmount({ paid: record.paidAmount ?? 0, refunded: record.refundedAmount });
}

/** The credit note a direct refund will issue: net and tax at the record's rate. */
export const directRefundPreview = directRefundNote;

const ACTIONS: Record<'approve' | 'reject' | 'receive' | 'refund' | 'cancel', readonly ReturnStatus[]> = {
  approve: ['requested'],
  reject: ['requested'],
  receive: ['approved'],
  refund: ['received', 'approved'],
  cancel: ['requested', 'approved'],
};

export type ReturnAction = keyof typeof ACTIONS;

/** May this action be taken on a return of this status (the API's status machine)? */
export const canTakeReturnAction = (action: ReturnAction, status: ReturnStatus): boolean => ACTIONS[action].includes(status);

/** Orders that can come back (staff: shipped or delivered; the API says why not otherwise) and in-store sales that are completed. */
export function canReturn(record: Order | OfflineSale): boolean {
  return 'shippingTotal' in record ? record.status === 'shipped' || record.status === 'delivered' : record.status === 'completed';
}

/** How many units a return brings back, over its lines. */
export const returnedUnits = (ret: Pick<Return, 'lines'>): number => ret.lines.reduce((sum, line) => sum + line.quantity, 0);

/** Who made the return: the customer (storefront) or staff. */
export const returnSourceText = (source: Return['source']): string => (source === 'store' ? 'By the customer' : 'By staff');
