import fc from 'fast-check';
import { DomainError } from '@chance/core';
import { leftOf, planRefund, refundRefused, type DrawablePayment } from './refund-rules.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const payment = (id: number, amount: number, method: string, day: number, extra: Partial<DrawablePayment> = {}): DrawablePayment => ({
  id,
  amount,
  method,
  refundedAmount: 0,
  pending: 0,
  viaProvider: false,
  paidAt: at(day),
  ...extra,
});

describe('planRefund', () => {
  const payments = [
    payment(1, 3000, 'cash', 1),
    payment(2, 2000, 'card', 2, { viaProvider: true }),
    payment(3, 1000, 'card', 3),
    payment(4, 500, 'bank_transfer', 4),
  ];

  it('draws on card payments first, newest first, then the others, newest first', () => {
    expect(planRefund(6000, payments)).toEqual({
      refunds: [
        { amount: 1000, method: 'card', viaProvider: false, paymentId: 3, draws: [{ paymentId: 3, amount: 1000 }] },
        { amount: 2000, method: 'card', viaProvider: true, paymentId: 2, draws: [{ paymentId: 2, amount: 2000 }] },
        { amount: 500, method: 'bank_transfer', viaProvider: false, paymentId: 4, draws: [{ paymentId: 4, amount: 500 }] },
        { amount: 2500, method: 'cash', viaProvider: false, paymentId: 1, draws: [{ paymentId: 1, amount: 2500 }] },
      ],
    });
  });

  it('puts what is paid out by one method on one refund, drawn on several payments', () => {
    const cash = [payment(1, 1000, 'cash', 1), payment(2, 1000, 'cash', 2)];
    expect(planRefund(1500, cash)).toEqual({
      refunds: [
        {
          amount: 1500,
          method: 'cash',
          viaProvider: false,
          paymentId: null,
          draws: [
            { paymentId: 2, amount: 1000 },
            { paymentId: 1, amount: 500 },
          ],
        },
      ],
    });
  });

  it('takes one payment when it covers the amount: a provider charge goes back through the provider', () => {
    expect(planRefund(1500, [payment(2, 2000, 'card', 2, { viaProvider: true })])).toEqual({
      refunds: [{ amount: 1500, method: 'card', viaProvider: true, paymentId: 2, draws: [{ paymentId: 2, amount: 1500 }] }],
    });
  });

  it('records a provider charge as paid out when another method is asked for (cash at the counter)', () => {
    expect(planRefund(1500, [payment(2, 2000, 'card', 2, { viaProvider: true })], { method: 'cash' })).toEqual({
      refunds: [{ amount: 1500, method: 'cash', viaProvider: false, paymentId: 2, draws: [{ paymentId: 2, amount: 1500 }] }],
    });
  });

  it('draws only on the payment named, up to what is left of it', () => {
    expect(planRefund(300, payments, { paymentId: 1 })).toEqual({
      refunds: [{ amount: 300, method: 'cash', viaProvider: false, paymentId: 1, draws: [{ paymentId: 1, amount: 300 }] }],
    });
    expect(planRefund(3001, payments, { paymentId: 1 })).toEqual({ refusal: { code: 'REFUND_EXCEEDS_PAID', refundable: 3000 } });
    expect(planRefund(1, payments, { paymentId: 99 })).toMatchObject({ refusal: { code: 'VALIDATION_FAILED', field: 'paymentId' } });
  });

  it('leaves out what was refunded and what refunds being confirmed hold', () => {
    const used = [payment(1, 1000, 'cash', 1, { refundedAmount: 400 }), payment(2, 1000, 'card', 2, { viaProvider: true, pending: 1000 })];
    expect(planRefund(601, used)).toEqual({ refusal: { code: 'REFUND_EXCEEDS_PAID', refundable: 600 } });
    expect(planRefund(600, used)).toMatchObject({ refunds: [{ amount: 600, paymentId: 1 }] });
  });

  it('refuses a non-positive amount', () => {
    expect(planRefund(0, payments)).toMatchObject({ refusal: { code: 'VALIDATION_FAILED', field: 'amount' } });
  });

  it('never draws more than is left of any payment, and draws exactly the amount', () => {
    const arbitraryPayments = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 10_000 }),
        refunded: fc.integer({ min: 0, max: 10_000 }),
        method: fc.constantFrom('cash', 'card', 'bank_transfer'),
        viaProvider: fc.boolean(),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        arbitraryPayments,
        fc.integer({ min: 1, max: 70_000 }),
        fc.option(fc.constantFrom('cash', 'card'), { nil: undefined }),
        (rows, amount, method) => {
          const list = rows.map((r, i) =>
            payment(i + 1, r.amount, r.method, r.day, { refundedAmount: Math.min(r.refunded, r.amount), viaProvider: r.viaProvider && r.method === 'card' }),
          );
          const plan = planRefund(amount, list, { method });
          const left = list.reduce((s, p) => s + leftOf(p), 0);
          if ('refusal' in plan) {
            expect(plan.refusal).toEqual({ code: 'REFUND_EXCEEDS_PAID', refundable: left });
            expect(amount).toBeGreaterThan(left);
            return;
          }
          const draws = plan.refunds.flatMap((r) => r.draws);
          expect(draws.reduce((s, d) => s + d.amount, 0)).toBe(amount);
          for (const r of plan.refunds) expect(r.amount).toBe(r.draws.reduce((s, d) => s + d.amount, 0));
          for (const p of list) expect(draws.filter((d) => d.paymentId === p.id).reduce((s, d) => s + d.amount, 0)).toBeLessThanOrEqual(leftOf(p));
          for (const r of plan.refunds.filter((r) => r.viaProvider)) expect(r.draws).toHaveLength(1);
        },
      ),
    );
  });
});

describe('refundRefused', () => {
  it('names the amount left in the store’s currency', () => {
    const error = refundRefused({ code: 'REFUND_EXCEEDS_PAID', refundable: 1234 }, 'USD');
    expect(error).toBeInstanceOf(DomainError);
    expect([error.code, error.errors]).toEqual(['REFUND_EXCEEDS_PAID', { amount: 'must not exceed what was paid and not yet refunded ($12.34)' }]);
  });
});
