import { formatMoney } from '../money.js';

/** A commercial document (invoice, purchase invoice, receipt) as the PDF renderer takes it. */
export interface PrintableDocument {
  issuer: string;
  /** the seller's details under its name: legal name, address, tax number, e-mail, phone (empty ones left out) */
  issuerDetails?: (string | null | undefined)[];
  title: string;
  /** lines under the title: numbers, dates, status */
  facts: string[];
  partyLabel: string;
  party: (string | null | undefined)[];
  currency: string;
  lines: { description: string; quantity: number; unitPrice: number; lineTotal: number }[];
  /** label, amount; `strong` rows are bold */
  totals: { label: string; amount: number; strong?: boolean; negative?: boolean }[];
  footer?: string;
}

/** Renders a printable A4 document with pdfkit. */
export async function renderDocumentPdf(document: PrintableDocument): Promise<Buffer> {
  // loaded on first use: fonts and layout code the API does not need until someone prints
  const { default: PDFDocument } = await import('pdfkit');
  const money = (amount: number) => formatMoney(amount, document.currency);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: document.title, Author: document.issuer } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).font('Helvetica-Bold').text(document.issuer);
  const details = (document.issuerDetails ?? []).filter((d): d is string => Boolean(d && d.trim()));
  if (details.length) doc.font('Helvetica').fontSize(9).fillColor('#444').text(details.join('\n')).fillColor('#000').font('Helvetica-Bold');
  doc.moveDown(0.5).fontSize(14).text(document.title);
  doc.font('Helvetica').fontSize(10).fillColor('#444');
  for (const fact of document.facts) doc.text(fact);
  doc.moveDown().fillColor('#000').font('Helvetica-Bold').text(document.partyLabel);
  doc.font('Helvetica').text(document.party.filter(Boolean).join('\n'));

  const columns = { item: 50, qty: 330, price: 380, total: 470 };
  let y = doc.moveDown(1.5).y;
  doc.font('Helvetica-Bold');
  doc.text('Item', columns.item, y).text('Qty', columns.qty, y).text('Unit price', columns.price, y).text('Total', columns.total, y);
  doc
    .moveTo(50, y + 14)
    .lineTo(545, y + 14)
    .stroke('#999');
  doc.font('Helvetica');
  y += 22;
  for (const line of document.lines) {
    const height = doc.heightOfString(line.description, { width: 270 });
    if (y + height > 740) {
      doc.addPage();
      y = 50;
    }
    doc.text(line.description, columns.item, y, { width: 270 });
    doc.text(String(line.quantity), columns.qty, y).text(money(line.unitPrice), columns.price, y).text(money(line.lineTotal), columns.total, y);
    y += Math.max(height, 14) + 8;
  }
  doc.moveTo(50, y).lineTo(545, y).stroke('#999');
  y += 10;
  for (const row of printedTotals(document.totals)) {
    doc
      .font(row.strong ? 'Helvetica-Bold' : 'Helvetica')
      .text(row.label, 330, y)
      .text(`${row.negative ? '-' : ''}${money(row.amount)}`, columns.total, y);
    y += 16;
  }
  if (document.footer)
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#666')
      .text(document.footer, 50, y + 20, { width: 495 });
  doc.end();
  return done;
}

export type PrintableLine = PrintableDocument['lines'][number];

/** The totals a document prints: a deduction of nothing (no discount) is left out rather than printed as "-$0.00". */
export function printedTotals(totals: PrintableDocument['totals']): PrintableDocument['totals'] {
  return totals.filter((row) => !(row.negative && row.amount === 0));
}

/** A snapshot line (an invoice's, a receipt's, a purchase's) as a document prints it. */
export function printableLine(line: {
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}): PrintableLine {
  return {
    description: describeLine(line.productName, line.sku, line.attributes),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    lineTotal: line.lineTotal,
  };
}

/**
 * The seller as every document prints it (invoices, credit notes, receipts, purchase invoices;
 * docs/api.md#back-office-resources): its legal name (else the store's name), its details, and the
 * settings' footer (`invoiceFooter`) at the bottom, after whatever the document itself prints there.
 */
export function sellerOf(
  settings: { storeName: string; legalName?: string; address?: string; taxId?: string; email?: string; phone?: string; invoiceFooter?: string },
  ownFooter?: string,
): {
  issuer: string;
  issuerDetails: string[];
  footer?: string;
} {
  const issuer = settings.legalName?.trim() || settings.storeName;
  const details = [
    settings.legalName?.trim() && settings.legalName.trim() !== settings.storeName ? `Trading as ${settings.storeName}` : '',
    settings.address ?? '',
    settings.taxId ? `Tax number: ${settings.taxId}` : '',
    [settings.email, settings.phone].filter(Boolean).join(' · '),
  ];
  const footer = [ownFooter, settings.invoiceFooter]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
  return { issuer, issuerDetails: details.filter((d) => d.trim() !== ''), ...(footer ? { footer } : {}) };
}

/** `Oxford Shirt (size: L)\nSKU OX-L` */
export function describeLine(productName: string, sku: string, attributes: Record<string, string> = {}): string {
  const details = Object.entries(attributes)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `${productName}${details ? ` (${details})` : ''}\nSKU ${sku}`;
}
