import fc from 'fast-check';
import { computeTotals } from '@chance/core';
import {
  directRefundNote,
  refundableAmount,
  returnAmounts,
  returnLinesRefusal,
  returnRefundAmount,
  returnableQuantities,
  type EarlierReturn,
  type ReturnedLine,
  type SoldRecord,
} from './refund-amounts.js';

/** A record priced with the one totals function, as checkout and the counter price them. */
function record(lines: { unitPrice: number; quantity: number; shippingCost?: number }[], discount: number, taxRateBps: number): SoldRecord {
  const totals = computeTotals(lines, discount ? { type: 'fixed', value: discount } : null, taxRateBps);
  return { ...totals, lines: lines.map((l, i) => ({ id: i + 1, unitPrice: l.unitPrice, quantity: l.quantity })) };
}

const totalOf = (r: SoldRecord) => r.subtotal - r.discountTotal + r.shippingTotal + r.taxTotal;

/** Makes the returns one after another, each priced with the returns before it, as the API does. */
function returnAll(sold: SoldRecord, returns: ReturnedLine[][]) {
  const earlier: EarlierReturn[] = [];
  return returns.map((lines) => {
    const figures = returnAmounts(sold, lines, earlier);
    earlier.push({ lines, figures });
    return figures;
  });
}

