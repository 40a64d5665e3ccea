// The toasts after saving: the record's name, never react-admin's "Element created".
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { i18nProvider } from './i18nProvider';

const t = (key: string, options?: object) => i18nProvider.translate(key, options);

describe('save, create and delete toasts', () => {
  test('name the record', () => {
    assert.equal(t('resources.products.notifications.created'), 'Product created');
    assert.equal(t('resources.coupons.notifications.updated', { smart_count: 1 }), 'Coupon saved');
    assert.equal(t('resources.offline-customers.notifications.created'), 'In-store customer created');
    assert.equal(t('resources.purchase-invoices.notifications.deleted', { smart_count: 1 }), 'Purchase invoice deleted');
  });

  test('a record without words of its own gets plain words, not "Element"', () => {
    assert.equal(t('ra.notification.created', { smart_count: 1 }), 'Created');
    assert.equal(t('ra.notification.updated', { smart_count: 1 }), 'Saved');
    assert.equal(t('ra.notification.deleted', { smart_count: 3 }), '3 deleted');
  });
});
