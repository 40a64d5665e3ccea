import PDFDocument from 'pdfkit';
import { formatBasisPoints, formatMoney } from '@chance/core';
import type { InvoiceEntity } from './invoice.entity.js';

export interface PdfStore {
  storeName: string;
}

const PAYMENT_LABEL: Record<string, string> = { unpaid: 'Unpaid', partially_paid: 'Partially paid', paid: 'Paid', refunded: 'Refunded' };

/** A printable A4 invoice: store, numbers, customer, lines, totals and payment status. */
export function renderInvoicePdf(invoice: InvoiceEntity, store: PdfStore): Promise<Buffer> {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Invoice ${invoice.number}`, Author: store.storeName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).font('Helvetica-Bold').text(store.storeName);
  doc.moveDown(0.5).fontSize(14).text(`Invoice ${invoice.number}`);
  doc.font('Helvetica').fontSize(10).fillColor('#444');
  doc.text(`Order ${invoice.orderNumber}`);
  doc.text(`Issued ${invoice.issuedAt.toISOString().slice(0, 10)}`);
  doc.text(`Payment status: ${PAYMENT_LABEL[invoice.paymentStatus] ?? invoice.paymentStatus}`);
  doc.moveDown().fillColor('#000').font('Helvetica-Bold').text('Bill to');
  const bill = invoice.billTo;
  doc.font('Helvetica').text([bill.name, bill.email, bill.line1, bill.line2, `${bill.postalCode} ${bill.city}`, bill.country, bill.phone].filter(Boolean).join('\n'));

  const columns = { item: 50, qty: 330, price: 380, total: 470 };
  let y = doc.moveDown(1.5).y;
  doc.font('Helvetica-Bold');
  doc.text('Item', columns.item, y).text('Qty', columns.qty, y).text('Unit price', columns.price, y).text('Total', columns.total, y);
  doc.moveTo(50, y + 14).lineTo(545, y + 14).stroke('#999');
  doc.font('Helvetica');
  y += 22;
  for (const line of invoice.lines) {
    const attributes = Object.entries(line.attributes ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ');
    const label = `${line.productName}${attributes ? ` (${attributes})` : ''}\nSKU ${line.sku}`;
    const height = doc.heightOfString(label, { width: 270 });
    if (y + height > 740) {
      doc.addPage();
      y = 50;
    }
    doc.text(label, columns.item, y, { width: 270 });
    doc.text(String(line.quantity), columns.qty, y).text(money(line.unitPrice), columns.price, y).text(money(line.lineTotal), columns.total, y);
    y += Math.max(height, 14) + 8;
  }
  doc.moveTo(50, y).lineTo(545, y).stroke('#999');
  y += 10;
  const rows: [string, string][] = [
    ['Subtotal', money(invoice.subtotal)],
    ['Discount', `-${money(invoice.discountTotal)}`],
    ['Shipping', money(invoice.shippingTotal)],
    [`Tax (${formatBasisPoints(invoice.taxRateBps)})`, money(invoice.taxTotal)],
    ['Total', money(invoice.total)],
    ['Paid', money(invoice.paidAmount)],
    ['Balance due', money(Math.max(0, invoice.total - invoice.paidAmount))],
  ];
  for (const [label, value] of rows) {
    doc.font(label === 'Total' ? 'Helvetica-Bold' : 'Helvetica').text(label, 330, y).text(value, columns.total, y);
    y += 16;
  }
  doc.end();
  return done;
}
