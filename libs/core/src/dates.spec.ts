import { parseInstant, utcDate } from './dates.js';

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
  it('formats the UTC date of an instant', () => {
    expect(utcDate(new Date('2026-11-25T23:30:00-02:00'))).toBe('2026-11-26');
  });
});
