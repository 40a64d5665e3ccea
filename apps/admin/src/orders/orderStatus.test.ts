// The order status moves the SPA offers: only those the API allows.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { canCancel, canTakePayment, nextStatuses } from './orderStatus';

describe('order status moves', () => {
  test('orders offer only the moves the API allows', () => {
    assert.deepEqual(nextStatuses('pending'), ['processing']);
    assert.deepEqual(nextStatuses('processing'), ['shipped']);
    assert.deepEqual(nextStatuses('shipped'), ['delivered']);
    assert.deepEqual(nextStatuses('delivered'), []);
    assert.deepEqual(nextStatuses('cancelled'), []);
    assert.equal(canCancel({ status: 'processing' }), true);
    assert.equal(canCancel({ status: 'shipped' }), false);
    assert.equal(canTakePayment({ status: 'cancelled', balanceDue: 100 }), false);
    assert.equal(canTakePayment({ status: 'shipped', balanceDue: 0 }), false);
    assert.equal(canTakePayment({ status: 'pending', balanceDue: 1 }), true);
  });
});
