// The in-store sale form: the body the API accepts, and its errors re-addressed to the inputs.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { previewSaleTotals, saleFormErrors, toSaleBody } from './saleForm';

describe('the in-store sale form', () => {
  test('a sale body carries only what the API accepts', () => {
    const body = toSaleBody({
      customerId: 4,
      lines: [{ variantId: 7, quantity: 2, unitPrice: 1250, productName: 'Mug', sku: 'MUG', attributes: {}, stock: 9 }],
      discount: 0,
      paidAmount: null,
      paymentMethod: 'card',
    });
    assert.deepEqual(body, { customerId: 4, lines: [{ variantId: 7, quantity: 2, unitPrice: 1250 }] });
    assert.deepEqual(toSaleBody({ customerId: 4, lines: [{ variantId: 7, quantity: 1, unitPrice: 100 }], discount: 10, paidAmount: 50 }), {
      customerId: 4,
      lines: [{ variantId: 7, quantity: 1, unitPrice: 100 }],
      discount: 10,
      paidAmount: 50,
      paymentMethod: 'cash',
    });
  });

  test('an OUT_OF_STOCK answer lands under the quantity of the line with that variant', () => {
    const errors = saleFormErrors(
      { 'variant.9': 'only 1 in stock', root: { serverError: 'Only 1 in stock for variant 9' } },
      { lines: [{ variantId: 7 }, { variantId: 9, productName: 'Enamel mug', sku: 'MUG-RED' }] },
    );
    assert.deepEqual(errors, {
      'lines.1.quantity': 'Only 1 in stock',
      root: { serverError: 'Not enough stock. Enamel mug — MUG-RED: only 1 in stock.' },
    });
    assert.deepEqual(saleFormErrors({ 'lines.0.quantity': 'must not be less than 1' }, { lines: [{}] }), {
      'lines.0.quantity': 'must not be less than 1',
    });
  });

  test('a walk-in sale leaves the customer out, also one picked before Walk-in was chosen', () => {
    const lines = [{ variantId: 7, quantity: 1, unitPrice: 100 }];
    assert.deepEqual(toSaleBody({ customerId: null, walkIn: true, lines, paidAmount: 115 }), { lines, paidAmount: 115, paymentMethod: 'cash' });
    assert.deepEqual(toSaleBody({ customerId: 4, walkIn: true, lines, paidAmount: 115 }), { lines, paidAmount: 115, paymentMethod: 'cash' });
    // no customer and no walk-in: nothing invented (the API answers for the customer)
    assert.deepEqual(toSaleBody({ customerId: null, lines }), { lines });
  });

  test('a coupon code is sent trimmed, instead of a discount typed by hand', () => {
    const lines = [{ variantId: 7, quantity: 1, unitPrice: 100 }];
    assert.deepEqual(toSaleBody({ customerId: 4, lines, couponCode: '  SPRING10 ', discount: 30 }), { customerId: 4, lines, couponCode: 'SPRING10' });
    assert.deepEqual(toSaleBody({ customerId: 4, lines, couponCode: '   ', discount: 30 }), { customerId: 4, lines, discount: 30 });
  });

  test("a coupon's refusal lands under the coupon input; a walk-in refusal under the customer", () => {
    assert.deepEqual(saleFormErrors({ couponCode: 'The coupon has expired' }, { couponCode: 'OLD' }), { couponCode: 'The coupon has expired' });
    assert.deepEqual(saleFormErrors({ customerId: 'a sale on credit needs a customer' }, {}), { customerId: 'a sale on credit needs a customer' });
  });
});

describe('the sale totals preview', () => {
  const lines = [
    { variantId: 1, quantity: 3, unitPrice: 1250 },
    { variantId: 2, quantity: null, unitPrice: 999 },
  ];

  test("a percentage coupon takes its share of the complete lines' subtotal, capped, and the tax is charged on what is left", () => {
    // 37.50 × 10 % = 3.75; (37.50 − 3.75) × 15 % = 5.0625 → 5.06
    const totals = previewSaleTotals({ lines, couponCode: 'TEN' }, { code: 'TEN', discountType: 'percentage', discountValue: 1000 }, 1500);
    assert.deepEqual(totals, { subtotal: 3750, discount: 375, taxTotal: 506, total: 3881, incomplete: 1 });
    const capped = previewSaleTotals({ lines, couponCode: 'TEN' }, { code: 'TEN', discountType: 'percentage', discountValue: 1000, maxDiscount: 200 }, 0);
    assert.equal(capped.discount, 200);
  });

  test('a fixed coupon takes at most the subtotal; the typed discount is ignored while a code is given', () => {
    const totals = previewSaleTotals({ lines, couponCode: 'BIG', discount: 100 }, { code: 'BIG', discountType: 'fixed', discountValue: 99999 }, 1500);
    assert.deepEqual(totals, { subtotal: 3750, discount: 3750, taxTotal: 0, total: 0, incomplete: 1 });
  });

  test('a code whose terms are unknown previews no discount; without a code the typed discount counts', () => {
    assert.equal(previewSaleTotals({ lines, couponCode: 'NOPE', discount: 100 }, null, 0).discount, 0);
    assert.equal(previewSaleTotals({ lines, discount: 100 }, null, 0).discount, 100);
  });
});
