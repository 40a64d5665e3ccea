// The booking calendar's rules: the list filter of a visible range, bookings as events (times,
// names, colours, what may be dragged) and what a drop sends or why it is refused.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, test } from 'vitest';
import type { Booking } from '../types';
import { bookingToEvent, createAtSearch, customerIdsOf, customerNameOf, dropDecision, rangeFilter, refusalMessage, type CustomerNames } from './calendar';

const booking = (changes: Partial<Booking> = {}): Booking =>
  ({
    id: 31,
    customerId: 42,
    offlineCustomerId: null,
    assigneeId: 3,
    serviceTypeId: 2,
    serviceName: 'Electrician',
    price: 8000,
    durationMinutes: 90,
    scheduledAt: '2027-01-05T09:00:00.000Z',
    address: '12 Analytical Way',
    notes: '',
    status: 'pending',
    subtotal: 8000,
    taxRateBps: 2000,
    taxTotal: 1600,
    total: 9600,
    paidAmount: 0,
    balance: 9600,
    paymentStatus: 'unpaid',
    refundedAmount: 0,
    invoiceId: null,
    completedAt: null,
    cancelledAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    ...changes,
  }) as Booking;

const names: CustomerNames = {
  accounts: new Map([
    [42, { fullName: 'Carla Customer', email: 'carla@chance.test' }],
    [43, { fullName: '', email: 'nameless@chance.test' }],
  ]),
  inStore: new Map([[7, { name: 'Ivan Walker' }]]),
};

const before = Date.parse('2027-01-01T00:00:00Z');

describe('the booking calendar', () => {
  test('a visible range is one list filter: from its start to the last millisecond before its (exclusive) end, with the chosen assignee', () => {
    const week = { start: new Date('2027-01-04T00:00:00.000Z'), end: new Date('2027-01-11T00:00:00.000Z') };
    assert.deepEqual(rangeFilter(week), { from: '2027-01-04T00:00:00.000Z', to: '2027-01-10T23:59:59.999Z' });
    assert.deepEqual(rangeFilter(week, 'all'), { from: '2027-01-04T00:00:00.000Z', to: '2027-01-10T23:59:59.999Z' });
    assert.deepEqual(rangeFilter(week, 5), { from: '2027-01-04T00:00:00.000Z', to: '2027-01-10T23:59:59.999Z', assigneeId: 5 });
    // Any range: `from` ≤ `to`, both inside it, and a booking at the very end is left to the next range.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 1e10 }), (start, length) => {
        const filter = rangeFilter({ start: new Date(start), end: new Date(start + length) });
        const from = Date.parse(String(filter.from));
        const to = Date.parse(String(filter.to));
        return from === start && to === start + length - 1 && from <= to;
      }),
    );
  });

  test('a booking is an event from its time for its duration, titled by service and customer, coloured by status; only pending ones move', () => {
    const event = bookingToEvent(booking(), names, before);
    assert.deepEqual(event, {
      id: '31',
      title: 'Electrician · Carla Customer',
      start: '2027-01-05T09:00:00.000Z',
      end: '2027-01-05T10:30:00.000Z',
      startEditable: true,
      durationEditable: false,
      classNames: ['booking-pending'],
      extendedProps: { bookingId: 31, serviceName: 'Electrician', customer: 'Carla Customer', look: 'pending', statusLabel: 'Pending' },
    });
    const done = bookingToEvent(booking({ status: 'completed' }), names, before);
    assert.equal(done.startEditable, false);
    assert.deepEqual(done.classNames, ['booking-completed']);
    assert.equal(done.extendedProps.statusLabel, 'Completed');
    assert.equal(bookingToEvent(booking({ status: 'cancelled' }), names, before).startEditable, false);
    // A pending visit whose time has passed is "Past due" (it can still be moved, into the future).
    const late = bookingToEvent(booking(), names, Date.parse('2027-01-05T12:00:00Z'));
    assert.deepEqual([late.extendedProps.look, late.extendedProps.statusLabel, late.startEditable], ['pastDue', 'Past due', true]);
  });

  test('customers are named from one lookup of accounts and one of in-store customers; the number until the name is known', () => {
    const bookings = [
      booking({ customerId: 43 }),
      booking({ customerId: 42 }),
      booking({ customerId: 42 }),
      booking({ customerId: null, offlineCustomerId: 7 }),
      booking({ customerId: null, offlineCustomerId: 9 }),
    ];
    assert.deepEqual(customerIdsOf(bookings), { accountIds: [42, 43], inStoreIds: [7, 9] });
    assert.deepEqual(
      bookings.map((b) => customerNameOf(b, names)),
      ['nameless@chance.test', 'Carla Customer', 'Carla Customer', 'Ivan Walker (in store)', 'In-store customer #9'],
    );
    assert.equal(customerNameOf(booking({ customerId: 50 }), names), 'Customer #50');
    assert.equal(bookingToEvent(booking({ customerId: null, offlineCustomerId: 7 }), names, before).title, 'Electrician · Ivan Walker (in store)');
  });

  test('a drop moves a pending visit to the new instant; a completed or cancelled one, or a time in the past, is refused before anything is sent', () => {
    const now = Date.parse('2027-01-03T12:00:00Z');
    assert.deepEqual(dropDecision(booking(), new Date('2027-01-06T14:30:00Z'), now), { ok: true, body: { scheduledAt: '2027-01-06T14:30:00.000Z' } });
    assert.deepEqual(dropDecision(booking({ status: 'completed' }), new Date('2027-01-06T14:30:00Z'), now), {
      ok: false,
      message: 'This booking is completed: it can no longer be moved.',
    });
    assert.equal(dropDecision(booking({ status: 'cancelled' }), new Date('2027-01-06T14:30:00Z'), now).ok, false);
    assert.deepEqual(dropDecision(booking(), new Date('2027-01-02T14:30:00Z'), now), {
      ok: false,
      message: 'Choose a time in the future: a visit cannot be moved into the past.',
    });
    assert.equal(dropDecision(booking(), new Date(now), now).ok, false, 'now is not the future');
    assert.equal(dropDecision(booking(), null, now).ok, false);
  });

  test('what the API refuses is said in the calendar’s words, and the booking stays where it was', () => {
    assert.equal(
      refusalMessage({ code: 'INVALID_TRANSITION', message: 'A cancelled booking cannot be rescheduled or reassigned' }),
      'This booking is no longer pending (it was completed or cancelled meanwhile): it stays where it was.',
    );
    assert.equal(
      refusalMessage({ code: 'VALIDATION_FAILED', scheduledAt: 'must be in the future', message: 'Validation failed' }),
      'The new time was refused (must be in the future): the booking stays where it was.',
    );
    assert.equal(refusalMessage({ code: 'NOT_FOUND', message: 'Booking not found' }), 'Booking not found: the booking stays where it was.');
    assert.equal(refusalMessage({}), 'The booking could not be moved: it stays where it was.');
  });

  test('a click on a future time opens the new booking form at that time; a past time opens nothing', () => {
    const now = Date.parse('2027-01-03T12:00:00Z');
    const search = createAtSearch(new Date('2027-01-04T09:30:00Z'), now);
    assert.equal(search, `?source=${encodeURIComponent('{"scheduledAt":"2027-01-04T09:30:00.000Z"}')}`);
    assert.deepEqual(JSON.parse(new URLSearchParams(search!).get('source')!), { scheduledAt: '2027-01-04T09:30:00.000Z' });
    assert.equal(createAtSearch(new Date('2027-01-03T11:30:00Z'), now), null);
    assert.equal(createAtSearch(new Date(now), now), null);
  });
});
