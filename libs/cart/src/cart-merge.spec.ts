import fc from 'fast-check';
import { mergedQuantities } from './cart-merge.js';

describe('merging a guest cart into the customer’s', () => {
  it('adds quantities up to the stock, and brings new lines capped by it', () => {
    const stock = new Map([
      [1, 10],
      [2, 3],
      [3, 5],
    ]);
    expect(
      mergedQuantities(
        [
          { variantId: 1, quantity: 4 },
          { variantId: 2, quantity: 7 },
        ],
        [
          { variantId: 1, quantity: 8 },
          { variantId: 3, quantity: 2 },
        ],
        stock,
      ),
    ).toEqual([
      { variantId: 1, quantity: 10 },
      { variantId: 2, quantity: 3 },
    ]);
  });

  it('leaves behind what is out of stock or gone from the catalog, and the customer’s line with it untouched', () => {
    const stock = new Map([[1, 0]]);
    expect(
      mergedQuantities(
        [
          { variantId: 1, quantity: 2 },
          { variantId: 9, quantity: 1 },
        ],
        [{ variantId: 1, quantity: 1 }],
        stock,
      ),
    ).toEqual([]);
  });

  it('brings a customer line above a fallen stock down to it when the guest cart adds to it', () => {
    expect(mergedQuantities([{ variantId: 1, quantity: 1 }], [{ variantId: 1, quantity: 6 }], new Map([[1, 4]]))).toEqual([{ variantId: 1, quantity: 4 }]);
  });

  it('never exceeds the stock, never loses what the customer held within it, and keeps the guest cart’s order', () => {
    const line = fc.record({ variantId: fc.integer({ min: 1, max: 6 }), quantity: fc.integer({ min: 1, max: 20 }) });
    const distinct = (lines: { variantId: number; quantity: number }[]) => [...new Map(lines.map((l) => [l.variantId, l])).values()];
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 6 }).map(distinct),
        fc.array(line, { maxLength: 6 }).map(distinct),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }),
        (guest, target, levels) => {
          const stock = new Map(levels.map((level, i) => [i + 1, level]));
          const merged = mergedQuantities(guest, target, stock);
          expect(merged.map((l) => l.variantId)).toEqual(guest.filter((l) => stock.get(l.variantId)! > 0).map((l) => l.variantId));
          for (const { variantId, quantity } of merged) {
            const available = stock.get(variantId)!;
            const held = target.find((l) => l.variantId === variantId)?.quantity ?? 0;
            const brought = guest.find((l) => l.variantId === variantId)!.quantity;
            expect(quantity).toBe(Math.min(held + Math.min(brought, available), available));
            expect(quantity).toBeGreaterThan(0);
            expect(quantity).toBeLessThanOrEqual(available);
          }
        },
      ),
    );
  });
});
