import { printableLine, formatBasisPoints, renderDocumentPdf, sellerOf, settlementStatusWords } from '@chance/core';
import type { SettingsView } from '@chance/settings';
import type { InvoiceEntity } from './invoice.entity.js';

/** The customer invoice as a printable PDF: the seller, numbers, customer, lines, totals and payment status. */
export function renderInvoicePdf(invoice: InvoiceEntity, store: SettingsView): Promise<Buffer> {
  const bill = invoice.billTo;
  return renderDocumentPdf({
    ...sellerOf(store),
    title: `Invoice ${invoice.number}`,
    facts: [
      invoice.orderNumber !== null ? `Order ${invoice.orderNumber}` : `Booking ${invoice.bookingId}`,
      `Issued ${invoice.issuedAt.toISOString().slice(0, 10)}`,
      `Payment status: ${settlementStatusWords(invoice.paymentStatus)}`,
    ],
    partyLabel: 'Bill to',
    party: [bill.name, bill.email, bill.line1, bill.line2, `${bill.postalCode} ${bill.city}`.trim(), bill.country, bill.phone],
    currency: invoice.currency,
    lines: invoice.lines.map(printableLine),
    totals: [
      { label: 'Subtotal', amount: invoice.subtotal },
      { label: 'Discount', amount: invoice.discountTotal, negative: true },
      { label: 'Shipping', amount: invoice.shippingTotal },
      { label: `Tax (${formatBasisPoints(invoice.taxRateBps)})`, amount: invoice.taxTotal },
      { label: 'Total', amount: invoice.total, strong: true },
      { label: 'Paid', amount: invoice.paidAmount },
      { label: 'Balance due', amount: Math.max(0, invoice.total - invoice.paidAmount), strong: true },
    ],
  });
}
