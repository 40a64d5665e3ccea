// Where a customer opens, and how a reply is addressed (docs/api.md#messages).
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { customerMessagesPath, customerPagePath, initialMessage, replyPath, replyTitle } from './customerPages';

describe('customer pages', () => {
  test("admins and staff open the customer's page; anyone else nothing of the back office but the messages", () => {
    assert.equal(customerPagePath('admin', 42), '/customers/42/show');
    assert.equal(customerPagePath('staff', 42), '/customers/42/show');
    assert.equal(customerPagePath(undefined, 42), customerMessagesPath(42));
    const url = new URL(customerMessagesPath(42), 'http://spa');
    assert.equal(url.pathname, '/messages');
    assert.deepEqual(JSON.parse(url.searchParams.get('filter')!), { userId: 42 });
    assert.deepEqual(JSON.parse(url.searchParams.get('displayedFilters')!), { userId: true });
  });

  test('a reply is addressed to the customer and titled "Re: …" once', () => {
    assert.equal(replyTitle('Sunday?'), 'Re: Sunday?');
    assert.equal(replyTitle(' RE: Sunday? '), 'RE: Sunday?');
    assert.equal(replyTitle('x'.repeat(200)).length, 200);
    const reply = new URL(replyPath(7, 'Sunday & more?', 'Ada Lovelace'), 'http://spa');
    assert.equal(reply.searchParams.get('to'), 'Ada Lovelace');
    assert.equal(reply.pathname, '/messages/new');
    assert.deepEqual(initialMessage(reply.searchParams), { audience: 'one', userId: 7, title: 'Re: Sunday & more?', body: '' });
    assert.deepEqual(initialMessage(new URL(replyPath(7), 'http://spa').searchParams), { audience: 'one', userId: 7, title: '', body: '' });
  });

  test('without a valid account number the page writes to every customer', () => {
    for (const query of ['', 'userId=', 'userId=abc', 'userId=-3', 'userId=1.5']) {
      assert.deepEqual(initialMessage(new URLSearchParams(query)), { audience: 'all', title: '', body: '' }, query);
    }
  });
});
