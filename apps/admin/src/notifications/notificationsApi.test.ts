// The notification stream's events and address.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { notificationStreamUrl, parseNotificationEvent } from './notificationsApi';

const at = '2026-11-25T10:00:00.000Z';

describe('notifications', () => {
  test('stream events: notifications parsed, anything else ignored; the token travels in the query', () => {
    const notification = { id: 4, type: 'message', title: 'Live', body: 'Streamed', link: null, readAt: null, createdAt: at };
    assert.deepEqual(parseNotificationEvent(JSON.stringify(notification)), notification);
    assert.equal(parseNotificationEvent('not json'), null);
    assert.equal(parseNotificationEvent('{"hello":1}'), null);
    assert.equal(parseNotificationEvent(undefined), null);
    assert.equal(notificationStreamUrl('a.b+c'), '/api/me/notifications/stream?accessToken=a.b%2Bc');
  });
});
