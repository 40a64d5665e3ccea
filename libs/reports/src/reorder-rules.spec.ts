import fc from 'fast-check';
import { suggestedQuantity } from './reorder-rules.js';

describe('suggestedQuantity', () => {
  it('orders 30 days of the last 90 days’ sales, less what is in stock', () => {
    // 90 sold in 90 days: 30 for 30 days; 4 in stock
    expect(suggestedQuantity({ stock: 4, threshold: 5, soldInHistory: 90 })).toBe(26);
    // 10 sold: 3.33… a month, rounded up to 4
    expect(suggestedQuantity({ stock: 0, threshold: 2, soldInHistory: 10 })).toBe(4);
  });

  it('brings a slow seller at least out of low stock (threshold + 1)', () => {
    expect(suggestedQuantity({ stock: 2, threshold: 5, soldInHistory: 0 })).toBe(4);
    expect(suggestedQuantity({ stock: 0, threshold: 0, soldInHistory: 0 })).toBe(1);
  });

  it('always reaches both targets from any stock at or below the threshold, and no more', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(100_000), fc.nat(1000), (threshold, soldInHistory, below) => {
        const stock = Math.max(0, threshold - below);
        const quantity = suggestedQuantity({ stock, threshold, soldInHistory });
        const after = stock + quantity;
        expect(quantity).toBeGreaterThan(0);
        expect(after).toBeGreaterThanOrEqual(threshold + 1);
        expect(after * 90).toBeGreaterThanOrEqual(soldInHistory * 30);
        // one fewer would miss a target
        expect((after - 1) * 90 < soldInHistory * 30 || after - 1 < threshold + 1).toBe(true);
      }),
    );
  });
});
