import { printableLine, renderDocumentPdf, sellerOf, type PrintableDocument } from '@chance/core';
import type { SettingsView } from '@chance/settings';
import type { PurchaseInvoiceEntity } from './purchasing.entities.js';

/** A purchase invoice's status in words. */
const STATUS_WORDS: Record<string, string> = { open: 'Open', final: 'Final', void: 'Void' };

/** A supplier's invoice as a printable PDF. */
export function renderPurchaseInvoicePdf(invoice: PurchaseInvoiceEntity, store: SettingsView): Promise<Buffer> {
  return renderDocumentPdf(purchaseInvoiceDocument(invoice, store));
}

/**
 * What a purchase invoice prints: the store's legal details from settings (as on every document
 * the store prints), numbers, status in words, the supplier, lines, totals and the settings' footer.
 */
export function purchaseInvoiceDocument(invoice: PurchaseInvoiceEntity, store: SettingsView): PrintableDocument {
  const s = invoice.supplier;
  return {
    ...sellerOf(store),
    title: `Purchase invoice ${invoice.number}`,
    facts: [
      `Purchase ${invoice.purchaseNumber}`,
      `Issued ${invoice.issuedAt.toISOString().slice(0, 10)}`,
      `Status: ${STATUS_WORDS[invoice.status] ?? invoice.status}`,
    ],
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
  };
}
