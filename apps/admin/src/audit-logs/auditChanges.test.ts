// The audit log in words: a request's rows grouped into one event, parked values merged away,
// secrets hidden, values formatted as money, rates, durations, dates, words and references.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { AuditLogEntry } from '../types';
import { actionLabel, formatValue, groupHistory, humanize, operationResource, partActionLabel, referenceOf } from './auditChanges';

const at = '2026-11-25T10:00:00.000Z';
/** An audit log row of the API, with the given fields. */
const entry = (id: number, fields: Partial<AuditLogEntry>): AuditLogEntry => ({
  id,
  actorId: 1,
  apiKeyId: null,
  action: 'update',
  resource: 'products',
  resourceId: 5,
  parentResource: null,
  parentId: null,
  operation: 'PUT /api/admin/products/:id',
  at,
  changes: {},
  ...fields,
});

describe('the audit log in words', () => {
  test('a refund’s bookkeeping (idempotency keys, retry time, draws, stored credit note) stays out of the history', () => {
    const [event] = groupHistory([
      entry(20, {
        action: 'create',
        resource: 'refunds',
        resourceId: 1,
        changes: {
          amount: [null, 2199],
          requestKey: [null, 'k'],
          requestScope: [null, 'return-refund:staff:1'],
          providerKey: [null, 'rf_1'],
          nextCheckAt: [null, at],
          draws: [null, [{ amount: 2199, paymentId: 1 }]],
          creditNote: [null, { lines: [] }],
          profitEffect: [null, -1199],
        },
      }),
    ]);
    assert.deepEqual(
      event.parts[0].changes.map((change) => change.field),
      ['amount'],
    );
  });

  test('the rows of one request form one event: the record first, its parts after, parked values merged away', () => {
    const events = groupHistory(
      [
        // a SKU swap parks the old value as "~1" in between (two rows for one variant)
        entry(14, { resource: 'variants', resourceId: 1, parentResource: 'products', parentId: 5, changes: { sku: ['~1', 'T-M2'], price: [null, 1600] } }),
        entry(13, { resource: 'variants', resourceId: 1, parentResource: 'products', parentId: 5, changes: { sku: ['T-M', '~1'] } }),
        entry(12, { changes: { price: [1500, 1400], updatedAt: ['2026-11-25T09:00:00Z', at] } }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event.action, 'update');
    assert.equal(event.own, true);
    assert.deepEqual(
      event.parts.map((part) => [part.resource, part.kind, part.changes]),
      [
        ['products', 'changed', [{ field: 'price', before: 1500, after: 1400 }]],
        [
          'variants',
          'changed',
          [
            { field: 'sku', before: 'T-M', after: 'T-M2' },
            { field: 'price', before: null, after: 1600 },
          ],
        ],
      ],
    );
  });

  test('created rows keep the values they were given; a later request is another event, newest first', () => {
    const events = groupHistory(
      [
        entry(1, {
          action: 'create',
          operation: 'POST /api/admin/products',
          changes: { id: [null, 5], name: [null, 'Tee'], description: [null, ''], price: [null, 1500] },
        }),
        entry(2, { at: '2026-11-25T11:00:00.000Z', changes: { name: ['Tee', 'Tee'] } }),
        entry(3, { at: '2026-11-25T12:00:00.000Z', changes: { name: ['Tee', 'T-shirt'] } }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(events.length, 2, 'an update that changed nothing is not shown');
    assert.deepEqual(events[0].parts[0].changes, [{ field: 'name', before: 'Tee', after: 'T-shirt' }]);
    assert.equal(events[1].parts[0].kind, 'created');
    assert.deepEqual(
      events[1].parts[0].changes.map((change) => change.field),
      ['name', 'price'],
      'no id, no empty values',
    );
  });

  test('a request that changed only a part (a sale taking stock) says what did it; rows it wrote are updates, not creations', () => {
    const [event] = groupHistory(
      [
        entry(7, {
          action: 'create',
          operation: 'POST /api/admin/offline-sales',
          resource: 'variants',
          resourceId: 1,
          parentResource: 'products',
          parentId: 5,
          changes: { stock: [18, 17] },
        }),
      ],
      { resource: 'products', id: 5 },
    );
    assert.equal(event.own, false);
    assert.equal(event.parts[0].kind, 'changed');
    assert.equal(partActionLabel(event.parts[0]), 'Changed', 'not "Created": the variant existed');
    assert.equal(partActionLabel({ action: 'create', kind: 'created' }), 'Created');
    assert.equal(partActionLabel({ action: 'status', kind: 'changed' }), 'Status changed');
    assert.equal(operationResource(event.operation), 'offline-sales');
    assert.equal(operationResource('POST /api/admin/orders/:id/cancel'), 'orders');
    assert.equal(operationResource(null), undefined);
  });

  test('secrets are never shown, only that they changed', () => {
    const [event] = groupHistory([entry(9, { resource: 'users', resourceId: 3, changes: { passwordHash: ['[hidden]', '[changed]'] } })]);
    assert.equal(event.parts[0].changes.length, 1);
    assert.equal(formatValue('passwordHash', '[changed]', { currency: 'USD' }), 'changed');
  });

  test('values read as money, rates, durations, dates, words and references', () => {
    const usd = { currency: 'USD', locale: 'en-US' };
    assert.equal(formatValue('price', 1999, usd), '$19.99');
    assert.equal(formatValue('taxRateBps', 1500, usd), '15 %');
    assert.equal(formatValue('taxRateBps', 725, usd), '7.25 %');
    assert.equal(formatValue('discountValue', 1000, { ...usd, record: { discountType: 'percentage' } }), '10 %');
    assert.equal(formatValue('discountValue', 1000, { ...usd, record: { discountType: 'fixed' } }), '$10.00');
    assert.equal(formatValue('durationMinutes', 90, usd), '1 h 30 min');
    assert.equal(formatValue('isActive', false, usd), 'no');
    assert.equal(formatValue('paymentStatus', 'partially_paid', usd), 'Partially paid');
    assert.equal(formatValue('attributes', { size: 'M', color: 'red' }, usd), 'size: M, color: red');
    assert.equal(formatValue('variantId', 4, usd), '#4');
    const movement = { ...usd, resource: 'stock-movements', reason: 'offline_sale' };
    assert.equal(formatValue('reason', 'offline_sale', movement), 'In-store sale');
    assert.equal(formatValue('reference', 'SALE-000001', movement), 'In-store sale SALE-000001');
    assert.equal(formatValue('reference', 'product:1', { ...movement, reason: 'initial' }), 'Entered with the new product');
    // other reasons are what someone wrote: a refund's, a returned line's
    assert.equal(formatValue('reason', 'Return RET-000001', { ...usd, resource: 'refunds' }), 'Return RET-000001');
    assert.equal(formatValue('kind', 'cancellation', { ...usd, resource: 'refunds' }), 'Cancellation');
    assert.equal(formatValue('refundAmount', 2199, { ...usd, resource: 'returns' }), '$21.99');
    assert.equal(formatValue('notes', '', usd), '');
    assert.match(formatValue('scheduledAt', '2027-01-05T09:00:00+00:00', usd), /2027/);
    assert.doesNotMatch(formatValue('scheduledAt', '2027-01-05T09:00:00+00:00', usd), /T09/);
    assert.equal(humanize('costPrice'), 'Cost price');
    assert.equal(humanize('categoryId'), 'Category');
    assert.equal(humanize('sku'), 'SKU');
    assert.equal(actionLabel('mark-paid'), 'Marked as paid');
    assert.equal(actionLabel('send-reminder'), 'Send reminder');
    assert.equal(referenceOf('offline-sales', 'customerId'), 'offline-customers');
    assert.equal(referenceOf('bookings', 'customerId'), 'users');
    assert.equal(referenceOf('products', 'categoryId'), 'categories');
  });

  test('a sale’s or order’s cost of goods and profit read as money, not cents', () => {
    const usd = { currency: 'USD', locale: 'en-US' };
    assert.equal(formatValue('costOfGoods', 2175, { ...usd, resource: 'offline-sales' }), '$21.75');
    assert.equal(formatValue('grossProfit', 1200, { ...usd, resource: 'orders' }), '$12.00');
  });

  test('the records a history row points at are named and linked, not shown as "#51"', () => {
    const references: [resource: string, field: string, target: string][] = [
      ['purchases', 'purchaseInvoiceId', 'purchase-invoices'],
      ['orders', 'invoiceId', 'invoices'],
      ['bookings', 'invoiceId', 'invoices'],
      ['orders', 'couponId', 'coupons'],
      ['offline-sales', 'couponId', 'coupons'],
      ['bookings', 'offlineCustomerId', 'offline-customers'],
      ['bookings', 'assigneeId', 'users'],
      ['returns', 'offlineSaleId', 'offline-sales'],
      ['returns', 'bookingId', 'bookings'],
      ['returns', 'refundId', 'refunds'],
      ['refunds', 'returnId', 'returns'],
      ['refunds', 'creditNoteId', 'credit-notes'],
      ['stock-counts', 'countId', 'stock-counts'],
      ['webhooks', 'webhookId', 'webhooks'],
      ['orders', 'apiKeyId', 'api-keys'],
    ];
    for (const [resource, field, target] of references) assert.equal(referenceOf(resource, field), target, `${resource}.${field}`);
  });
});
