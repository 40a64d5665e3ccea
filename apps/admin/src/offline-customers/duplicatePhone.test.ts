// The hint "Another in-store customer has this phone": same digits, not the customer being edited.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { customersWithPhone, phoneDigits, phoneSearchText } from './duplicatePhone';

const customers = [
  { id: 1, name: 'Ann', phone: '+44 20 7946 0000' },
  { id: 2, name: 'Bob', phone: '+44 (20) 7946-0001' },
  { id: 3, name: 'Cat', phone: '4420-7946-0000' },
];

describe('in-store customers with the same phone', () => {
  test('match digit for digit, whatever the spaces, dashes and brackets', () => {
    assert.equal(phoneDigits('+44 (20) 7946-0000'), '442079460000');
    assert.deepEqual(
      customersWithPhone(customers, '+44.20.7946.0000').map((c) => c.name),
      ['Ann', 'Cat'],
    );
  });

  test('leave out the customer being edited, and numbers that only contain the typed one', () => {
    assert.deepEqual(
      customersWithPhone(customers, '+44 20 7946 0000', 1).map((c) => c.name),
      ['Cat'],
    );
    assert.deepEqual(customersWithPhone(customers, '2079460000'), []);
  });

  test('are searched by the last four digits, which every way of writing the number keeps together', () => {
    assert.equal(phoneSearchText('+44 (20) 7946-0001'), '0001');
    for (const customer of customers) assert.ok(customer.phone.includes(phoneSearchText(customer.phone)));
  });

  test('wait for a number long enough to mean something', () => {
    assert.deepEqual(customersWithPhone([{ id: 9, phone: '12-3' }], '123'), []);
    assert.deepEqual(customersWithPhone(customers, undefined), []);
  });
});
