/** Pure rules of the reorder report (docs/api.md#catalog-media). */

/** The days of sales the suggestion covers, and the days of history the sales rate is taken from. */
export const REORDER = { coverDays: 30, historyDays: 90 } as const;

/**
 * How many to order so the stock lasts `coverDays` at the rate sold over the last `historyDays`
 * (online and in store), and reaches at least the threshold + 1 (out of "low stock"), whole units:
 * max(⌈sold × 30 / 90⌉, threshold + 1) − stock, never below 0.
 */
export function suggestedQuantity({ stock, threshold, soldInHistory }: { stock: number; threshold: number; soldInHistory: number }): number {
  const forCover = Math.ceil((soldInHistory * REORDER.coverDays) / REORDER.historyDays);
  return Math.max(0, Math.max(forCover, threshold + 1) - stock);
}
