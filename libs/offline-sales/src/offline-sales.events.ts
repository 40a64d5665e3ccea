/** `offline_sale.created`, after commit: a sale at the counter was recorded. */
export interface OfflineSaleCreated {
  saleId: number;
  number: string;
  /** null for a walk-in sale */
  customerId: number | null;
  total: number;
}

/** `offline_sale.updated`, after commit: a payment was added to the sale, money was given back (`refund`), or it was cancelled. */
export interface OfflineSaleUpdated {
  saleId: number;
  number: string;
  change: 'payment' | 'refund' | 'cancelled';
}

/**
 * `offline_sale.cancelled`, in the cancelling transaction, after the sale became cancelled and its
 * stock came back: what was paid on it is to go back (the refunds library records a refund of
 * every payment in this same transaction, or refuses the cancellation).
 */
export interface OfflineSaleCancelledInTransaction {
  saleId: number;
  number: string;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'offline_sale.created': OfflineSaleCreated;
    'offline_sale.updated': OfflineSaleUpdated;
  }
  interface TransactionEvents {
    'offline_sale.cancelled': OfflineSaleCancelledInTransaction;
  }
}
