/** `purchase.received`, after commit: the goods of a purchase were received into stock. */
export interface PurchaseReceived {
  purchaseId: number;
  number: string;
}

declare module '@chance/core' {
  interface OutboxEvents {
    'purchase.received': PurchaseReceived;
  }
}
