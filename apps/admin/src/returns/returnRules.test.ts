// The amounts the "Return items" and "Refund" dialogs show before anyone confirms: the API's own
// pure module, over the records as the admin API returns them.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { OfflineSale, Order, Return } from '../common-sales/types';
import { canReturn, canTakeReturnAction, directRefundPreview, previewReturn, refundableOf, returnedUnits, returnSourceText } from './returnRules';

// 2 × 19.99, 3.33 off, 6.00 shipping, 10 % tax: 46.32, paid in full
const order = {
  id: 1,
  status: 'delivered',
  subtotal: 3998,
  discountTotal: 333,
  shippingTotal: 600,
  taxRateBps: 1000,
  taxTotal: 367,
  total: 4632,
  paidAmount: 4632,
  refundedAmount: 0,
  lines: [{ id: 7, unitPrice: 1999, quantity: 2 }],
} as unknown as Order;

const returned = (id: number, status: Return['status'], quantity: number, figures: Partial<Return>): Return =>
  ({ id, status, lines: [{ lineId: 7, quantity }], subtotal: 0, discountTotal: 0, shippingTotal: 0, taxTotal: 0, ...figures }) as unknown as Return;

describe('the return dialog’s preview', () => {
  test('prices one of two units with the order’s discount and tax, and says what the refund gives', () => {
    const preview = previewReturn(order, [], new Map([[7, 1]]));
    assert.deepEqual(preview.figures, { subtotal: 1999, discountTotal: 167, shippingTotal: 0, taxTotal: 183, total: 2015, completes: false });
    assert.equal(preview.refund, 2015);
    assert.equal(preview.returnable.get(7), 2);
  });

  test('gives the return that completes every unit the rest, shipping included; rejected returns hold nothing', () => {
    const first = returned(1, 'refunded', 1, { subtotal: 1999, discountTotal: 167, taxTotal: 183 });
    const rejected = returned(2, 'rejected', 1, {});
    const preview = previewReturn({ ...order, refundedAmount: 2015 }, [first, rejected], new Map([[7, 1]]));
    assert.deepEqual(preview.figures, { subtotal: 1999, discountTotal: 166, shippingTotal: 600, taxTotal: 184, total: 2617, completes: true });
    assert.equal(preview.refund, 2617);
    assert.equal(preview.returnable.get(7), 1);
  });

  test('never promises more than is left of what was paid', () => {
    assert.equal(previewReturn({ ...order, paidAmount: 1000 }, [], new Map([[7, 1]])).refund, 1000);
    assert.equal(previewReturn(order, [], new Map()).figures, null);
  });

  test('prices an in-store sale with its discount and no shipping', () => {
    const { shippingTotal: _shipping, discountTotal: _discount, ...rest } = order as unknown as Record<string, unknown>;
    const sale = {
      ...rest,
      status: 'completed',
      discount: 500,
      subtotal: 5997,
      taxTotal: 550,
      total: 6047,
      paidAmount: 6047,
      lines: [{ id: 3, unitPrice: 1999, quantity: 3 }],
    };
    const preview = previewReturn(sale as unknown as OfflineSale, [], new Map([[3, 1]]));
    assert.deepEqual(preview.figures, { subtotal: 1999, discountTotal: 167, shippingTotal: 0, taxTotal: 183, total: 2015, completes: false });
    assert.equal(canReturn(sale as unknown as OfflineSale), true);
  });
});

describe('refunds and actions', () => {
  test('a direct refund gives at most what is left of what was paid, and its credit note takes the tax out', () => {
    assert.equal(refundableOf({ paidAmount: 5000, refundedAmount: 1200, status: 'delivered' }), 3800);
    assert.equal(refundableOf({ refundedAmount: 0, status: 'pending' }), 0);
    assert.equal(refundableOf({ paidAmount: 5000, refundedAmount: 0, status: 'cancelled' }), 0);
    assert.deepEqual(directRefundPreview(1100, 'Late', 1000), {
      lines: [{ description: 'Refund: Late', quantity: 1, unitPrice: 1000, lineTotal: 1000 }],
      subtotal: 1000,
      discountTotal: 0,
      shippingTotal: 0,
      taxTotal: 100,
      total: 1100,
    });
  });

  test('offers only the actions the status allows', () => {
    assert.equal(canTakeReturnAction('approve', 'requested'), true);
    assert.equal(canTakeReturnAction('receive', 'requested'), false);
    assert.equal(canTakeReturnAction('refund', 'approved'), true);
    assert.equal(canTakeReturnAction('cancel', 'received'), false);
    assert.equal(canReturn({ ...order, status: 'processing' }), false);
  });
});

describe('a return in the lists', () => {
  test('counts the units of all its lines', () => {
    assert.equal(returnedUnits({ lines: [{ quantity: 2 }, { quantity: 1 }] } as unknown as Return), 3);
    assert.equal(returnedUnits({ lines: [] } as unknown as Return), 0);
  });

  test('says who made it', () => {
    assert.equal(returnSourceText('store'), 'By the customer');
    assert.equal(returnSourceText('admin'), 'By staff');
  });
});
