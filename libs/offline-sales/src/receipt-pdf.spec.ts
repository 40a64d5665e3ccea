import type { SettingsView } from '@chance/settings';
import type { OfflineSaleView } from './dto/offline-sales.dto.js';
import { receiptDocument } from './receipt-pdf.js';

// What a receipt prints (the PDF renderer itself is core's, shared with invoices and credit notes).
const sale = {
  number: 'SALE-000012',
  status: 'completed',
  soldAt: new Date('2026-12-06T10:15:00Z'),
  paymentStatus: 'partially_paid',
  lines: [{ productName: 'Mug', sku: 'MUG-1', attributes: { colour: 'red' }, quantity: 2, unitPrice: 900, lineTotal: 1800 }],
  subtotal: 1800,
  discount: 0,
  discountTotal: 0,
  couponCode: null,
  taxTotal: 180,
  total: 1980,
  paidAmount: 1000,
  refundedAmount: 0,
  balance: 980,
  payments: [
    { paidAt: new Date('2026-12-06T10:16:00Z'), method: 'bank_transfer', amount: 600 },
    { paidAt: new Date('2026-12-06T10:17:00Z'), method: 'cash', amount: 400 },
  ],
} as unknown as OfflineSaleView;
const customer = { name: 'Walk-in Wanda', phone: '+44 7000', email: null, address: null };
const store = {
  storeName: 'Bits',
  legalName: 'Bits Trading Ltd',
  address: '1 Loop St, London',
  taxId: 'GB123456789',
  email: 'hi@bits.test',
  phone: '',
  currency: 'GBP',
  invoiceFooter: 'Goods remain ours until paid in full.',
};

describe('the receipt of an in-store sale', () => {
  it('names the seller with its legal details, as invoices do', () => {
    const receipt = receiptDocument(sale, customer, store as unknown as SettingsView);
    expect(receipt.issuer).toBe('Bits Trading Ltd');
    expect(receipt.issuerDetails).toEqual(['Trading as Bits', '1 Loop St, London', 'Tax number: GB123456789', 'hi@bits.test']);
  });

  it('prints statuses and payment methods in words, not as API values, then the settings’ footer', () => {
    const receipt = receiptDocument(sale, customer, store as unknown as SettingsView);
    expect(receipt.facts).toEqual(['Sold 2026-12-06 10:15 UTC', 'Payment status: Partially paid']);
    expect(receipt.footer).toBe('2026-12-06  Bank transfer  £6.00\n2026-12-06  Cash  £4.00\n\nGoods remain ours until paid in full.');
    expect(receipt.totals.map((t) => t.label)).toEqual(['Subtotal', 'Discount', 'Tax', 'Total', 'Paid', 'Balance']);
  });

  it('says a cancelled sale is cancelled, in words', () => {
    const cancelled = { ...sale, status: 'cancelled', paymentStatus: 'refunded' } as unknown as OfflineSaleView;
    expect(receiptDocument(cancelled, customer, store as unknown as SettingsView).facts).toEqual([
      'Sold 2026-12-06 10:15 UTC',
      'Payment status: Refunded',
      'Cancelled',
    ]);
  });

  it('names the coupon of a counter discount, and a walk-in buyer', () => {
    const withCoupon = { ...sale, discount: 180, discountTotal: 180, couponCode: 'COUNTER10', taxTotal: 162, total: 1782 } as OfflineSaleView;
    const receipt = receiptDocument(withCoupon, { name: 'Walk-in customer', phone: '', email: null, address: null }, store as unknown as SettingsView);
    expect(receipt.totals[1]).toEqual({ label: 'Discount (coupon COUNTER10)', amount: 180, negative: true });
    expect(receipt.party[0]).toBe('Walk-in customer');
  });
});
