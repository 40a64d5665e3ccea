import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { derivePaymentState, drawRefund, type PaymentLedger, type RefundDraw } from './payment-ledger.js';
import type { PaymentRow, Settlement } from './settlement.js';

/** A ledger over rows in memory: what it was asked to read and what it was given to write. */
function ledgerOf(rows: PaymentRow[]): PaymentLedger & { read: number[]; written: [number, Settlement][] } {
  const read: number[] = [];
  const written: [number, Settlement][] = [];
  return {
    read,
    written,
    paymentsOf: async (_manager, id) => {
      read.push(id);
      return rows;
    },
    write: async (_manager, id, state) => written.push([id, state]),
  };
}

const manager = {} as EntityManager;

describe('derivePaymentState', () => {
  it('reads the record’s payments, settles them against its total and writes the result onto it', async () => {
    const ledger = ledgerOf([{ amount: 600, refundedAmount: 100 }, { amount: 400 }]);
    const state = await derivePaymentState(manager, ledger, { id: 7, total: 1500, cancelled: false });
    expect(state).toEqual({ paidAmount: 1000, refundedAmount: 100, balance: 500, paymentStatus: 'partially_refunded' });
    expect(ledger.read).toEqual([7]);
    expect(ledger.written).toEqual([[7, state]]);
  });

  it('shows a cancelled record with nothing paid, what had been paid as refunded', async () => {
    const ledger = ledgerOf([{ amount: 600, refundedAmount: 600 }]);
    const state = await derivePaymentState(manager, ledger, { id: 3, total: 1500, cancelled: true });
    expect(state).toEqual({ paidAmount: 0, refundedAmount: 600, balance: 0, paymentStatus: 'refunded' });
    expect(ledger.written).toEqual([[3, state]]);
  });
});

describe('drawRefund', () => {
  it('refunds from each payment drawn on, in payment id order', async () => {
    const drawn: RefundDraw[] = [];
    await drawRefund(
      [
        { paymentId: 9, amount: 100 },
        { paymentId: 2, amount: 50 },
      ],
      async (draw) => {
        drawn.push(draw);
        return 1;
      },
    );
    expect(drawn).toEqual([
      { paymentId: 2, amount: 50 },
      { paymentId: 9, amount: 100 },
    ]);
  });

  it('refuses with 409 REFUND_EXCEEDS_PAID at the first payment with less than that left, and draws on no more', async () => {
    const drawn: number[] = [];
    const refused = drawRefund(
      [
        { paymentId: 3, amount: 10 },
        { paymentId: 1, amount: 10 },
        { paymentId: 2, amount: 10 },
      ],
      async ({ paymentId }) => {
        drawn.push(paymentId);
        return paymentId === 2 ? 0 : 1;
      },
    );
    await expect(refused).rejects.toThrow(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID', status: 409, message: 'Payment 2 has less than that left to refund' });
    expect(drawn).toEqual([1, 2]);
  });
});
