import { printableLine, formatMoney, paymentMethodWords, renderDocumentPdf, sellerOf, settlementStatusWords, type PrintableDocument } from '@chance/core';
import type { SettingsView } from '@chance/settings';
import type { OfflineSaleView } from './dto/offline-sales.dto.js';
import type { OfflineCustomerEntity } from './offline-sales.entities.js';

/** Who bought, as the receipt names them. */
export type ReceiptCustomer = Pick<OfflineCustomerEntity, 'name' | 'phone' | 'email' | 'address'>;

/** An in-store sale's receipt as a printable PDF. */
export function renderReceiptPdf(sale: OfflineSaleView, customer: ReceiptCustomer, store: SettingsView): Promise<Buffer> {
  return renderDocumentPdf(receiptDocument(sale, customer, store));
}

/** What a receipt prints: the seller's legal details, number, customer, lines, totals, the payments made and the settings' footer; statuses and methods in words. */
export function receiptDocument(sale: OfflineSaleView, customer: ReceiptCustomer, store: SettingsView): PrintableDocument {
  const { currency } = store;
  const payments = sale.payments.map((p) => `${p.paidAt.toISOString().slice(0, 10)}  ${paymentMethodWords(p.method)}  ${formatMoney(p.amount, currency)}`);
  return {
    ...sellerOf(store, payments.join('\n')),
    title: `Receipt ${sale.number}`,
    facts: [
      `Sold ${sale.soldAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `Payment status: ${settlementStatusWords(sale.paymentStatus)}`,
      ...(sale.status === 'cancelled' ? ['Cancelled'] : []),
    ],
    partyLabel: 'Customer',
    party: [customer.name, customer.phone, customer.email, customer.address],
    currency,
    lines: sale.lines.map(printableLine),
    totals: [
      { label: 'Subtotal', amount: sale.subtotal },
      { label: sale.couponCode ? `Discount (coupon ${sale.couponCode})` : 'Discount', amount: sale.discountTotal, negative: true },
      { label: 'Tax', amount: sale.taxTotal },
      { label: 'Total', amount: sale.total, strong: true },
      { label: 'Paid', amount: sale.paidAmount },
      ...(sale.refundedAmount > 0 ? [{ label: 'Refunded', amount: sale.refundedAmount }] : []),
      { label: 'Balance', amount: sale.balance, strong: true },
    ],
  };
}
