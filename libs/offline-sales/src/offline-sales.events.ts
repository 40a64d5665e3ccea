/** `offline_sale.created`, after commit: a sale at the counter was recorded. */
export interface OfflineSaleCreated {
  saleId: number;
  number: string;
  customerId: number;
  total: number;
}

/** `offline_sale.updated`, after commit: a payment was added to the sale, or it was cancelled. */
export interface OfflineSaleUpdated {
  saleId: number;
  number: string;
  change: 'payment' | 'cancelled';
}

declare module '@chance/core' {
  interface OutboxEvents {
    'offline_sale.created': OfflineSaleCreated;
    'offline_sale.updated': OfflineSaleUpdated;
  }
}
