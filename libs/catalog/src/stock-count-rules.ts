import { DOCUMENT_SERIES, documentNumber } from '@chance/core';

/**
 * Pure rules of a stock count (docs/api.md#catalog-media). A count is taken on the shelf while the shop
 * keeps selling, so each line is judged against the stock the count started from: the count says
 * how many there were at its start, and whatever moved since (a sale, a delivery) still happened
 * on top of it. Without a start, the count is taken as of its saving.
 */

export interface CountedLine {
  /** the stock now, with the variant's row locked */
  stockNow: number;
  /** Σ of the variant's movements since the count started (0 without a start) */
  movedSince: number;
  /** what the shelf held */
  counted: number;
}

export interface CountOutcome {
  /** the stock the count started from */
  expected: number;
  /** the correction: counted − expected (the `stock_count` movement, when not 0) */
  delta: number;
  stockBefore: number;
  stockAfter: number;
}

export type CountRefusal = { kind: 'sold_since'; stockNow: number; expected: number; counted: number };

export function countOutcome({ stockNow, movedSince, counted }: CountedLine): CountOutcome | CountRefusal {
  const expected = stockNow - movedSince;
  const delta = counted - expected;
  const stockAfter = stockNow + delta;
  // more went out since the start than the shelf held then: the count cannot have been right
  if (expected < 0 || stockAfter < 0) return { kind: 'sold_since', stockNow, expected, counted };
  return { expected, delta, stockBefore: stockNow, stockAfter };
}

export const isRefusal = (outcome: CountOutcome | CountRefusal): outcome is CountRefusal => 'kind' in outcome;

/** The message under a line that cannot be applied. */
export function refusalMessage(refusal: CountRefusal): string {
  return (
    `counted ${refusal.counted} when the count started at ${refusal.expected}, but only ${refusal.stockNow} are left after what moved since: ` +
    'count this variant again'
  );
}

/** How people quote a count: `SC-000042`. */
export const stockCountNumber = (id: number): string => documentNumber(DOCUMENT_SERIES.stockCount, id);
