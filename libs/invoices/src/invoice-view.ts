import type { InvoiceView } from './dto/invoice.dto.js';
import type { InvoiceEntity } from './invoice.entity.js';

/** An invoice as the contract shows it. */
export const toInvoiceView = (i: InvoiceEntity): InvoiceView => ({
  id: i.id,
  number: i.number,
  orderId: i.orderId,
  orderNumber: i.orderNumber,
  bookingId: i.bookingId,
  revision: i.revision,
  issuedAt: i.issuedAt,
  billTo: { ...i.billTo },
  lines: i.lines,
  currency: i.currency,
  subtotal: i.subtotal,
  discountTotal: i.discountTotal,
  shippingTotal: i.shippingTotal,
  taxRateBps: i.taxRateBps,
  taxTotal: i.taxTotal,
  total: i.total,
  paidAmount: i.paidAmount,
  paymentStatus: i.paymentStatus,
});
