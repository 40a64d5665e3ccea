import fc from 'fast-check';
import { DomainError } from '@chance/core';
import { assertEditable, assertPurchaseMove, PURCHASE_STATUSES, purchaseTotals, type PurchaseStatus } from './purchase-rules.js';

describe('purchase rules', () => {
  it('computes totals from quantity × unit cost plus the bill’s shipping and tax', () => {
    expect(
      purchaseTotals(
        [
          { quantity: 10, unitCost: 250 },
          { quantity: 3, unitCost: 1999 },
        ],
        1500,
        720,
      ),
    ).toEqual({
      lineTotals: [2500, 5997],
      subtotal: 8497,
      shippingCost: 1500,
      taxTotal: 720,
      total: 10717,
    });
  });

  it('always adds up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitCost: fc.nat(100_000) })),
        fc.nat(1e6),
        fc.nat(1e6),
        (lines, ship, tax) => {
          const t = purchaseTotals(lines, ship, tax);
          expect(t.total).toBe(t.subtotal + ship + tax);
          expect(t.subtotal).toBe(t.lineTotals.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });

  it('allows receipt and cancellation only before receipt, and never twice', () => {
    const allowed = new Set(['draft>ordered', 'draft>received', 'draft>cancelled', 'ordered>received', 'ordered>cancelled']);
    for (const from of PURCHASE_STATUSES) {
      for (const to of PURCHASE_STATUSES) {
        const key = `${from}>${to}`;
        let ok = true;
        try {
          assertPurchaseMove(from, to);
        } catch (e) {
          expect((e as DomainError).code).toBe('INVALID_TRANSITION');
          ok = false;
        }
        expect([key, ok]).toEqual([key, allowed.has(key)]);
      }
    }
  });

  it('lets lines change only before receipt', () => {
    for (const status of ['draft', 'ordered'] as PurchaseStatus[]) expect(() => assertEditable(status)).not.toThrow();
    for (const status of ['received', 'cancelled'] as PurchaseStatus[]) expect(() => assertEditable(status)).toThrow(DomainError);
  });
});