describe('returnAmounts', () => {
  // 2 × 10.00 + 1 × 5.99, 3.00 off, 15 % tax, 4.00 shipping a unit of the first line
  const sold = record(
    [
      { unitPrice: 1000, quantity: 2, shippingCost: 400 },
      { unitPrice: 599, quantity: 1 },
    ],
    300,
    1500,
  );

  it('prices a part with the record’s own prices, discount share and tax, without shipping', () => {
    expect(sold).toMatchObject({ subtotal: 2599, discountTotal: 300, shippingTotal: 800, taxTotal: 345 });
    const figures = returnAmounts(sold, [{ lineId: 1, quantity: 1 }], []);
    // discount 300 × 1000 / 2599 = 115.43 → 115; tax (1000 − 115) × 15 % = 132.75 → 133
    expect(figures).toEqual({ subtotal: 1000, discountTotal: 115, shippingTotal: 0, taxTotal: 133, total: 1018, completes: false });
  });

  it('gives the return that completes every unit the rest of each figure, shipping included', () => {
    const [first, second] = returnAll(sold, [
      [{ lineId: 1, quantity: 1 }],
      [
        { lineId: 1, quantity: 1 },
        { lineId: 2, quantity: 1 },
      ],
    ]);
    expect(second).toEqual({
      subtotal: 2599 - 1000,
      discountTotal: 300 - 115,
      shippingTotal: 800,
      taxTotal: 345 - 133,
      total: totalOf(sold) - first.total,
      completes: true,
    });
  });

  it('returns everything in one go as exactly the record', () => {
    const [all] = returnAll(sold, [
      [
        { lineId: 1, quantity: 2 },
        { lineId: 2, quantity: 1 },
      ],
    ]);
    expect(all).toEqual({ subtotal: 2599, discountTotal: 300, shippingTotal: 800, taxTotal: 345, total: totalOf(sold), completes: true });
  });

  it('prices a record without a subtotal (free goods) at nothing', () => {
    const free = record([{ unitPrice: 0, quantity: 3 }], 0, 1500);
    expect(returnAmounts(free, [{ lineId: 1, quantity: 1 }], [])).toEqual({
      subtotal: 0,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 0,
      total: 0,
      completes: false,
    });
  });

  const arbitraryRecord = fc
    .record({
      lines: fc.array(
        fc.record({ unitPrice: fc.integer({ min: 0, max: 50_000 }), quantity: fc.integer({ min: 1, max: 6 }), shippingCost: fc.integer({ min: 0, max: 900 }) }),
        { minLength: 1, maxLength: 5 },
      ),
      discountShare: fc.integer({ min: 0, max: 10_000 }),
      taxRateBps: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ lines, discountShare, taxRateBps }) => {
      const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      return record(lines, Math.floor((subtotal * discountShare) / 10_000), taxRateBps);
    });

  /** Every unit of the record, dealt into returns at random (each return gets at least one unit). */
  const dealtInto = (sold: SoldRecord) =>
    fc
      .array(fc.integer({ min: 0, max: 1_000 }), {
        minLength: sold.lines.reduce((s, l) => s + l.quantity, 0),
        maxLength: sold.lines.reduce((s, l) => s + l.quantity, 0),
      })
      .chain((picks) => fc.integer({ min: 1, max: picks.length }).map((returnsCount) => ({ picks, returnsCount })))
      .map(({ picks, returnsCount }) => {
        const units = sold.lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.id));
        const buckets: Map<number, number>[] = Array.from({ length: returnsCount }, () => new Map());
        units.forEach((lineId, i) => {
          // the first units fill every return once, the rest go where the picks say
          const bucket = buckets[i < returnsCount ? i : picks[i] % returnsCount];
          bucket.set(lineId, (bucket.get(lineId) ?? 0) + 1);
        });
        return buckets.map((b) => [...b].map(([lineId, quantity]) => ({ lineId, quantity })));
      });

  it('brings every unit back, in any number of returns, for exactly the record’s total, each figure adding up to the record’s', () => {
    fc.assert(
      fc.property(
        arbitraryRecord.chain((sold) => dealtInto(sold).map((returns) => ({ sold, returns }))),
        ({ sold, returns }) => {
          const figures = returnAll(sold, returns);
          expect(figures.map((f) => f.completes)).toEqual(figures.map((_, i) => i === figures.length - 1));
          const sum = (key: 'subtotal' | 'discountTotal' | 'shippingTotal' | 'taxTotal' | 'total') => figures.reduce((s, f) => s + f[key], 0);
          expect([sum('subtotal'), sum('discountTotal'), sum('shippingTotal'), sum('taxTotal'), sum('total')]).toEqual([
            sold.subtotal,
            sold.discountTotal,
            sold.shippingTotal,
            sold.taxTotal,
            totalOf(sold),
          ]);
          for (const f of figures) expect(f.total).toBe(f.subtotal - f.discountTotal + f.shippingTotal + f.taxTotal);
        },
      ),
    );
  });

  it('refunds exactly what was paid once every unit is back, in whatever order the refunds are made, and never more on the way', () => {
    fc.assert(
      fc.property(
        arbitraryRecord.chain((sold) =>
          fc.record({
            sold: fc.constant(sold),
            returns: dealtInto(sold),
            paidShare: fc.integer({ min: 0, max: 10_000 }),
            seed: fc.integer(),
          }),
        ),
        ({ sold, returns, paidShare, seed }) => {
          const figures = returnAll(sold, returns);
          const paid = Math.floor((totalOf(sold) * paidShare) / 10_000);
          // refunds in a shuffled order, each taking "paid − refunded so far" when it is made
          const order = figures.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
          let refunded = 0;
          for (const i of order) {
            const amount = returnRefundAmount(figures[i].total, 0, { paid, refunded });
            expect(amount).toBeGreaterThanOrEqual(0);
            refunded += amount;
            expect(refunded).toBeLessThanOrEqual(paid);
          }
          expect(refunded).toBe(paid);
        },
      ),
    );
  });

  it('never prices a return that leaves units behind above its share of the goods, with tax', () => {
    fc.assert(
      fc.property(arbitraryRecord, fc.integer({ min: 0, max: 100 }), (sold, pick) => {
        const line = sold.lines[pick % sold.lines.length];
        const lines = [{ lineId: line.id, quantity: 1 }];
        const figures = returnAmounts(sold, lines, []);
        if (figures.completes) return;
        expect(figures.shippingTotal).toBe(0);
        expect(figures.discountTotal).toBeGreaterThanOrEqual(0);
        expect(figures.discountTotal).toBeLessThanOrEqual(figures.subtotal);
        expect(figures.total).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('returnable quantities and refusals', () => {
  const sold = record(
    [
      { unitPrice: 500, quantity: 3 },
      { unitPrice: 200, quantity: 1 },
    ],
    0,
    0,
  );
  const others = [{ lines: [{ lineId: 1, quantity: 2 }] }];

  it('leaves what was sold less what other returns hold', () => {
    expect([...returnableQuantities(sold, others)]).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('refuses more than is left (409 RETURN_QUANTITY_EXCEEDED) and lines that are not the record’s (400)', () => {
    expect(returnLinesRefusal(sold, [{ lineId: 1, quantity: 1 }], others)).toBeNull();
    expect(returnLinesRefusal(sold, [{ lineId: 1, quantity: 2 }], others)).toEqual({
      code: 'RETURN_QUANTITY_EXCEEDED',
      errors: { 'lines.0.quantity': 'at most 1 can be returned' },
    });
    expect(returnLinesRefusal(sold, [{ lineId: 9, quantity: 1 }], others)).toEqual({
      code: 'VALIDATION_FAILED',
      errors: { 'lines.0.lineId': 'is not a line of this record' },
    });
    expect(
      returnLinesRefusal(
        sold,
        [
          { lineId: 2, quantity: 1 },
          { lineId: 2, quantity: 1 },
        ],
        [],
      )?.errors,
    ).toEqual({ 'lines.1.lineId': 'appears twice' });
    expect(returnLinesRefusal(sold, [], [])?.code).toBe('VALIDATION_FAILED');
  });
});

describe('refund amounts', () => {
  it('takes the return’s total less what its earlier refunds gave, capped by what is left of what was paid', () => {
    expect(returnRefundAmount(1000, 0, { paid: 5000, refunded: 0 })).toBe(1000);
    expect(returnRefundAmount(1000, 400, { paid: 5000, refunded: 400 })).toBe(600);
    expect(returnRefundAmount(1000, 0, { paid: 5000, refunded: 4500 })).toBe(500);
    expect(returnRefundAmount(1000, 0, { paid: 5000, refunded: 4500, pending: 500 })).toBe(0);
    expect(returnRefundAmount(1000, 0, { paid: 0, refunded: 0 })).toBe(0);
    expect(returnRefundAmount(1000, 0, { paid: 5000, refunded: 0, cancelled: true })).toBe(0);
    expect(refundableAmount({ paid: 5000, refunded: 1200, pending: 300 })).toBe(3500);
  });
});

describe('directRefundNote', () => {
  it('takes the tax out of the amount at the record’s rate, on one line', () => {
    // 11.50 at 15 %: 1150 × 10000 / 11500 = 1000 net, 150 tax
    expect(directRefundNote(1150, 'late delivery', 1500)).toEqual({
      lines: [{ description: 'Refund: late delivery', quantity: 1, unitPrice: 1000, lineTotal: 1000 }],
      subtotal: 1000,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 150,
      total: 1150,
    });
    expect(directRefundNote(999, 'x', 0)).toMatchObject({ subtotal: 999, taxTotal: 0, total: 999 });
  });

  it('always adds up to the amount, tax never negative nor above it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (amount, rate) => {
        const note = directRefundNote(amount, 'r', rate);
        expect(note.subtotal + note.taxTotal).toBe(amount);
        expect(note.taxTotal).toBeGreaterThanOrEqual(0);
        expect(note.taxTotal).toBeLessThanOrEqual(amount);
        expect(note.lines[0].lineTotal).toBe(note.subtotal);
      }),
    );
  });
});
