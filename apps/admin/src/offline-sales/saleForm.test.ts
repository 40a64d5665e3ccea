// The in-store sale form: the body the API accepts, and its errors re-addressed to the inputs.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { saleFormErrors, toSaleBody } from './saleForm';

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
});
