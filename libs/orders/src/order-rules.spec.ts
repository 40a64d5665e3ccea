import fc from 'fast-check';
import { DomainError } from '@chance/core';
import {
  ORDER_STATUSES,
  ORDER_VIEW_STATUSES,
  PAYMENT_STATUSES,
  PAYMENT_VIEW_STATUSES,
  assertEditable,
  assertMove,
  canMove,
  estimatedDeliveryDate,
  paymentState,
  statusAfterPayment,
  stockMovesOfEdit,
  type OrderStatus,
} from './order-rules.js';

describe('the statuses an order answer documents', () => {
  it('include every status of the machine and every payment status it derives', () => {
    expect(ORDER_VIEW_STATUSES).toEqual(expect.arrayContaining([...ORDER_STATUSES]));
    expect(PAYMENT_VIEW_STATUSES).toEqual(expect.arrayContaining([...PAYMENT_STATUSES]));
  });
});

describe('order status machine', () => {
  const allowed: [OrderStatus, OrderStatus][] = [
    ['pending', 'processing'],
    ['processing', 'shipped'],
    ['shipped', 'delivered'],
    ['pending', 'cancelled'],
    ['processing', 'cancelled'],
  ];
  it('allows exactly the contract’s moves', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect([from, to, canMove(from, to)]).toEqual([from, to, expected]);
      }
    }
  });
  it('refuses others with 409 INVALID_TRANSITION', () => {
    for (const [from, to] of [
      ['shipped', 'cancelled'],
      ['delivered', 'pending'],
      ['cancelled', 'pending'],
      ['pending', 'delivered'],
      ['pending', 'pending'],
    ] as [OrderStatus, OrderStatus][]) {
      try {
        assertMove(from, to);
        throw new Error('moved');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('INVALID_TRANSITION');
      }
    }
  });
  it('delivers an order once it is paid, from pending, processing or shipped only', () => {
    const paid = { paidAmount: 1000 };
    expect(statusAfterPayment('pending', paid, 1000)).toBe('delivered');
    expect(statusAfterPayment('processing', paid, 1000)).toBe('delivered');
    expect(statusAfterPayment('shipped', paid, 1000)).toBe('delivered');
    expect(statusAfterPayment('shipped', { paidAmount: 999 }, 1000)).toBe('shipped');
    expect(statusAfterPayment('cancelled', paid, 1000)).toBe('cancelled');
    expect(statusAfterPayment('returned', paid, 1000)).toBe('returned');
  });
  it('never moves to returned by hand: it is only ever automatic', () => {
    for (const from of ORDER_STATUSES) expect(canMove(from, 'returned')).toBe(false);
    for (const to of ORDER_STATUSES) expect(canMove('returned', to)).toBe(false);
  });
});

