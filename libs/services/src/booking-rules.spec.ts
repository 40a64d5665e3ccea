import { DomainError } from '@chance/core';
import { assertBookingMove, assertFuture, BOOKING_STATUSES } from './booking-rules.js';

describe('booking rules', () => {
  it('moves only from pending, to completed or cancelled', () => {
    for (const from of BOOKING_STATUSES) {
      for (const to of BOOKING_STATUSES) {
        const allowed = from === 'pending' && to !== 'pending';
        let ok = true;
        try {
          assertBookingMove(from, to);
        } catch (e) {
          expect((e as DomainError).code).toBe('INVALID_TRANSITION');
          ok = false;
        }
        expect([from, to, ok]).toEqual([from, to, allowed]);
      }
    }
  });
  it('refuses a time that is not in the future', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(() => assertFuture(new Date('2026-11-25T12:00:00Z'), now)).toThrow(DomainError);
    expect(() => assertFuture(new Date('2026-11-25T11:59:59Z'), now)).toThrow(DomainError);
    expect(() => assertFuture(new Date('2026-11-25T12:00:01Z'), now)).not.toThrow();
  });
});
