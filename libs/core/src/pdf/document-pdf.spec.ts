import fc from 'fast-check';
import { printedTotals, sellerOf } from './document-pdf.js';

describe('printedTotals', () => {
  it('leaves out a deduction of nothing, keeps every other row in order', () => {
    const rows = [
      { label: 'Subtotal', amount: 2000 },
      { label: 'Discount', amount: 0, negative: true },
      { label: 'Shipping', amount: 0 },
      { label: 'Total', amount: 2000, strong: true },
    ];
    expect(printedTotals(rows).map((r) => r.label)).toEqual(['Subtotal', 'Shipping', 'Total']);
    expect(printedTotals([{ label: 'Discount', amount: 150, negative: true }])).toEqual([{ label: 'Discount', amount: 150, negative: true }]);
  });

  it('drops exactly the zero deductions', () => {
    const row = fc.record({ label: fc.string(), amount: fc.nat(10_000), negative: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row), (rows) => {
        expect(printedTotals(rows)).toEqual(rows.filter((r) => r.amount !== 0 || !r.negative));
      }),
    );
  });
});

describe('sellerOf', () => {
  it('prints the legal name with the trading name, address, tax number and contacts; only the store name when that is all there is', () => {
    expect(sellerOf({ storeName: 'Bits', legalName: 'Bits Ltd', address: '1 Loop St', taxId: 'GB123', email: 'hi@bits.test', phone: '+44 1' })).toEqual({
      issuer: 'Bits Ltd',
      issuerDetails: ['Trading as Bits', '1 Loop St', 'Tax number: GB123', 'hi@bits.test · +44 1'],
    });
    expect(sellerOf({ storeName: 'Bits' })).toEqual({ issuer: 'Bits', issuerDetails: [] });
  });

  it('ends the document with the settings’ footer, after the document’s own footer', () => {
    const store = { storeName: 'Bits', invoiceFooter: 'Bank: GB00 1234 · thank you!' };
    expect(sellerOf(store).footer).toBe('Bank: GB00 1234 · thank you!');
    expect(sellerOf(store, '2026-12-06  Cash  £10.00').footer).toBe('2026-12-06  Cash  £10.00\n\nBank: GB00 1234 · thank you!');
    expect(sellerOf({ storeName: 'Bits', invoiceFooter: ' ' }, '').footer).toBeUndefined();
  });
});
