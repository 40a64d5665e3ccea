// The dashboard's receivables: two parts, each opening the list of the records that owe it.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { receivablesParts } from './receivables';

describe('outstanding receivables', () => {
  test('are shown online and in-store, each with its own list, oldest first', () => {
    const [online, inStore] = receivablesParts({ outstandingOnline: 1100, outstandingOffline: 500 });
    assert.deepEqual([online.label, online.amount, online.resource], ['Online', 1100, 'orders']);
    assert.deepEqual(online.filter, { status: ['pending', 'processing', 'shipped', 'delivered', 'returned'], paymentStatus: ['unpaid', 'partially_paid'] });
    assert.deepEqual([inStore.label, inStore.amount, inStore.resource], ['In-store', 500, 'offline-sales']);
    assert.deepEqual(inStore.filter, { status: 'completed', paymentStatus: ['unpaid', 'partially_paid'] });
    assert.deepEqual([online.sort.order, inStore.sort.order], ['ASC', 'ASC']);
  });
});