describe('paymentState', () => {
  it('derives unpaid, partially paid and paid from the payments', () => {
    expect(paymentState(1000, [], false)).toEqual({ paidAmount: 0, refundedAmount: 0, balanceDue: 1000, paymentStatus: 'unpaid' });
    expect(paymentState(1000, [{ amount: 400, status: 'succeeded' }], false)).toEqual({
      paidAmount: 400,
      refundedAmount: 0,
      balanceDue: 600,
      paymentStatus: 'partially_paid',
    });
    expect(
      paymentState(
        1000,
        [
          { amount: 400, status: 'succeeded' },
          { amount: 600, status: 'succeeded' },
        ],
        false,
      ).paymentStatus,
    ).toBe('paid');
  });
  it('shows a cancelled order with nothing paid or due, and what was paid as refunded', () => {
    expect(paymentState(1000, [{ amount: 400, status: 'refunded' }], true)).toEqual({
      paidAmount: 0,
      refundedAmount: 400,
      balanceDue: 0,
      paymentStatus: 'refunded',
    });
    expect(paymentState(1000, [], true)).toEqual({ paidAmount: 0, refundedAmount: 0, balanceDue: 0, paymentStatus: 'unpaid' });
  });
  it('counts neither a pending nor a failed card payment as paid', () => {
    const payments = [
      { amount: 300, status: 'succeeded' as const, refundedAmount: 0 },
      { amount: 700, status: 'pending' as const, refundedAmount: 0 },
      { amount: 700, status: 'failed' as const, refundedAmount: 0 },
    ];
    expect(paymentState(1000, payments, false)).toEqual({ paidAmount: 300, refundedAmount: 0, balanceDue: 700, paymentStatus: 'partially_paid' });
    expect(paymentState(1000, payments, true)).toEqual({ paidAmount: 0, refundedAmount: 300, balanceDue: 0, paymentStatus: 'refunded' });
  });
  it('keeps what was ever paid in paidAmount and counts refunds apart on an order that is not cancelled', () => {
    const payments = [
      { amount: 600, status: 'refunded' as const, refundedAmount: 600 },
      { amount: 400, status: 'succeeded' as const, refundedAmount: 100 },
    ];
    expect(paymentState(1000, payments, false)).toMatchObject({ paidAmount: 1000, refundedAmount: 700, balanceDue: 0 });
  });
  it('says partially_refunded while some of what was paid is left, refunded once all of it went back', () => {
    expect(paymentState(1000, [{ amount: 1000, status: 'succeeded', refundedAmount: 250 }], false)).toEqual({
      paidAmount: 1000,
      refundedAmount: 250,
      balanceDue: 0,
      paymentStatus: 'partially_refunded',
    });
    expect(paymentState(1000, [{ amount: 1000, status: 'refunded', refundedAmount: 1000 }], false).paymentStatus).toBe('refunded');
  });
  it('keeps paid + balance = total while not cancelled', () => {
    fc.assert(
      fc.property(fc.nat(1e7), fc.array(fc.nat(1e5), { maxLength: 10 }), (total, amounts) => {
        const payments = amounts.filter((a) => a > 0).map((amount) => ({ amount, status: 'succeeded' as const }));
        const state = paymentState(total, payments, false);
        if (state.paidAmount <= total) expect(state.paidAmount + state.balanceDue).toBe(total);
        expect(state.balanceDue).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('estimatedDeliveryDate', () => {
  it('adds the largest delivery time to the UTC order date', () => {
    expect(estimatedDeliveryDate(new Date('2026-11-25T23:30:00Z'), [2, 5, 1])).toBe('2026-11-30');
    expect(estimatedDeliveryDate(new Date('2026-12-30T10:00:00Z'), [3])).toBe('2027-01-02');
    expect(estimatedDeliveryDate(new Date('2026-11-25T10:00:00Z'), [])).toBe('2026-11-25');
  });
});

describe('editing an order', () => {
  it('edits drafts, pending and processing orders only', () => {
    for (const status of ORDER_STATUSES) {
      const editable = ['draft', 'pending', 'processing'].includes(status);
      let code: string | null = null;
      try {
        assertEditable(status);
      } catch (error) {
        code = (error as DomainError).code;
      }
      expect([status, code]).toEqual([status, editable ? null : 'INVALID_TRANSITION']);
    }
  });

  it('moves the difference only: 2 → 3 units takes one, a removed line gives its units back, an unchanged one moves nothing', () => {
    expect(
      stockMovesOfEdit(
        [
          { variantId: 7, quantity: 2 },
          { variantId: 3, quantity: 4 },
          { variantId: 5, quantity: 1 },
        ],
        [
          { variantId: 7, quantity: 3 },
          { variantId: 5, quantity: 1 },
          { variantId: 9, quantity: 2 },
        ],
      ),
    ).toEqual([
      { variantId: 3, delta: 4 },
      { variantId: 7, delta: -1 },
      { variantId: 9, delta: -2 },
    ]);
  });

  const lines = fc.array(fc.record({ variantId: fc.integer({ min: 1, max: 6 }), quantity: fc.integer({ min: 1, max: 50 }) }), { maxLength: 8 });
  it('leaves every variant’s stock as if the old lines were given back and the new ones taken, in variant order', () => {
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const moves = stockMovesOfEdit(before, after);
        const held = (ls: typeof before, v: number) => ls.filter((l) => l.variantId === v).reduce((sum, l) => sum + l.quantity, 0);
        for (let v = 1; v <= 6; v++) {
          const delta = moves.find((m) => m.variantId === v)?.delta ?? 0;
          expect(delta).toBe(held(before, v) - held(after, v));
        }
        expect(moves.every((m) => m.delta !== 0)).toBe(true);
        expect(moves.map((m) => m.variantId)).toEqual([...moves.map((m) => m.variantId)].sort((a, b) => a - b));
      }),
    );
  });
});
