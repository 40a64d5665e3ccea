// The Create/Edit order form's live totals: the API's own totals function, with the chosen coupon.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { previewTotals } from './orderForm';

const lines = [
  { variantId: 1, quantity: 2, listPrice: 1000, shippingCost: 300 },
  { variantId: 2, quantity: 1, listPrice: 500, unitPrice: 400 },
  { variantId: 3, quantity: 1 }, // no price yet
];

describe('previewTotals', () => {
  test('applies a percentage coupon with its cap, a fixed one up to the subtotal, and counts the incomplete lines apart', () => {
    const capped = previewTotals(lines, { code: 'TEN', discountType: 'percentage', discountValue: 1000, maxDiscount: 150 }, 1000);
    assert.deepEqual([capped.subtotal, capped.discountTotal, capped.shippingTotal, capped.incomplete], [2400, 150, 600, 1]);
    assert.equal(capped.taxTotal, 225); // (2400 − 150) × 10 %; shipping 300 × 2 is untaxed
    const fixed = previewTotals(lines, { code: 'BIG', discountType: 'fixed', discountValue: 9999 }, 0);
    assert.equal(fixed.discountTotal, 2400);
    assert.equal(previewTotals(lines, null, 0).discountTotal, 0);
  });
});
