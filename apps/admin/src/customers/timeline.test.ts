// The customer timeline's words, links and signs.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { signedTimelineAmount, timelineEntryName, timelineEntryPath, timelinePaymentLook, timelineResource, timelineStatusLook } from './timeline';
import type { TimelineEntry } from './types';

const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
  id: 'order-1',
  kind: 'order',
  resource: 'orders',
  recordId: 1,
  at: '2026-12-01T10:00:00.000Z',
  number: 'ORD-000001',
  title: null,
  amount: 5500,
  status: 'pending',
  paymentStatus: 'unpaid',
  ...over,
});

describe('customer timeline', () => {
  test('each entry opens its record’s page; a message the customer’s messages', () => {
    assert.equal(timelineEntryPath(entry({}), 42), '/orders/1/show');
    assert.equal(timelineEntryPath(entry({ kind: 'offline_sale', resource: 'offline-sales', recordId: 7 }), 42), '/offline-sales/7/show');
    assert.equal(timelineEntryPath(entry({ kind: 'booking', resource: 'bookings', recordId: 3 }), 42), '/bookings/3/show');
    assert.equal(timelineEntryPath(entry({ kind: 'refund', resource: 'refunds', recordId: 9 }), 42), '/refunds/9/show');
    const messages = new URL(timelineEntryPath(entry({ kind: 'message', resource: 'messages', recordId: 5 }), 42), 'http://x');
    assert.equal(messages.pathname, '/messages');
    assert.deepEqual(JSON.parse(messages.searchParams.get('filter')!), { userId: 42 });
    assert.equal(timelineResource(42), 'customers/42/timeline');
  });

  test('a refund takes money back; a message has no amount', () => {
    assert.equal(signedTimelineAmount(entry({ amount: 5500 })), 5500);
    assert.equal(signedTimelineAmount(entry({ kind: 'refund', amount: 700 })), -700);
    assert.equal(signedTimelineAmount(entry({ kind: 'message', amount: null })), null);
  });

  test('names: a number, a service, a title, a refund and its record', () => {
    assert.equal(timelineEntryName(entry({})), 'ORD-000001');
    assert.equal(timelineEntryName(entry({ kind: 'booking', number: null, title: 'Electrician' })), 'Electrician');
    assert.equal(timelineEntryName(entry({ kind: 'message', number: null, title: 'Sunday?' })), 'Sunday?');
    assert.equal(timelineEntryName(entry({ kind: 'refund', number: 'RF-000003', title: 'ORD-000001' })), 'RF-000003 of ORD-000001');
  });

  test('statuses in each record’s own words, unknown ones as they are', () => {
    assert.equal(timelineStatusLook(entry({ status: 'delivered' })).label, 'Delivered');
    assert.equal(timelineStatusLook(entry({ kind: 'offline_sale', status: 'completed' })).label, 'Completed');
    assert.equal(timelineStatusLook(entry({ kind: 'refund', status: 'succeeded' })).label, 'Refunded');
    assert.equal(timelineStatusLook(entry({ kind: 'message', status: 'from_customer' })).label, 'From customer');
    assert.equal(timelineStatusLook(entry({ kind: 'booking', status: 'someday' })).label, 'someday');
    assert.equal(timelinePaymentLook(entry({ paymentStatus: 'partially_paid' }))?.label, 'Partially paid');
    assert.equal(timelinePaymentLook(entry({ kind: 'refund', paymentStatus: null })), null);
  });
});
