// The reorder screen: a selection becomes one draft purchase per supplier.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { ReorderLine } from '../types';
import { canOrder, draftPurchases, selectAll } from './reorder';

const line = (over: Partial<ReorderLine>): ReorderLine => ({
  variantId: 1,
  productId: 1,
  sku: 'SKU',
  productName: 'Thing',
  attributes: {},
  stock: 1,
  threshold: 5,
  lastSupplierId: 10,
  lastSupplierName: 'Acme',
  lastUnitCost: 250,
  soldLast90Days: 9,
  onOrder: 0,
  suggestedQuantity: 5,
  ...over,
});

describe('the reorder screen', () => {
  const lines = [
    line({ variantId: 1, lastSupplierId: 10, lastSupplierName: 'Acme', lastUnitCost: 250, suggestedQuantity: 5 }),
    line({ variantId: 2, lastSupplierId: 20, lastSupplierName: 'Bolt', lastUnitCost: 90, suggestedQuantity: 12 }),
    line({ variantId: 3, lastSupplierId: 10, lastSupplierName: 'Acme', lastUnitCost: 1200, suggestedQuantity: 2 }),
    line({ variantId: 4, lastSupplierId: null, lastSupplierName: null, lastUnitCost: null, suggestedQuantity: 6 }),
  ];

  test('one draft purchase per last supplier, at the last unit cost and the chosen quantity', () => {
    const selected = new Map([
      [1, 5],
      [2, 20],
      [3, 2],
      [4, 6],
    ]);
    assert.deepEqual(draftPurchases(lines, selected), [
      {
        supplierId: 10,
        supplierName: 'Acme',
        lines: [
          { variantId: 1, quantity: 5, unitCost: 250 },
          { variantId: 3, quantity: 2, unitCost: 1200 },
        ],
      },
      { supplierId: 20, supplierName: 'Bolt', lines: [{ variantId: 2, quantity: 20, unitCost: 90 }] },
    ]);
  });

  test('lines without a supplier, or a quantity that is not a whole positive number, are left out', () => {
    assert.equal(canOrder(lines[3]), false);
    assert.deepEqual(
      draftPurchases(
        lines,
        new Map([
          [1, 0],
          [2, 1.5],
          [4, 3],
        ]),
      ),
      [],
    );
  });

  test('select all takes every orderable line at its suggestion', () => {
    assert.deepEqual(
      [...selectAll(lines)],
      [
        [1, 5],
        [2, 12],
        [3, 2],
      ],
    );
  });
});
