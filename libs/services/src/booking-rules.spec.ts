import fc from 'fast-check';
import { DomainError, roundHalfUp } from '@chance/core';
import { assertBookingMove, assertFuture, assertReschedulable, BOOKING_STATUSES, bookingParty, bookingTotals } from './booking-rules.js';

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
  it('reschedules only a pending booking, and says so in those words', () => {
    expect(() => assertReschedulable('pending')).not.toThrow();
    for (const status of ['completed', 'cancelled'] as const) {
      expect(() => assertReschedulable(status)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION', message: `A ${status} booking cannot be rescheduled or reassigned` }),
      );
    }
  });
  it('refuses a time that is not in the future', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(() => assertFuture(new Date('2026-11-25T12:00:00Z'), now)).toThrow(DomainError);
    expect(() => assertFuture(new Date('2026-11-25T11:59:59Z'), now)).toThrow(DomainError);
    expect(() => assertFuture(new Date('2026-11-25T12:00:01Z'), now)).not.toThrow();
  });
});

describe('whom a booking is for', () => {
  const refusal = (customerId: number | null | undefined, offlineCustomerId: number | null | undefined) => {
    try {
      bookingParty(customerId, offlineCustomerId);
      return null;
    } catch (e) {
      return [(e as DomainError).code, Object.keys((e as DomainError).errors ?? {}).sort()];
    }
  };
  it('takes exactly one of an account and an in-store customer', () => {
    expect(bookingParty(7, undefined)).toEqual({ kind: 'account', customerId: 7 });
    expect(bookingParty(null, 9)).toEqual({ kind: 'in_store', offlineCustomerId: 9 });
    expect(refusal(7, 9)).toEqual(['VALIDATION_FAILED', ['customerId', 'offlineCustomerId']]);
    expect(refusal(undefined, undefined)).toEqual(['VALIDATION_FAILED', ['customerId', 'offlineCustomerId']]);
    expect(refusal(null, null)).toEqual(['VALIDATION_FAILED', ['customerId', 'offlineCustomerId']]);
  });
});

describe('booking totals', () => {
  it('taxes the price at the rate, rounding half up once', () => {
    expect(bookingTotals(8000, 2000)).toEqual({ subtotal: 8000, taxRateBps: 2000, taxTotal: 1600, total: 9600 });
    // 0.5 of a cent rounds up: 1 × 5000 / 10000
    expect(bookingTotals(1, 5000)).toEqual({ subtotal: 1, taxRateBps: 5000, taxTotal: 1, total: 2 });
    expect(bookingTotals(8000, 0)).toEqual({ subtotal: 8000, taxRateBps: 0, taxTotal: 0, total: 8000 });
  });
  it('always has total = subtotal + tax, tax = roundHalfUp(subtotal × rate / 10000)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), (price, rate) => {
        const t = bookingTotals(price, rate);
        expect(t.subtotal).toBe(price);
        expect(t.taxTotal).toBe(roundHalfUp(price * rate, 10_000));
        expect(t.total).toBe(t.subtotal + t.taxTotal);
      }),
    );
  });
});
