// Stock movement references and reasons in words.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { reasonLabels, referenceText } from './reasons';

describe('stock movement wording', () => {
  test('references read as words', () => {
    assert.equal(referenceText('manual'), '');
    assert.equal(referenceText(null), '');
    assert.equal(referenceText('product:12'), 'Entered with the new product');
    assert.equal(referenceText('ORD-000042', 'order_placed'), 'Order ORD-000042');
    assert.equal(referenceText('PO-000003', 'purchase_received'), 'Purchase PO-000003');
    assert.equal(referenceText('something-else'), 'something-else');
    assert.equal(referenceText('import', 'adjustment'), 'CSV import');
    assert.equal(referenceText('SC-000007', 'stock_count'), 'Stock count SC-000007');
    assert.equal(reasonLabels.offline_sale_cancelled, 'In-store sale cancelled');
  });
});
