import fc from 'fast-check';
import { applyBasisPoints, formatMoney, roundHalfUp, sumMinorUnits } from './money.js';

describe('roundHalfUp', () => {
  it.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [25, 10, 3],
    [-5, 10, -1],
    [-4, 10, 0],
    [0, 7, 0],
    [1, 3, 0],
    [2, 3, 1],
  ])('%i / %i = %i', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  it('refuses division by zero', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundHalfUp(n, d);
        expect(Math.abs(r * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });
});

describe('applyBasisPoints', () => {
  it('computes 15 % of 1999 cents as 300 (299.85 rounds up)', () => {
    expect(applyBasisPoints(1999, 1500)).toBe(300);
  });
  it('rounds an exact half up: 10 % of 5 cents = 0.5 → 1', () => {
    expect(applyBasisPoints(5, 1000)).toBe(1);
  });
  it('keeps precision beyond 2^53 intermediate products', () => {
    expect(applyBasisPoints(9_000_000_000_000, 9999)).toBe(8_999_100_000_000);
  });
  it('refuses non-integer amounts', () => {
    expect(() => applyBasisPoints(1.5, 100)).toThrow(RangeError);
  });
  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(10_000), (a, b, bps) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(applyBasisPoints(lo, bps)).toBeLessThanOrEqual(applyBasisPoints(hi, bps));
      }),
    );
  });
});

describe('sumMinorUnits', () => {
  it('adds exactly', () => {
    expect(sumMinorUnits([1, 2, 3])).toBe(6);
    expect(sumMinorUnits([])).toBe(0);
  });
  it('refuses unsafe totals', () => {
    expect(() => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats minor units exactly in the store currency', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(-250, 'USD')).toBe('-$2.50');
    expect(formatMoney(9_007_199_254_740_991, 'USD')).toBe('$90,071,992,547,409.91');
  });
});
