import fc from 'fast-check';
import { inSupportedYears, parseCalendarDate, parseInstant, utcDate } from './dates.js';

describe('parseInstant', () => {
  it('reads a date-only value as the start of the UTC day', () => {
    expect(parseInstant('2026-11-25').toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
  it('reads a date-only inclusive end as the end of the UTC day', () => {
    expect(parseInstant('2026-11-25', { endOfDay: true }).toISOString()).toBe('2026-11-25T23:59:59.999Z');
  });
  it('keeps full instants with their offset', () => {
    expect(parseInstant('2026-11-25T10:00:00+02:00').toISOString()).toBe('2026-11-25T08:00:00.000Z');
  });
  it('refuses impossible dates', () => {
    expect(() => parseInstant('2026-02-30')).toThrow(RangeError);
    expect(() => parseInstant('soon')).toThrow(RangeError);
  });
  it('refuses years outside 1900–9999, also when an offset carries the instant over', () => {
    for (const value of [
      '1899-12-31',
      '0001-01-01',
      '1899-12-31T23:59:59Z',
      '9999-12-31T23:00:00-05:00',
      '+010000-01-01T00:00:00Z',
      '-000001-01-01T00:00:00Z',
    ]) {
      expect(() => parseInstant(value)).toThrow(RangeError);
    }
    expect(parseInstant('1900-01-01').toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(parseInstant('9999-12-31', { endOfDay: true }).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
  it('accepts exactly the instants whose UTC year is 1900 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('-001000-01-01T00:00:00Z'), max: new Date('+012000-01-01T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const year = instant.getUTCFullYear();
        expect(inSupportedYears(instant)).toBe(year >= 1900 && year <= 9999);
        if (year >= 1900 && year <= 9999) expect(parseInstant(instant.toISOString()).getTime()).toBe(instant.getTime());
        else expect(() => parseInstant(instant.toISOString())).toThrow(RangeError);
      }),
    );
  });
  it('reads calendar dates only', () => {
    expect(parseCalendarDate('2026-11-25')?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    for (const value of ['2026-11-25T00:00:00Z', '2026-02-30', '1899-12-31', 20261125, undefined]) expect(parseCalendarDate(value)).toBeUndefined();
  });
  it('formats the UTC date of an instant', () => {
    expect(utcDate(new Date('2026-11-25T23:30:00-02:00'))).toBe('2026-11-26');
  });
});
