export type SettlementStatus = 'unpaid' | 'partially_paid' | 'paid';

export interface Settlement {
  paidAmount: number;
  balance: number;
  paymentStatus: SettlementStatus;
}

/** How far a total is paid: the one rule behind orders' and in-store sales' payment status. */
export function settle(total: number, paid: number): Settlement {
  return {
    paidAmount: paid,
    balance: Math.max(0, total - paid),
    paymentStatus: paid >= total ? 'paid' : paid > 0 ? 'partially_paid' : 'unpaid',
  };
}
