import type { SettingsView } from '@chance/settings';
import { purchaseInvoiceDocument } from './purchase-invoice-pdf.js';
import type { PurchaseInvoiceEntity } from './purchasing.entities.js';

// What a purchase invoice prints (the PDF renderer itself is core's, shared with invoices and receipts).
const invoice = {
  number: 'PINV-2026-000051',
  purchaseNumber: 'PO-000051',
  issuedAt: new Date('2026-12-05T09:00:00Z'),
  status: 'final',
  supplier: { name: 'Mugs & Co', contactName: 'Mo', email: 'mo@mugs.test', phone: null, address: '2 Clay Rd' },
  currency: 'GBP',
  lines: [{ productName: 'Mug', sku: 'MUG-1', attributes: { colour: 'red' }, quantity: 10, unitCost: 350, lineTotal: 3500 }],
  subtotal: 3500,
  shippingCost: 500,
  taxTotal: 800,
  total: 4800,
} as unknown as PurchaseInvoiceEntity;
const store = {
  storeName: 'Bits',
  legalName: 'Bits Trading Ltd',
  address: '1 Loop St, London',
  taxId: 'GB123456789',
  email: 'buying@bits.test',
  phone: '',
  currency: 'GBP',
  invoiceFooter: 'Registered in England, no. 0000001.',
} as unknown as SettingsView;

describe('the purchase invoice of a purchase', () => {
  it('names the store by its legal details from settings and ends with the settings’ footer, as every document does', () => {
    const document = purchaseInvoiceDocument(invoice, store);
    expect(document.issuer).toBe('Bits Trading Ltd');
    expect(document.issuerDetails).toEqual(['Trading as Bits', '1 Loop St, London', 'Tax number: GB123456789', 'buying@bits.test']);
    expect(document.footer).toBe('Registered in England, no. 0000001.');
  });

  it('prints its status in words, the supplier, lines at their unit cost and the totals', () => {
    const document = purchaseInvoiceDocument(invoice, store);
    expect(document.facts).toEqual(['Purchase PO-000051', 'Issued 2026-12-05', 'Status: Final']);
    expect(document.party.filter(Boolean)).toEqual(['Mugs & Co', 'Mo', 'mo@mugs.test', '2 Clay Rd']);
    expect(document.lines).toEqual([{ description: 'Mug (colour: red)\nSKU MUG-1', quantity: 10, unitPrice: 350, lineTotal: 3500 }]);
    expect(document.totals.map((t) => t.amount)).toEqual([3500, 500, 800, 4800]);
  });
});
