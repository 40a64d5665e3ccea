import fc from 'fast-check';
import { computeTotals, costOfGoods, discountOfCoupon, type Discount, type TotalsLine } from './totals.js';

describe('computeTotals, hand-worked', () => {
  it('prices lines, shipping and tax without a coupon', () => {
    // 2 × 19.99 + 1 × 5.00 = 44.98; shipping 2 × 3.00 + 1 × 0.50 = 6.50; tax 15 % of 44.98 = 6.747 → 6.75
    const totals = computeTotals(
      [
        { unitPrice: 1999, quantity: 2, shippingCost: 300 },
        { unitPrice: 500, quantity: 1, shippingCost: 50 },
      ],
      null,
      1500,
    );
    expect(totals).toEqual({ lineTotals: [3998, 500], subtotal: 4498, discountTotal: 0, shippingTotal: 650, taxRateBps: 1500, taxTotal: 675, total: 5823 });
  });

  it('rounds an exact half cent up, once, on the tax', () => {
    // 10 % of 0.05 = 0.005 → 0.01
    expect(computeTotals([{ unitPrice: 5, quantity: 1 }], null, 1000).taxTotal).toBe(1);
    // 10 % of 0.15 = 0.015 → 0.02
    expect(computeTotals([{ unitPrice: 15, quantity: 1 }], null, 1000).taxTotal).toBe(2);
    // 10 % of 0.14 = 0.014 → 0.01
    expect(computeTotals([{ unitPrice: 14, quantity: 1 }], null, 1000).taxTotal).toBe(1);
  });

  it('takes a percentage coupon with half-up rounding before tax', () => {
    // 12.5 % of 9.99 = 1.24875 → 1.25; tax 10 % of 8.74 = 0.874 → 0.87
    const totals = computeTotals([{ unitPrice: 999, quantity: 1 }], { type: 'percentage', value: 1250 }, 1000);
    expect(totals).toMatchObject({ subtotal: 999, discountTotal: 125, taxTotal: 87, total: 961 });
  });

  it('caps a percentage coupon at its max discount', () => {
    const totals = computeTotals([{ unitPrice: 10000, quantity: 3 }], { type: 'percentage', value: 5000, maxDiscount: 2500 }, 0);
    expect(totals).toMatchObject({ subtotal: 30000, discountTotal: 2500, total: 27500 });
  });

  it('limits a fixed coupon above the subtotal to the subtotal, and never discounts shipping', () => {
    const totals = computeTotals([{ unitPrice: 800, quantity: 1, shippingCost: 400 }], { type: 'fixed', value: 5000 }, 2000);
    expect(totals).toMatchObject({ subtotal: 800, discountTotal: 800, shippingTotal: 400, taxTotal: 0, total: 400 });
  });

  it('handles zero tax and an empty cart', () => {
    expect(computeTotals([{ unitPrice: 1234, quantity: 2 }], null, 0)).toMatchObject({ taxTotal: 0, total: 2468 });
    expect(computeTotals([], { type: 'percentage', value: 1000 }, 1500)).toMatchObject({ subtotal: 0, discountTotal: 0, total: 0 });
  });

  it('refuses fractional amounts and out-of-range rates', () => {
    expect(() => computeTotals([{ unitPrice: 9.99, quantity: 1 }], null, 0)).toThrow(RangeError);
    expect(() => computeTotals([{ unitPrice: 999, quantity: 1.5 }], null, 0)).toThrow(RangeError);
    expect(() => computeTotals([], null, 10001)).toThrow(RangeError);
  });
});

const line = fc.record({ unitPrice: fc.nat(1_000_000), quantity: fc.integer({ min: 0, max: 50 }), shippingCost: fc.nat(5_000) });
const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ type: fc.constant('fixed' as const), value: fc.nat(10_000_000) }),
  fc.record({ type: fc.constant('percentage' as const), value: fc.integer({ min: 0, max: 10_000 }), maxDiscount: fc.option(fc.nat(1_000_000)) }),
);
const rate = fc.integer({ min: 0, max: 10_000 });

describe('computeTotals, properties', () => {
  it('never gives a negative total nor a discount above the subtotal', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), discount, rate, (lines, d, bps) => {
        const t = computeTotals(lines, d, bps);
        expect(t.discountTotal).toBeGreaterThanOrEqual(0);
        expect(t.discountTotal).toBeLessThanOrEqual(t.subtotal);
        expect(t.total).toBeGreaterThanOrEqual(t.shippingTotal);
        expect(t.total).toBe(t.subtotal - t.discountTotal + t.shippingTotal + t.taxTotal);
        expect(Number.isInteger(t.total)).toBe(true);
      }),
    );
  });

  it('does not depend on the order of lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), discount, rate, fc.nat(), (lines: TotalsLine[], d, bps, seed) => {
        const shuffled = [...lines].sort((a, b) => ((a.unitPrice * 31 + seed) % 97) - ((b.unitPrice * 31 + seed) % 97));
        const { lineTotals: _a, ...x } = computeTotals(lines, d, bps);
        const { lineTotals: _b, ...y } = computeTotals(shuffled, d, bps);
        expect(y).toEqual(x);
      }),
    );
  });

  it('keeps tax within half a cent of the exact rate on the discounted subtotal', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), discount, rate, (lines, d, bps) => {
        const t = computeTotals(lines, d, bps);
        const exact = (t.subtotal - t.discountTotal) * bps;
        expect(Math.abs(t.taxTotal * 10_000 - exact)).toBeLessThanOrEqual(5_000);
      }),
    );
  });

  it('never discounts more with a cap than without', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.integer({ min: 0, max: 10_000 }), fc.nat(1_000_000), (lines, value, cap) => {
        const capped = computeTotals(lines, { type: 'percentage', value, maxDiscount: cap }, 0).discountTotal;
        const free = computeTotals(lines, { type: 'percentage', value }, 0).discountTotal;
        expect(capped).toBeLessThanOrEqual(Math.min(free, cap));
      }),
    );
  });
});

describe('costOfGoods', () => {
  it('sums cost snapshot × quantity over the lines', () => {
    expect(costOfGoods([])).toBe(0);
    // 3 × 4.10 + 1 × 0.99 = 13.29
    expect(
      costOfGoods([
        { costPrice: 410, quantity: 3 },
        { costPrice: 99, quantity: 1 },
      ]),
    ).toBe(1329);
  });

  it('refuses a sum beyond safe integers instead of losing cents', () => {
    expect(() => costOfGoods([{ costPrice: Number.MAX_SAFE_INTEGER, quantity: 2 }])).toThrow(RangeError);
  });
});

describe('discountOfCoupon', () => {
  it('turns a coupon’s terms into the discount the totals apply', () => {
    expect(discountOfCoupon({ discountType: 'percentage', discountValue: 1500, maxDiscount: 500 })).toEqual({
      type: 'percentage',
      value: 1500,
      maxDiscount: 500,
    });
    expect(discountOfCoupon({ discountType: 'percentage', discountValue: 1000 })).toEqual({ type: 'percentage', value: 1000, maxDiscount: null });
    expect(discountOfCoupon({ discountType: 'fixed', discountValue: 250, maxDiscount: 100 })).toEqual({ type: 'fixed', value: 250 });
    const lines = [{ unitPrice: 2000, quantity: 2, shippingCost: 0 }];
    expect(computeTotals(lines, discountOfCoupon({ discountType: 'percentage', discountValue: 5000, maxDiscount: 500 }), 0).discountTotal).toBe(500);
  });
});
