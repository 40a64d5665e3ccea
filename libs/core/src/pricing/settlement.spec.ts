import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import {
  balanceToPay,
  paidAmountOf,
  payableAmount,
  paymentRefusal,
  paymentMethodWords,
  paymentRefused,
  pendingAmountOf,
  SETTLEMENT_STATUSES,
  settlementStatusWords,
  refundedAmountOf,
  settle,
  type PaymentRow,
  type PaymentRowStatus,
} from './settlement.js';

const row = (amount: number, status?: PaymentRowStatus, refundedAmount = status === 'refunded' ? amount : 0): PaymentRow => ({
  amount,
  status,
  refundedAmount,
});

describe('settle', () => {
  it('derives unpaid, partially paid and paid', () => {
    expect(settle(1000, 0)).toEqual({ paidAmount: 0, refundedAmount: 0, balance: 1000, paymentStatus: 'unpaid' });
    expect(settle(1000, 1)).toEqual({ paidAmount: 1, refundedAmount: 0, balance: 999, paymentStatus: 'partially_paid' });
    expect(settle(1000, 1000)).toEqual({ paidAmount: 1000, refundedAmount: 0, balance: 0, paymentStatus: 'paid' });
    expect(settle(0, 0).paymentStatus).toBe('paid');
  });

  it('says when money went back, without changing what was paid or the balance', () => {
    expect(settle(1000, 1000, 1)).toEqual({ paidAmount: 1000, refundedAmount: 1, balance: 0, paymentStatus: 'partially_refunded' });
    expect(settle(1000, 1000, 1000)).toEqual({ paidAmount: 1000, refundedAmount: 1000, balance: 0, paymentStatus: 'refunded' });
    expect(settle(1000, 400, 100)).toEqual({ paidAmount: 400, refundedAmount: 100, balance: 600, paymentStatus: 'partially_refunded' });
    expect(settle(1000, 400, 400).paymentStatus).toBe('refunded');
  });

  it('shows a cancelled record with nothing paid or due, what had been paid as refunded', () => {
    expect(settle(1000, 700, 0, true)).toEqual({ paidAmount: 0, refundedAmount: 700, balance: 0, paymentStatus: 'refunded' });
    expect(settle(1000, 0, 0, true)).toEqual({ paidAmount: 0, refundedAmount: 0, balance: 0, paymentStatus: 'unpaid' });
  });

  it('never reports refunded above paid, and refunded only once something was given back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), (total, paid, given) => {
        const refunded = Math.min(given, paid);
        const state = settle(total, paid, refunded);
        expect(state.balance).toBe(Math.max(0, total - paid));
        expect(['partially_refunded', 'refunded'].includes(state.paymentStatus)).toBe(refunded > 0);
        if (state.paymentStatus === 'refunded') expect(refunded).toBe(paid);
      }),
    );
  });
});

describe('paid, pending and refunded amounts from payment rows', () => {
  it('counts succeeded and refunded payments as paid, pending apart, failed not at all', () => {
    const rows = [row(100, 'succeeded'), row(200, 'refunded'), row(400, 'pending'), row(800, 'failed'), row(1600)];
    expect(paidAmountOf(rows)).toBe(100 + 200 + 1600);
    expect(pendingAmountOf(rows)).toBe(400);
    expect(refundedAmountOf(rows)).toBe(200);
  });

  it('reads a row without a status (an in-store payment) as succeeded', () => {
    expect(paidAmountOf([{ amount: 250 }, { amount: 50 }])).toBe(300);
    expect(pendingAmountOf([{ amount: 250 }])).toBe(0);
  });

  it('keeps paid + pending + failed equal to the sum of all rows, whatever their statuses', () => {
    const statuses: PaymentRowStatus[] = ['pending', 'succeeded', 'failed', 'refunded'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1e7 }), fc.constantFrom(...statuses)), { maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([amount, status]) => row(amount, status));
        const failed = rows.filter((r) => r.status === 'failed').reduce((s, r) => s + r.amount, 0);
        expect(paidAmountOf(rows) + pendingAmountOf(rows) + failed).toBe(rows.reduce((s, r) => s + r.amount, 0));
        expect(refundedAmountOf(rows)).toBeLessThanOrEqual(paidAmountOf(rows));
      }),
    );
  });
});

