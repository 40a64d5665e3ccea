import { DomainError, invalidTransition, validationFailed } from '../errors/domain-error.js';
import { formatMoney, sumMinorUnits } from '../money.js';

/** The payment status of anything paid for (orders, invoices, in-store sales, bookings): derived here, never set by hand. */
export const SETTLEMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/** A payment status as documents print it. */
const SETTLEMENT_STATUS_WORDS: Record<SettlementStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
};

/** The payment methods (docs/api.md#orders-payments-and-invoices) as documents print them. */
const PAYMENT_METHOD_WORDS: Readonly<Record<string, string>> = {
  cash: 'Cash',
  card: 'Card',
  bank_transfer: 'Bank transfer',
  mobile_wallet: 'Mobile wallet',
  cash_on_delivery: 'Cash on delivery',
};

/** `some_value` → "Some value": a value without words of its own still reads as words. */
const inWords = (value: string) => {
  const text = value.replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** "Partially paid" for `partially_paid`. */
export const settlementStatusWords = (status: string): string => SETTLEMENT_STATUS_WORDS[status as SettlementStatus] ?? inWords(status);

/** "Bank transfer" for `bank_transfer`. */
export const paymentMethodWords = (method: string): string => PAYMENT_METHOD_WORDS[method] ?? inWords(method);

export interface Settlement {
  /** what was ever paid (refunds are counted apart); 0 on a cancelled record */
  paidAmount: number;
  /** what was given back; on a cancelled record, what had been paid */
  refundedAmount: number;
  balance: number;
  paymentStatus: SettlementStatus;
}

/**
 * How far a total is paid, and how much of it was given back: the one rule behind the payment
 * status of orders, in-store sales and bookings (docs/api.md#orders-payments-and-invoices and docs/api.md#refunds-and-returns). Refunds do not change
 * the balance; once money has been given back, the status says so: `partially_refunded` while
 * some of what was paid is left, `refunded` once all of it went back. A cancelled record owes
 * nothing and shows nothing paid: what had been paid is refunded (cancelling refunds it).
 */
export function settle(total: number, paid: number, refunded = 0, cancelled = false): Settlement {
  if (cancelled) return { paidAmount: 0, refundedAmount: paid, balance: 0, paymentStatus: paid > 0 ? 'refunded' : 'unpaid' };
  const paymentStatus: SettlementStatus =
    refunded > 0 && paid > 0 ? (refunded >= paid ? 'refunded' : 'partially_refunded') : paid >= total ? 'paid' : paid > 0 ? 'partially_paid' : 'unpaid';
  return { paidAmount: paid, refundedAmount: refunded, balance: Math.max(0, total - paid), paymentStatus };
}

/** Paid in full, whatever was given back since: what the sync rule "paid ⇒ delivered" looks at. */
export const fullyPaid = (total: number, paid: number): boolean => paid >= total;

/**
 * A payment row of any payable record (order, in-store sale, booking), docs/api.md#orders-payments-and-invoices:
 * `pending` while a card charge is being confirmed, `failed` when it was not, `succeeded`, and
 * `refunded` once its refunded amount equals its amount. A row without a status (an in-store
 * payment, recorded as it is received) has succeeded.
 */
export type PaymentRowStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';

export interface PaymentRow {
  amount: number;
  status?: PaymentRowStatus;
  refundedAmount?: number;
}

const statusOf = (p: PaymentRow): PaymentRowStatus => p.status ?? 'succeeded';

/** What was ever paid: succeeded and refunded payments count, pending and failed ones do not. */
export function paidAmountOf(payments: readonly PaymentRow[]): number {
  return sumMinorUnits(payments.filter((p) => statusOf(p) === 'succeeded' || statusOf(p) === 'refunded').map((p) => p.amount));
}

/** What is being charged right now and may still succeed: reserved, so nobody charges it twice. */
export function pendingAmountOf(payments: readonly PaymentRow[]): number {
  return sumMinorUnits(payments.filter((p) => statusOf(p) === 'pending').map((p) => p.amount));
}

/** What was given back, counted apart from what was paid. */
export function refundedAmountOf(payments: readonly PaymentRow[]): number {
  return sumMinorUnits(payments.map((p) => p.refundedAmount ?? (statusOf(p) === 'refunded' ? p.amount : 0)));
}

/** A record as far as taking a payment goes. */
export interface PayableRecord {
  total: number;
  cancelled: boolean;
  payments: readonly PaymentRow[];
}

/** What may still be paid: the total less what was paid and what is being charged (never negative). */
export function payableAmount(record: PayableRecord): number {
  if (record.cancelled) return 0;
  return Math.max(0, record.total - paidAmountOf(record.payments) - pendingAmountOf(record.payments));
}

/** Why a payment may not be taken; null when it may. */
export type PaymentRefusal =
  | { code: 'VALIDATION_FAILED'; reason: 'amount' }
  | { code: 'INVALID_TRANSITION'; reason: 'cancelled' | 'paid' | 'in_progress' }
  | { code: 'OVERPAYMENT'; payable: number };

/**
 * May `amount` be paid on the record? A cancelled record takes nothing (409 INVALID_TRANSITION);
 * the amount is a positive whole number of minor units (400 VALIDATION_FAILED) and at most what
 * is payable (409 OVERPAYMENT), pending card charges counted as taken.
 */
export function paymentRefusal(amount: number, record: PayableRecord): PaymentRefusal | null {
  if (record.cancelled) return { code: 'INVALID_TRANSITION', reason: 'cancelled' };
  if (!Number.isSafeInteger(amount) || amount <= 0) return { code: 'VALIDATION_FAILED', reason: 'amount' };
  const payable = payableAmount(record);
  return amount > payable ? { code: 'OVERPAYMENT', payable } : null;
}

/**
 * The whole remaining balance as one payment (mark-paid, an online card payment): what is
 * payable, or why nothing is (cancelled, already paid, or a charge of the rest still running).
 */
export function balanceToPay(record: PayableRecord): { amount: number } | { refusal: PaymentRefusal } {
  if (record.cancelled) return { refusal: { code: 'INVALID_TRANSITION', reason: 'cancelled' } };
  const amount = payableAmount(record);
  if (amount > 0) return { amount };
  return { refusal: { code: 'INVALID_TRANSITION', reason: pendingAmountOf(record.payments) > 0 ? 'in_progress' : 'paid' } };
}

export interface RefusalWording {
  /** what is being paid: "order", "sale" */
  noun: string;
  currency: string;
  /** the input field the amount came from (default `amount`) */
  field?: string;
}

/** The contract's error for a refusal, with the field message a form shows under the amount. */
export function paymentRefused(refusal: PaymentRefusal, wording: RefusalWording): DomainError {
  const field = wording.field ?? 'amount';
  switch (refusal.code) {
    case 'VALIDATION_FAILED':
      return validationFailed({ [field]: 'must be a positive amount' });
    case 'OVERPAYMENT': {
      const due = formatMoney(refusal.payable, wording.currency);
      return new DomainError('OVERPAYMENT', `The balance due is ${due}`, { [field]: `must not exceed the balance due (${due})` });
    }
    case 'INVALID_TRANSITION':
      return invalidTransition(
        refusal.reason === 'cancelled'
          ? `A cancelled ${wording.noun} takes no payments`
          : refusal.reason === 'paid'
            ? `This ${wording.noun} is already paid`
            : `A card payment of this ${wording.noun} is being confirmed: try again in a minute`,
      );
  }
}
