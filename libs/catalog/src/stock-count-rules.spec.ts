import fc from 'fast-check';
import { countOutcome, isRefusal, refusalMessage, stockCountNumber } from './stock-count-rules.js';

describe('countOutcome', () => {
  it('a count of 3 where the stock is 5 takes 2', () => {
    expect(countOutcome({ stockNow: 5, movedSince: 0, counted: 3 })).toEqual({ expected: 5, delta: -2, stockBefore: 5, stockAfter: 3 });
  });

  it('applies the count to the stock it started from: a sale during the count still counts', () => {
    // 5 at the start, 3 counted (2 missing), 1 sold since: 2 left, not 3
    expect(countOutcome({ stockNow: 4, movedSince: -1, counted: 3 })).toEqual({ expected: 5, delta: -2, stockBefore: 4, stockAfter: 2 });
    // a delivery of 10 arrived during the count of an empty shelf
    expect(countOutcome({ stockNow: 10, movedSince: 10, counted: 0 })).toEqual({ expected: 0, delta: 0, stockBefore: 10, stockAfter: 10 });
  });

  it('refuses a line whose count cannot have been right, naming what to do', () => {
    const refusal = countOutcome({ stockNow: 1, movedSince: -4, counted: 2 });
    expect(isRefusal(refusal)).toBe(true);
    expect(refusalMessage(refusal as never)).toBe(
      'counted 2 when the count started at 5, but only 1 are left after what moved since: count this variant again',
    );
  });

  it('leaves the stock at what was counted plus what moved since, and the ledger adds up', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (stockNow, movedSince, counted) => {
        const outcome = countOutcome({ stockNow, movedSince, counted });
        if (isRefusal(outcome)) {
          expect(stockNow - movedSince < 0 || counted + movedSince < 0).toBe(true);
          return;
        }
        expect(outcome.stockAfter).toBe(counted + movedSince);
        expect(outcome.stockBefore + outcome.delta).toBe(outcome.stockAfter);
        expect(outcome.delta).toBe(counted - outcome.expected);
        expect(outcome.stockAfter).toBeGreaterThanOrEqual(0);
        if (movedSince === 0) expect(outcome.stockAfter).toBe(counted);
      }),
    );
  });
});

describe('stockCountNumber', () => {
  it('pads to six digits', () => {
    expect(stockCountNumber(42)).toBe('SC-000042');
    expect(stockCountNumber(1_234_567)).toBe('SC-1234567');
  });
});
