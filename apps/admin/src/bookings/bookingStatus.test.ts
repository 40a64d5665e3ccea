// The bookings' times: "upcoming" from the current minute, the dashboard's week, past-due visits,
// local inputs to instants, and durations in words.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { durationText } from '../service-types/duration';
import { isPastDue, localToIso, nowMinute, upcomingWeekFilter } from './bookingStatus';

describe('bookings', () => {
  test('"upcoming" starts at the current minute; the dashboard’s week ends 7 days later; past pending visits are past due', () => {
    const now = new Date('2026-11-25T10:15:42.123Z');
    assert.equal(nowMinute(now), '2026-11-25T10:15:00.000Z');
    assert.deepEqual(upcomingWeekFilter(now), {
      status: 'pending',
      scheduledAt_gte: '2026-11-25T10:15:00.000Z',
      scheduledAt_lte: '2026-12-02T10:15:42.123Z',
    });
    assert.equal(isPastDue({ status: 'pending', scheduledAt: '2026-11-25T10:00:00Z' }, now.getTime()), true);
    assert.equal(isPastDue({ status: 'completed', scheduledAt: '2026-11-25T10:00:00Z' }, now.getTime()), false);
    assert.equal(isPastDue({ status: 'pending', scheduledAt: '2026-11-26T10:00:00Z' }, now.getTime()), false);
    assert.equal(localToIso('2030-01-15T10:30'), new Date('2030-01-15T10:30').toISOString());
    assert.equal(localToIso(''), '');
    assert.equal(durationText(45), '45 min');
    assert.equal(durationText(120), '2 h');
  });
});