describe('paymentRefusal: may this amount be paid', () => {
  const open = (total: number, payments: PaymentRow[] = []) => ({ total, cancelled: false, payments });

  it('takes a positive amount up to what is payable', () => {
    expect(paymentRefusal(1000, open(1000))).toBeNull();
    expect(paymentRefusal(1, open(1000, [row(999, 'succeeded')]))).toBeNull();
    expect(paymentRefusal(600, open(1000, [row(400, 'succeeded'), row(300, 'failed')]))).toBeNull();
  });

  it('refuses more than the balance with OVERPAYMENT and what is payable', () => {
    expect(paymentRefusal(1001, open(1000))).toEqual({ code: 'OVERPAYMENT', payable: 1000 });
    expect(paymentRefusal(1, open(1000, [row(1000, 'succeeded')]))).toEqual({ code: 'OVERPAYMENT', payable: 0 });
  });

  it('counts a pending card charge as taken, so nobody pays the same balance twice', () => {
    expect(paymentRefusal(1, open(1000, [row(1000, 'pending')]))).toEqual({ code: 'OVERPAYMENT', payable: 0 });
    expect(paymentRefusal(300, open(1000, [row(700, 'pending')]))).toBeNull();
  });

  it('refuses amounts that are not positive whole minor units', () => {
    for (const amount of [0, -1, 10.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])
      expect([amount, paymentRefusal(amount, open(1000))]).toEqual([amount, { code: 'VALIDATION_FAILED', reason: 'amount' }]);
  });

  it('refuses anything on a cancelled record, before looking at the amount', () => {
    expect(paymentRefusal(100, { total: 1000, cancelled: true, payments: [] })).toEqual({ code: 'INVALID_TRANSITION', reason: 'cancelled' });
    expect(paymentRefusal(-5, { total: 1000, cancelled: true, payments: [] })).toEqual({ code: 'INVALID_TRANSITION', reason: 'cancelled' });
  });

  it('never lets what was paid and what is pending exceed the total, whatever is accepted in whatever order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.tuple(fc.integer({ min: -10, max: 2e6 }), fc.constantFrom<PaymentRowStatus>('pending', 'succeeded', 'failed')), { maxLength: 30 }),
        (total, attempts) => {
          const payments: PaymentRow[] = [];
          for (const [amount, status] of attempts) {
            const refusal = paymentRefusal(amount, open(total, payments));
            if (refusal === null) payments.push(row(amount, status));
            else if (amount > 0 && Number.isInteger(amount)) expect(refusal).toEqual({ code: 'OVERPAYMENT', payable: payableAmount(open(total, payments)) });
            expect(paidAmountOf(payments) + pendingAmountOf(payments)).toBeLessThanOrEqual(total);
          }
          // an accepted amount was exactly what was payable or less: the payable never goes negative
          expect(payableAmount(open(total, payments))).toBe(total - paidAmountOf(payments) - pendingAmountOf(payments));
        },
      ),
    );
  });
});

describe('balanceToPay: the whole remaining balance', () => {
  it('is what is payable', () => {
    expect(balanceToPay({ total: 1000, cancelled: false, payments: [row(300, 'succeeded'), row(200, 'failed')] })).toEqual({ amount: 700 });
  });
  it('is refused on a paid record, while the rest is being charged, and on a cancelled record', () => {
    expect(balanceToPay({ total: 1000, cancelled: false, payments: [row(1000, 'succeeded')] })).toEqual({
      refusal: { code: 'INVALID_TRANSITION', reason: 'paid' },
    });
    expect(balanceToPay({ total: 1000, cancelled: false, payments: [row(400, 'succeeded'), row(600, 'pending')] })).toEqual({
      refusal: { code: 'INVALID_TRANSITION', reason: 'in_progress' },
    });
    expect(balanceToPay({ total: 1000, cancelled: true, payments: [] })).toEqual({ refusal: { code: 'INVALID_TRANSITION', reason: 'cancelled' } });
  });
  it('agrees with paymentRefusal: the balance itself may always be paid when there is one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.array(fc.integer({ min: 1, max: 1e6 }), { maxLength: 5 }), (total, paid) => {
        const payments: PaymentRow[] = [];
        for (const amount of paid) if (paymentRefusal(amount, { total, cancelled: false, payments }) === null) payments.push(row(amount, 'succeeded'));
        const balance = balanceToPay({ total, cancelled: false, payments });
        if ('amount' in balance) {
          expect(paymentRefusal(balance.amount, { total, cancelled: false, payments })).toBeNull();
          expect(paymentRefusal(balance.amount + 1, { total, cancelled: false, payments })).toEqual({ code: 'OVERPAYMENT', payable: balance.amount });
        } else {
          expect(paidAmountOf(payments)).toBe(total);
        }
      }),
    );
  });
});

describe('paymentRefused: the contract’s error', () => {
  it('names the balance under the amount field for OVERPAYMENT', () => {
    const error = paymentRefused({ code: 'OVERPAYMENT', payable: 1250 }, { noun: 'order', currency: 'USD' });
    expect(error).toBeInstanceOf(DomainError);
    expect([error.status, error.code, error.errors]).toEqual([409, 'OVERPAYMENT', { amount: 'must not exceed the balance due ($12.50)' }]);
    expect(paymentRefused({ code: 'OVERPAYMENT', payable: 0 }, { noun: 'sale', currency: 'USD', field: 'paidAmount' }).errors).toEqual({
      paidAmount: 'must not exceed the balance due ($0.00)',
    });
  });
  it('answers 409 INVALID_TRANSITION for a cancelled, paid or busy record and 400 for a bad amount', () => {
    expect(paymentRefused({ code: 'INVALID_TRANSITION', reason: 'cancelled' }, { noun: 'sale', currency: 'USD' }).message).toBe(
      'A cancelled sale takes no payments',
    );
    expect(paymentRefused({ code: 'INVALID_TRANSITION', reason: 'in_progress' }, { noun: 'order', currency: 'USD' }).status).toBe(409);
    const bad = paymentRefused({ code: 'VALIDATION_FAILED', reason: 'amount' }, { noun: 'order', currency: 'USD' });
    expect([bad.status, bad.errors]).toEqual([400, { amount: 'must be a positive amount' }]);
  });
});

describe('statuses and methods in words, as documents print them', () => {
  it('names every payment status and method in words, never as the API value', () => {
    expect(SETTLEMENT_STATUSES.map(settlementStatusWords)).toEqual(['Unpaid', 'Partially paid', 'Paid', 'Partially refunded', 'Refunded']);
    expect(['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'].map(paymentMethodWords)).toEqual([
      'Cash',
      'Card',
      'Bank transfer',
      'Mobile wallet',
      'Cash on delivery',
    ]);
  });

  it('reads a value it has no words for as words still', () => {
    expect(paymentMethodWords('store_credit')).toBe('Store credit');
    expect(settlementStatusWords('on_hold')).toBe('On hold');
  });
});
