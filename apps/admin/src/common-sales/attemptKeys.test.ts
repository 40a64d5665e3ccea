// The Idempotency-Key of the refund dialogs: one per attempt, kept for a retry that may not have
// been settled, new once an answer is final or the request changes.
import assert from 'node:assert/strict';
import { HttpError } from 'react-admin';
import { describe, test } from 'vitest';
import { AttemptKeys, newIdempotencyKey } from './adminActions';

describe('refund attempt keys', () => {
  test('a key is 32 hex digits, new each time', () => {
    assert.match(newIdempotencyKey(), /^[0-9a-f]{32}$/);
    assert.notEqual(newIdempotencyKey(), newIdempotencyKey());
  });

  test('the same request keeps its key after a lost answer, a 5xx or IDEMPOTENCY_IN_PROGRESS', () => {
    const keys = new AttemptKeys();
    const first = keys.keyFor({ amount: 500 });
    keys.settle(new TypeError('Failed to fetch'));
    assert.equal(keys.keyFor({ amount: 500 }), first);
    keys.settle(new HttpError('Unavailable', 503, {}));
    assert.equal(keys.keyFor({ amount: 500 }), first);
    keys.settle(new HttpError('Busy', 409, { code: 'IDEMPOTENCY_IN_PROGRESS' }));
    assert.equal(keys.keyFor({ amount: 500 }), first);
  });

  test('a final answer or a changed request starts a new attempt', () => {
    const keys = new AttemptKeys();
    const first = keys.keyFor({ amount: 500 });
    assert.notEqual(keys.keyFor({ amount: 400 }), first);
    const second = keys.keyFor({ amount: 400 });
    keys.settle(new HttpError('Too much', 422, { code: 'REFUND_EXCEEDS_PAID' }));
    assert.notEqual(keys.keyFor({ amount: 400 }), second);
    const third = keys.keyFor({ amount: 400 });
    keys.settle();
    assert.notEqual(keys.keyFor({ amount: 400 }), third);
  });
});
