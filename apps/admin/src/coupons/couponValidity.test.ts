// A coupon whose end day has passed is saved with a warning, not in silence (and not refused).
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { expiredValidToWarning, utcDayOf } from './couponValidity';

const now = new Date('2026-12-07T03:00:00Z');

describe('a coupon’s end day', () => {
  test('before today (UTC) is warned about, naming the day', () => {
    assert.match(expiredValidToWarning('2026-12-06', now) ?? '', /2026-12-06 has passed: this coupon will not apply to any order/);
    // as loaded from the API on edit: the end of that day
    assert.match(expiredValidToWarning('2026-11-30T23:59:59.999Z', now) ?? '', /2026-11-30 has passed/);
  });

  test('today, later or none is no warning', () => {
    assert.equal(expiredValidToWarning('2026-12-07', now), undefined);
    assert.equal(expiredValidToWarning('2026-12-31', now), undefined);
    assert.equal(expiredValidToWarning(null, now), undefined);
    assert.equal(expiredValidToWarning('', now), undefined);
  });

  test('counts in UTC days: late on the 6th in New York is already the 7th in UTC', () => {
    assert.match(expiredValidToWarning('2026-12-06', new Date('2026-12-06T23:30:00-05:00')) ?? '', /has passed/);
    assert.equal(utcDayOf('2026-12-06T10:00:00Z'), '2026-12-06');
  });
});
