// The purchase form: create and update bodies from the form's values.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Purchase } from '../common-sales/types';
import { toCreateBody, toUpdateBody } from './purchaseForm';

describe('the purchase form', () => {
  test('purchase bodies: create takes the editable fields, update sends lines only when a line changed', () => {
    const values = {
      supplierId: 3,
      status: 'ordered' as const,
      lines: [{ variantId: 5, quantity: 2, unitCost: 700, productName: 'Shelf', sku: 'S', attributes: {}, id: 11, lineTotal: 1400 }],
      shippingCost: null,
      taxTotal: 90,
      notes: ' back door ',
    };
    assert.deepEqual(toCreateBody(values), {
      supplierId: 3,
      status: 'ordered' as const,
      lines: [{ variantId: 5, quantity: 2, unitCost: 700 }],
      shippingCost: 0,
      taxTotal: 90,
      notes: 'back door',
    });
    const previous = {
      status: 'ordered',
      lines: [{ id: 11, variantId: 5, quantity: 2, unitCost: 700, productName: 'Shelf', sku: 'S', attributes: {}, lineTotal: 1400 }],
    } as Purchase; // the fields the form reads
    assert.equal(toUpdateBody(values, previous).lines, undefined, 'unchanged lines are not sent');
    assert.equal(toUpdateBody(values, previous).status, undefined, 'status changes only from draft');
    const changed = toUpdateBody({ ...values, lines: [{ ...values.lines[0], quantity: 3 }] }, previous);
    assert.deepEqual(changed.lines, [{ variantId: 5, quantity: 3, unitCost: 700 }]);
    assert.equal(toUpdateBody(values, { ...previous, status: 'draft' }).status, 'ordered');
  });
});
