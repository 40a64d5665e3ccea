// The dashboard's receivables: three parts, each opening the list of the records that owe it.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { receivablesParts } from './receivables';

describe('outstanding receivables', () => {
  test('are shown online, in-store and for services, each with its own list, oldest first', () => {
    const [online, inStore, services] = receivablesParts({ outstandingOnline: 1100, outstandingOffline: 500, outstandingServices: 9600 });
    assert.deepEqual([online.label, online.amount, online.resource], ['Online', 1100, 'orders']);
    assert.deepEqual(online.filter, { status: ['pending', 'processing', 'shipped', 'delivered', 'returned'], paymentStatus: ['unpaid', 'partially_paid'] });
    assert.deepEqual([inStore.label, inStore.amount, inStore.resource], ['In-store', 500, 'offline-sales']);
    assert.deepEqual(inStore.filter, { status: 'completed', paymentStatus: ['unpaid', 'partially_paid'] });
    assert.deepEqual([services.label, services.amount, services.resource], ['Services', 9600, 'bookings']);
    assert.deepEqual(services.filter, { status: 'completed', paymentStatus: ['unpaid', 'partially_paid'] });
    assert.deepEqual([online.sort.order, inStore.sort.order, services.sort.order], ['ASC', 'ASC', 'ASC']);
  });
});
