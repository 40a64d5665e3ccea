import { roundHalfUp } from '@chance/core/money';

/*
 * The amounts of returns and refunds (docs/api.md#refunds-and-returns), as pure functions: the API computes them
 * here, and the admin SPA imports this same module to show the amount before anyone confirms.
 * This file imports nothing but libs/core's pure money module, so it can be bundled for the
 * browser (eslint.config.js keeps it that way).
 */

/** An order or in-store sale as returns are priced: its own snapshot prices, tax rate and discount. */
export interface SoldRecord {
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  lines: readonly { id: number; unitPrice: number; quantity: number }[];
}

/** Units of one line of the record coming back. */
export interface ReturnedLine {
  lineId: number;
  quantity: number;
}

export interface ReturnFigures {
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  /** subtotal − discountTotal + shippingTotal + taxTotal: what the return gives back at most */
  total: number;
}

/** A return made before this one (not rejected or cancelled): its lines and the figures it took. */
export interface EarlierReturn {
  lines: readonly ReturnedLine[];
  figures: Omit<ReturnFigures, 'total'>;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** A return's total from its figures: subtotal − discountTotal + shippingTotal + taxTotal. */
export const returnTotal = (f: Omit<ReturnFigures, 'total'>): number => f.subtotal - f.discountTotal + f.shippingTotal + f.taxTotal;

/** Units of each line held by the given returns. */
function heldByLine(returns: readonly { lines: readonly ReturnedLine[] }[]): Map<number, number> {
  const held = new Map<number, number>();
  for (const r of returns) for (const line of r.lines) held.set(line.lineId, (held.get(line.lineId) ?? 0) + line.quantity);
  return held;
}

/**
 * What each line may still return: what was sold less what the other returns that are not
 * rejected or cancelled already hold (never negative).
 */
export function returnableQuantities(record: Pick<SoldRecord, 'lines'>, others: readonly { lines: readonly ReturnedLine[] }[]): Map<number, number> {
  const held = heldByLine(others);
  return new Map(record.lines.map((line) => [line.id, Math.max(0, line.quantity - (held.get(line.id) ?? 0))]));
}

/** Why the lines cannot come back, by field (`lines.0.lineId`, `lines.1.quantity`): null when they can. */
export function returnLinesRefusal(
  record: Pick<SoldRecord, 'lines'>,
  lines: readonly ReturnedLine[],
  others: readonly { lines: readonly ReturnedLine[] }[],
): { code: 'VALIDATION_FAILED' | 'RETURN_QUANTITY_EXCEEDED'; errors: Record<string, string> } | null {
  const invalid: Record<string, string> = {};
  const seen = new Set<number>();
  lines.forEach((line, i) => {
    if (!record.lines.some((l) => l.id === line.lineId)) invalid[`lines.${i}.lineId`] = 'is not a line of this record';
    else if (seen.has(line.lineId)) invalid[`lines.${i}.lineId`] = 'appears twice';
    seen.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) invalid[`lines.${i}.quantity`] = 'must be a positive whole number';
  });
  if (lines.length === 0) invalid.lines = 'must name at least one line';
  if (Object.keys(invalid).length > 0) return { code: 'VALIDATION_FAILED', errors: invalid };
  const returnable = returnableQuantities(record, others);
  const exceeded: Record<string, string> = {};
  lines.forEach((line, i) => {
    const left = returnable.get(line.lineId) ?? 0;
    if (line.quantity > left) exceeded[`lines.${i}.quantity`] = left === 0 ? 'nothing of this line is left to return' : `at most ${left} can be returned`;
  });
  return Object.keys(exceeded).length > 0 ? { code: 'RETURN_QUANTITY_EXCEEDED', errors: exceeded } : null;
}

