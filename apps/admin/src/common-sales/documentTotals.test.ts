// The totals rows every document page and form preview shows: one order, one wording, and only
// the rows a document has.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { documentTotalsRows } from './documentTotals';

describe('document totals rows', () => {
  test('an order: subtotal, coupon discount, shipping, tax at its rate, total, then paid, refunded and balance', () => {
    assert.deepEqual(
      documentTotalsRows({
        subtotal: 5000,
        discount: 500,
        discountCode: 'WELCOME10',
        shipping: 0,
        tax: 725,
        taxRateBps: 1500,
        total: 5225,
        paid: 2000,
        refunded: 0,
        balance: { label: 'Balance due', amount: 3225 },
      }),
      [
        { label: 'Subtotal', amount: 5000 },
        { label: 'Discount (WELCOME10)', amount: -500, hideZero: true },
        { label: 'Shipping', amount: 0 },
        { label: 'Tax (15.00 %)', amount: 725 },
        { label: 'Total', amount: 5225, strong: true },
        { label: 'Paid', amount: 2000 },
        { label: 'Refunded', amount: 0, hideZero: true },
        { label: 'Balance due', amount: 3225, strong: true },
      ],
    );
  });

  test('a supplier’s bill: no discount, no rate, nothing paid; a discount without a coupon is just "Discount"', () => {
    assert.deepEqual(documentTotalsRows({ subtotal: 12900, shipping: 450, tax: 200, total: 13550 }), [
      { label: 'Subtotal', amount: 12900 },
      { label: 'Shipping', amount: 450 },
      { label: 'Tax', amount: 200 },
      { label: 'Total', amount: 13550, strong: true },
    ]);
    const sale = documentTotalsRows({ subtotal: 3750, discount: 260, discountCode: null, tax: 524, taxRateBps: 1500, total: 4014 });
    assert.deepEqual(
      sale.map((row) => row.label),
      ['Subtotal', 'Discount', 'Tax (15.00 %)', 'Total'],
    );
  });

  test('a balance may hide when it is 0 (a refunded invoice owes nothing)', () => {
    const rows = documentTotalsRows({ subtotal: 100, tax: 0, total: 100, paid: 100, balance: { label: 'Still due', amount: 0, hideZero: true } });
    assert.deepEqual(rows.at(-1), { label: 'Still due', amount: 0, strong: true, hideZero: true });
  });
});
