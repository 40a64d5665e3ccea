import { formatBasisPoints, renderDocumentPdf, sellerOf, type PrintableDocument } from '@chance/core';
import type { SettingsView } from '@chance/settings';
import type { CreditNoteEntity } from './credit-note.entity.js';

/** The credit note as a printable PDF. */
export function renderCreditNotePdf(note: CreditNoteEntity, store: SettingsView): Promise<Buffer> {
  return renderDocumentPdf(creditNoteDocument(note, store));
}

/** What a credit note prints, laid out like an invoice: the seller's legal details and footer from settings, numbers, customer, lines and the amounts given back. */
export function creditNoteDocument(note: CreditNoteEntity, store: SettingsView): PrintableDocument {
  const bill = note.billTo;
  return {
    ...sellerOf(store),
    title: `Credit note ${note.number}`,
    facts: [`For ${note.recordNumber}`, `Issued ${note.issuedAt.toISOString().slice(0, 10)}`, `Reason: ${note.reason}`],
    partyLabel: 'Credit to',
    party: [bill.name, bill.email, ...(bill.lines ?? []), bill.address, bill.phone],
    currency: note.currency,
    lines: note.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
    totals: [
      { label: 'Subtotal', amount: note.subtotal },
      { label: 'Discount', amount: note.discountTotal, negative: true },
      ...(note.shippingTotal ? [{ label: 'Shipping', amount: note.shippingTotal }] : []),
      { label: `Tax (${formatBasisPoints(note.taxRateBps)})`, amount: note.taxTotal },
      { label: 'Refunded', amount: note.total, strong: true },
    ],
  };
}
