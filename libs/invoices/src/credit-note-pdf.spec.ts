import type { SettingsView } from '@chance/settings';
import type { CreditNoteEntity } from './credit-note.entity.js';
import { creditNoteDocument } from './credit-note-pdf.js';

// What a credit note prints (the PDF renderer itself is core's, shared with invoices and receipts).
const note = {
  number: 'CN-2026-000003',
  recordNumber: 'ORD-000042',
  issuedAt: new Date('2026-12-06T12:00:00Z'),
  reason: 'Damaged in transit',
  billTo: { name: 'Ada Lovelace', email: 'ada@example.test', lines: ['1 Analytical Way', 'SW1A 1AA London'], phone: null },
  currency: 'GBP',
  taxRateBps: 2000,
  lines: [{ description: 'Mug (colour: red)\nSKU MUG-1', quantity: 1, unitPrice: 900, lineTotal: 900 }],
  subtotal: 900,
  discountTotal: 0,
  shippingTotal: 0,
  taxTotal: 180,
  total: 1080,
} as unknown as CreditNoteEntity;
const store = {
  storeName: 'Bits',
  legalName: 'Bits Trading Ltd',
  address: '1 Loop St, London',
  taxId: 'GB123456789',
  email: 'hi@bits.test',
  phone: '+44 20 0000',
  currency: 'GBP',
  invoiceFooter: 'Registered in England, no. 0000001.',
} as unknown as SettingsView;

describe('the credit note of a refund', () => {
  it('names the seller with its legal details from settings and ends with the settings’ footer, as invoices do', () => {
    const document = creditNoteDocument(note, store);
    expect(document.issuer).toBe('Bits Trading Ltd');
    expect(document.issuerDetails).toEqual(['Trading as Bits', '1 Loop St, London', 'Tax number: GB123456789', 'hi@bits.test · +44 20 0000']);
    expect(document.footer).toBe('Registered in England, no. 0000001.');
  });

  it('prints the record it credits, the customer and what was given back', () => {
    const document = creditNoteDocument(note, store);
    expect(document.title).toBe('Credit note CN-2026-000003');
    expect(document.facts).toEqual(['For ORD-000042', 'Issued 2026-12-06', 'Reason: Damaged in transit']);
    expect(document.party.filter(Boolean)).toEqual(['Ada Lovelace', 'ada@example.test', '1 Analytical Way', 'SW1A 1AA London']);
    expect(document.totals.map((t) => [t.label, t.amount])).toEqual([
      ['Subtotal', 900],
      ['Discount', 0],
      ['Tax (20.00 %)', 180],
      ['Refunded', 1080],
    ]);
  });
});
