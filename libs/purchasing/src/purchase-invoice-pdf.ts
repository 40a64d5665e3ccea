import { printableLine, renderDocumentPdf } from '@chance/core';
import type { PurchaseInvoiceEntity } from './purchasing.entities.js';

/** A supplier's invoice as a printable PDF: store, numbers, supplier, lines and totals. */
export function renderPurchaseInvoicePdf(invoice: PurchaseInvoiceEntity, store: { storeName: string }): Promise<Buffer> {
  const { storeName } = store;
  const s = invoice.supplier;
  return renderDocumentPdf({
    issuer: storeName,
    title: `Purchase invoice ${invoice.number}`,
    facts: [`Purchase ${invoice.purchaseNumber}`, `Issued ${invoice.issuedAt.toISOString().slice(0, 10)}`, `Status: ${invoice.status}`],
    partyLabel: 'Supplier',
    party: [s.name, s.contactName, s.email, s.phone, s.address],
    currency: invoice.currency,
    lines: invoice.lines.map((l) => printableLine({ ...l, unitPrice: l.unitCost })),
    totals: [
      { label: 'Subtotal', amount: invoice.subtotal },
      { label: 'Shipping', amount: invoice.shippingCost },
      { label: 'Tax', amount: invoice.taxTotal },
      { label: 'Total', amount: invoice.total, strong: true },
    ],
  });
}