/**
 * The amounts of a return (docs/api.md#refunds-and-returns), with the record's own snapshot prices, tax rate and
 * discount:
 *
 * - subtotal = Σ unitPrice × quantity of the returned lines;
 * - discountTotal = roundHalfUp(record.discountTotal × subtotal / record.subtotal);
 * - shippingTotal = 0, taxTotal = roundHalfUp((subtotal − discountTotal) × taxRateBps / 10000);
 *
 * except for the return that completes the return of every unit of the record (its units and the
 * earlier returns' cover everything sold): it takes, for each figure, the record's figure less what
 * the earlier returns took, the whole shipping included, so that all returns together come to
 * exactly the record's total. `earlier` are the record's returns made before this one that are not
 * rejected or cancelled.
 */
export function returnAmounts(record: SoldRecord, lines: readonly ReturnedLine[], earlier: readonly EarlierReturn[]): ReturnFigures & { completes: boolean } {
  const held = heldByLine([...earlier, { lines }]);
  const completes = record.lines.every((line) => (held.get(line.id) ?? 0) >= line.quantity);
  if (completes) {
    const took = (key: keyof EarlierReturn['figures']) => sum(earlier.map((r) => r.figures[key]));
    const figures = {
      subtotal: record.subtotal - took('subtotal'),
      discountTotal: record.discountTotal - took('discountTotal'),
      shippingTotal: record.shippingTotal - took('shippingTotal'),
      taxTotal: record.taxTotal - took('taxTotal'),
    };
    return { ...figures, total: returnTotal(figures), completes };
  }
  const price = new Map(record.lines.map((line) => [line.id, line.unitPrice]));
  const subtotal = sum(lines.map((line) => (price.get(line.lineId) ?? 0) * line.quantity));
  const discountTotal = record.subtotal > 0 ? roundHalfUp(BigInt(record.discountTotal) * BigInt(subtotal), record.subtotal) : 0;
  const taxTotal = roundHalfUp(BigInt(subtotal - discountTotal) * BigInt(record.taxRateBps), 10_000);
  const figures = { subtotal, discountTotal, shippingTotal: 0, taxTotal };
  return { ...figures, total: returnTotal(figures), completes };
}

/**
 * What a return's refund gives back, taken when the refund is made: its total less what earlier
 * refunds of this return gave, never more than what is left of what was paid on the record (paid
 * less refunded and less refunds still being confirmed), and never below zero.
 */
export function returnRefundAmount(
  total: number,
  refundedForReturn: number,
  record: { paid: number; refunded: number; pending?: number; cancelled?: boolean },
): number {
  const left = record.cancelled ? 0 : refundableAmount(record);
  return Math.max(0, Math.min(total - refundedForReturn, left));
}

/** What a direct refund may give back at most: what was paid, less refunded and being refunded. */
export const refundableAmount = (record: { paid: number; refunded: number; pending?: number }): number =>
  Math.max(0, record.paid - record.refunded - (record.pending ?? 0));

/** The one line of a direct refund's credit note. */
export interface CreditNoteLine {
  description: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

/**
 * The credit note of a refund given without goods back (docs/api.md#refunds-and-returns): one line
 * "Refund: <reason>", the tax included in the amount at the record's rate:
 * taxTotal = amount − roundHalfUp(amount × 10000 / (10000 + taxRateBps)) and
 * unitPrice = lineTotal = subtotal = amount − taxTotal.
 */
export function directRefundNote(
  amount: number,
  reason: string,
  taxRateBps: number,
): { lines: CreditNoteLine[]; subtotal: number; discountTotal: number; shippingTotal: number; taxTotal: number; total: number } {
  const taxTotal = amount - roundHalfUp(BigInt(amount) * 10_000n, 10_000 + taxRateBps);
  const net = amount - taxTotal;
  return {
    lines: [{ description: `Refund: ${reason}`, quantity: 1, unitPrice: net, lineTotal: net }],
    subtotal: net,
    discountTotal: 0,
    shippingTotal: 0,
    taxTotal,
    total: amount,
  };
}
