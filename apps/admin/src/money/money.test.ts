// Exact money and rate conversions of the admin SPA: minor units and basis points to the text
// people read and type, and back, without floating point.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { decimalToMinorUnits, formatMoney, minorUnitsToDecimal } from './money';
import { basisPointsToPercent, percentToBasisPoints } from './rates';

describe('money and rates', () => {
  test('minor units format as the currency, through exact decimal strings', () => {
    assert.equal(formatMoney(1999, 'USD', 'en-US'), '$19.99');
    assert.equal(formatMoney(-5, 'USD', 'en-US'), '-$0.05');
    assert.equal(formatMoney(0, 'EUR', 'en-US'), '€0.00');
    assert.equal(formatMoney(1500, 'JPY', 'en-US'), '¥1,500');
    assert.equal(formatMoney(123456789, 'USD', 'en-US'), '$1,234,567.89');
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US'), '$90,071,992,547,409.91');
    assert.equal(formatMoney(null, 'USD'), '');
    assert.equal(formatMoney(19.99, 'USD'), '', 'a non-integer is not an amount in minor units');
    assert.equal(minorUnitsToDecimal(1999, 'USD'), '19.99');
    assert.equal(minorUnitsToDecimal(7, 'KWD'), '0.007');
  });

  test('typed amounts parse to minor units without floating point', () => {
    assert.equal(decimalToMinorUnits('19.99', 'USD'), 1999);
    assert.equal(decimalToMinorUnits('0.29', 'USD'), 29); // 0.29 * 100 is 28.999999999999996 in floats
    assert.equal(decimalToMinorUnits('1.1', 'USD'), 110);
    assert.equal(decimalToMinorUnits('4.35', 'USD'), 435); // 4.35 * 100 = 434.99999999999994
    assert.equal(decimalToMinorUnits('19,9', 'USD'), 1990);
    assert.equal(decimalToMinorUnits(' 20 ', 'USD'), 2000);
    assert.equal(decimalToMinorUnits('.5', 'USD'), 50);
    assert.equal(decimalToMinorUnits('1.005', 'USD'), null, 'no silent rounding');
    assert.equal(decimalToMinorUnits('-1', 'USD'), null);
    assert.equal(decimalToMinorUnits('-1.50', 'USD', { allowNegative: true }), -150);
    assert.equal(decimalToMinorUnits('1e3', 'USD'), null);
    assert.equal(decimalToMinorUnits('1,000.00', 'USD'), null);
    assert.equal(decimalToMinorUnits('', 'USD'), null);
    assert.equal(decimalToMinorUnits('.', 'USD'), null);
    assert.equal(decimalToMinorUnits('99999999999999999', 'USD'), null, 'beyond the safe integer range');
    assert.equal(decimalToMinorUnits('1500', 'JPY'), 1500);
    assert.equal(decimalToMinorUnits('1500.5', 'JPY'), null);
  });

  test('every amount round-trips between minor units and text', () => {
    for (let amount = 0; amount <= 100_000; amount += 7) {
      assert.equal(decimalToMinorUnits(minorUnitsToDecimal(amount, 'USD'), 'USD'), amount);
    }
  });

  test('tax rates: basis points shown as percent and back', () => {
    assert.equal(basisPointsToPercent(1500), '15.00');
    assert.equal(basisPointsToPercent(725), '7.25');
    assert.equal(basisPointsToPercent(0), '0.00');
    assert.equal(percentToBasisPoints('15'), 1500);
    assert.equal(percentToBasisPoints('7.25'), 725);
    assert.equal(percentToBasisPoints('8.7'), 870);
    assert.equal(percentToBasisPoints('0.01'), 1);
    assert.equal(percentToBasisPoints('7.255'), null);
    assert.equal(percentToBasisPoints('-1'), null);
    assert.equal(percentToBasisPoints('abc'), null);
  });
});
