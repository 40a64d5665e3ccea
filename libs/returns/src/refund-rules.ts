import { DomainError, formatMoney } from '@chance/core';

/** A payment of the record as a refund may draw on it. */
export interface DrawablePayment {
  id: number;
  amount: number;
  method: string;
  /** given back already (succeeded refunds) */
  refundedAmount: number;
  /** held by refunds still being confirmed */
  pending: number;
  /** charged online through the payment provider: given back through it (unless another method is asked for) */
  viaProvider: boolean;
  paidAt: Date;
}

/** One refund to record: drawn on one or more payments, by one method. */
export interface PlannedRefund {
  amount: number;
  method: string;
  viaProvider: boolean;
  /** the payment it goes back through; null when it draws on several */
  paymentId: number | null;
  draws: { paymentId: number; amount: number }[];
}

export type RefundRefusal = { code: 'VALIDATION_FAILED'; field: 'amount' | 'paymentId'; message: string } | { code: 'REFUND_EXCEEDS_PAID'; refundable: number };

export const leftOf = (p: DrawablePayment): number => Math.max(0, p.amount - p.refundedAmount - p.pending);

/**
 * Which payments a refund goes back through (docs/api.md#refunds-and-returns): the one named by `paymentId`, or
 * else card payments first, newest first, then the others, newest first. A payment the provider
 * charged is refunded through the provider, one refund per charge, unless `method` asks for
 * another way (cash handed over at the counter); everything else is recorded as paid out, one
 * refund per method. Never more than what is left of what was paid (409 REFUND_EXCEEDS_PAID).
 */
export function planRefund(
  amount: number,
  payments: readonly DrawablePayment[],
  options: { paymentId?: number; method?: string } = {},
): { refunds: PlannedRefund[] } | { refusal: RefundRefusal } {
  if (!Number.isSafeInteger(amount) || amount <= 0) return { refusal: { code: 'VALIDATION_FAILED', field: 'amount', message: 'must be a positive amount' } };
  let candidates: DrawablePayment[];
  if (options.paymentId !== undefined) {
    const named = payments.find((p) => p.id === options.paymentId);
    if (!named) return { refusal: { code: 'VALIDATION_FAILED', field: 'paymentId', message: 'is not a payment of this record' } };
    candidates = [named];
  } else {
    const newestFirst = [...payments].sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime() || b.id - a.id);
    candidates = [...newestFirst.filter((p) => p.method === 'card'), ...newestFirst.filter((p) => p.method !== 'card')];
  }
  const refundable = candidates.reduce((total, p) => total + leftOf(p), 0);
  if (amount > refundable) return { refusal: { code: 'REFUND_EXCEEDS_PAID', refundable } };

  const refunds: PlannedRefund[] = [];
  const paidOut = new Map<string, PlannedRefund>();
  let rest = amount;
  for (const payment of candidates) {
    if (rest === 0) break;
    const take = Math.min(rest, leftOf(payment));
    if (take === 0) continue;
    rest -= take;
    const draw = { paymentId: payment.id, amount: take };
    if (payment.viaProvider && (options.method === undefined || options.method === 'card')) {
      refunds.push({ amount: take, method: 'card', viaProvider: true, paymentId: payment.id, draws: [draw] });
      continue;
    }
    const method = options.method ?? payment.method;
    const refund = paidOut.get(method);
    if (refund) {
      refund.amount += take;
      refund.draws.push(draw);
      refund.paymentId = null;
    } else {
      const created = { amount: take, method, viaProvider: false, paymentId: payment.id, draws: [draw] };
      paidOut.set(method, created);
      refunds.push(created);
    }
  }
  return { refunds };
}

/** The contract's error for a refused refund, with the field message a form shows. */
export function refundRefused(refusal: RefundRefusal, currency: string): DomainError {
  if (refusal.code === 'VALIDATION_FAILED') return new DomainError('VALIDATION_FAILED', 'Validation failed', { [refusal.field]: refusal.message });
  const left = formatMoney(refusal.refundable, currency);
  return new DomainError('REFUND_EXCEEDS_PAID', `At most ${left} can be refunded: refunds never exceed what was paid`, {
    amount: `must not exceed what was paid and not yet refunded (${left})`,
  });
}
