import fc from 'fast-check';
import { decimalToMinorUnits, formatMoney, minorUnitDigits, minorUnitsToDecimal } from './money.js';

describe('money', () => {
  it('writes minor units as an exact decimal', () => {
    expect(minorUnitsToDecimal(1999, 2)).toBe('19.99');
    expect(minorUnitsToDecimal(5, 2)).toBe('0.05');
    expect(minorUnitsToDecimal(-5, 2)).toBe('-0.05');
    expect(minorUnitsToDecimal(1234, 0)).toBe('1234');
    expect(minorUnitsToDecimal(1, 3)).toBe('0.001');
  });

  it('round-trips every integer amount through its decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, 2, 3), (amount, digits) => {
        expect(BigInt(minorUnitsToDecimal(amount, digits).replace('.', ''))).toBe(BigInt(amount));
      }),
    );
  });

  it('formats with the currency', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMoney(123456789, 'USD', 'en-US')).toBe('$1,234,567.89');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });

  it('reads what people type back into minor units, exactly', () => {
    expect(decimalToMinorUnits('19.99', 2)).toBe(1999);
    expect(decimalToMinorUnits('20', 2)).toBe(2000);
    expect(decimalToMinorUnits(' 0,5 ', 2)).toBe(50);
    expect(decimalToMinorUnits('500', 0)).toBe(500);
    for (const bad of ['', 'abc', '1.999', '-1', '1e3', '1.2.3']) expect(decimalToMinorUnits(bad, 2)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (amount) => expect(decimalToMinorUnits(minorUnitsToDecimal(amount, 2), 2)).toBe(amount)));
  });
});
