// The totals the sale and purchase forms preview while people type, against the API's own rules
// (libs/core): the one half-up rounding, tax on (subtotal − discount), and the in-store sale's
// totals exactly as the API's computeTotals makes them for every sale it accepts.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { applyBasisPoints, roundHalfUp } from '@chance/core/money';
import { computeTotals } from '@chance/core/pricing/totals';
import { purchaseTotals, saleTotals } from './totals';

/** n / d rounded half away from zero, from the definition: the quotient, plus one step when the remainder is half of d or more. */
function halfAwayFromZero(n: bigint, d: bigint): number {
  const quotient = n / d;
  const remainder = n % d;
  const away = 2n * (remainder < 0n ? -remainder : remainder) >= (d < 0n ? -d : d);
  const step = n < 0n !== d < 0n ? -1n : 1n;
  return Number(away ? quotient + step : quotient);
}

describe('sales totals of the admin SPA', () => {
  test('roundHalfUp rounds exactly like the API, halves away from zero', () => {
    assert.equal(roundHalfUp(5235, 1000), 5);
    assert.equal(roundHalfUp(52350, 10_000), 5);
    assert.equal(roundHalfUp(5_235_000, 1_000_000), 5);
    assert.equal(roundHalfUp(15, 10), 2);
    assert.equal(roundHalfUp(-15, 10), -2);
    assert.equal(roundHalfUp(14, 10), 1);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        assert.equal(roundHalfUp(n, d), halfAwayFromZero(n, d));
      }),
    );
  });

  test('the sale preview computes tax on (subtotal − discount) at the store rate, like the API', () => {
    // 3 × 12.50 − 2.60 = 34.90; 15 % = 5.235 → 5.24
    assert.deepEqual(saleTotals([{ quantity: 3, unitPrice: 1250 }], 260, 1500), {
      subtotal: 3750,
      discount: 260,
      taxTotal: 524,
      total: 4014,
      incomplete: 0,
    });
    // Incomplete lines (no price yet, typed text) are left out and counted.
    assert.deepEqual(saleTotals([{ quantity: 2, unitPrice: 500 }, { quantity: 1 }, { quantity: 1, unitPrice: '1.' }], null, 0), {
      subtotal: 1000,
      discount: 0,
      taxTotal: 0,
      total: 1000,
      incomplete: 2,
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 500 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (lines, discountSeed, taxRateBps) => {
          const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
          const discount = Math.min(discountSeed, subtotal);
          const totals = saleTotals(lines, discount, taxRateBps);
          const tax = applyBasisPoints(subtotal - discount, taxRateBps);
          assert.equal(totals.subtotal, subtotal);
          assert.equal(totals.taxTotal, tax);
          assert.equal(totals.total, subtotal - discount + tax);
        },
      ),
    );
  });

  test('for every sale the API accepts, the preview is the API’s computeTotals with a fixed discount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 500 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (lines, discountSeed, taxRateBps) => {
          const api = computeTotals(lines, null, taxRateBps);
          const discount = Math.min(discountSeed, api.subtotal); // the API refuses more than the subtotal
          const expected = computeTotals(lines, { type: 'fixed', value: discount }, taxRateBps);
          assert.deepEqual(saleTotals(lines, discount, taxRateBps), {
            subtotal: expected.subtotal,
            discount: expected.discountTotal,
            taxTotal: expected.taxTotal,
            total: expected.total,
            incomplete: 0,
          });
        },
      ),
    );
  });

  test('the purchase preview adds the bill’s shipping and tax to Σ quantity × unit cost', () => {
    assert.deepEqual(
      purchaseTotals(
        [
          { quantity: 6, unitCost: 1250 },
          { quantity: 3, unitCost: 1800 },
        ],
        450,
        200,
      ),
      { subtotal: 12900, shippingCost: 450, taxTotal: 200, total: 13550, incomplete: 0 },
    );
  });
});
