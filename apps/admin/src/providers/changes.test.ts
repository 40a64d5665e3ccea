// Partial updates: what an edit changed, so that a PUT carries only that.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { changedFields } from './changes';

describe('partial updates', () => {
  test('changedFields keeps only what differs', () => {
    const previous: Record<string, unknown> = { id: 2, email: 'a@b.c', fullName: 'Sam', phone: null, address: null, tags: ['x'], meta: { a: 1 } };
    assert.deepEqual(changedFields({ ...previous }, previous), {});
    assert.deepEqual(changedFields({ ...previous, phone: '+1 555' }, previous), { phone: '+1 555' });
    assert.deepEqual(changedFields({ ...previous, phone: undefined }, previous), {}, 'null and undefined are both empty');
    assert.deepEqual(changedFields({ ...previous, tags: ['x', 'y'] }, previous), { tags: ['x', 'y'] });
    assert.deepEqual(changedFields({ ...previous, meta: { a: 1 } }, previous), {});
    assert.deepEqual(changedFields({ ...previous, meta: { a: 2 } }, previous), { meta: { a: 2 } });
    assert.deepEqual(changedFields({ isActive: false }, { isActive: true }), { isActive: false });
    assert.deepEqual(changedFields({ password: 'secret' }, {}), { password: 'secret' });
  });
});
