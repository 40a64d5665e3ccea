// The words and choices the back office shows for the API's payment methods.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { counterPaymentMethodChoices, paymentMethodChoices, paymentMethodText } from './labels';

describe('payment methods', () => {
  test('at the counter: every method but cash on delivery, which needs a delivery', () => {
    assert.deepEqual(
      counterPaymentMethodChoices.map((choice) => choice.name),
      ['Cash', 'Card', 'Bank transfer', 'Mobile wallet'],
    );
    assert.ok(
      paymentMethodChoices.some((choice) => choice.id === 'cash_on_delivery'),
      'online orders keep it',
    );
  });

  test('read in words', () => {
    assert.equal(paymentMethodText('bank_transfer'), 'Bank transfer');
    assert.equal(paymentMethodText('store_credit'), 'store_credit');
  });
});
