import fc from 'fast-check';
import {
  bookingConfirmed,
  escapeHtml,
  orderConfirmation,
  passwordReset,
  refundIssued,
  returnStatus,
  subjectOf,
  TEMPLATES,
  type OrderFacts,
} from './mail-templates.js';
import { mailsFor } from './mail-rules.js';

const store = { name: 'Bits & <Bobs>', currency: 'EUR' };
const order: OrderFacts = {
  number: 'ORD-000042',
  placedAt: '2026-12-06T10:15:00.000Z',
  status: 'pending',
  paymentStatus: 'unpaid',
  paymentMethod: 'cash_on_delivery',
  lines: [{ productName: 'Mug <b>bold</b>', attributes: { colour: 'red' }, quantity: 2, unitPrice: 1250, lineTotal: 2500 }],
  subtotal: 2500,
  discountTotal: 0,
  shippingTotal: 495,
  taxTotal: 375,
  total: 3370,
  paidAmount: 0,
  balanceDue: 3370,
  shippingAddress: { name: 'Ada', line1: '1 Loop St', city: 'London', postalCode: 'N1', country: 'GB' },
  estimatedDeliveryDate: '2026-12-10',
};

describe('e-mail templates', () => {
  it('the order confirmation names the store, shows amounts in its currency and attaches the invoice', () => {
    const pdf = Buffer.from('%PDF-1.7');
    const mail = orderConfirmation(store, order, { number: 'INV-2026-000007', pdf });
    expect(mail.subject).toBe('Bits & <Bobs>: order ORD-000042 confirmed');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('€33.70');
      expect(part).toContain('€4.95');
      expect(part).toContain('INV-2026-000007');
    }
    expect(mail.text).toContain('Bits & <Bobs>');
    expect(mail.html).toContain('Bits &amp; &lt;Bobs&gt;');
    expect(mail.html).not.toContain('<b>bold</b>');
    expect(mail.attachments).toEqual([{ filename: 'INV-2026-000007.pdf', content: pdf, contentType: 'application/pdf' }]);
  });

  it('escapes whatever text goes into the HTML part', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toContain('&');
        // between markers the template never writes, so the template's own tags cannot pass for the text
        const marked = `\u2603${text}\u2603`;
        const html = bookingConfirmed(
          store,
          { serviceName: marked, scheduledAt: '2026-12-24T09:00:00Z', durationMinutes: 60, address: marked, price: 100, notes: '' },
          marked,
        ).html;
        expect(html).toContain(`\u2603${escapeHtml(text)}\u2603`);
        if (/[<>"'&]/.test(text)) expect(html).not.toContain(marked);
      }),
    );
  });

  it('the reset e-mail carries its link as a link and as text', () => {
    const link = 'https://shop.example.com/reset-password?token=abc_DEF-123';
    const mail = passwordReset(store, link, 30);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('30 minutes');
  });

  it('the refund e-mail says how much went back on which record, how, and attaches the credit note', () => {
    const pdf = Buffer.from('%PDF-1.7');
    const refund = {
      number: 'RF-000003',
      recordNumber: 'ORD-000042',
      amount: 1199,
      method: 'card',
      reason: 'Damaged <lid>',
      refundedAt: '2026-12-07T09:30:00.000Z',
    };
    const mail = refundIssued(store, refund, { number: 'CN-2026-000002', pdf });
    expect(mail.subject).toBe('Bits & <Bobs>: your refund for ORD-000042');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('€11.99');
      expect(part).toContain('RF-000003');
      expect(part).toContain('to your card');
      expect(part).toContain('CN-2026-000002');
    }
    expect(mail.html).toContain('Damaged &lt;lid&gt;');
    expect(mail.attachments).toEqual([{ filename: 'CN-2026-000002.pdf', content: pdf, contentType: 'application/pdf' }]);
    const cash = refundIssued(store, { ...refund, method: 'cash' }, null);
    expect(cash.text).toContain('by cash');
    expect(cash.text).not.toContain('credit note');
    expect(cash.attachments).toEqual([]);
  });

  it('the return e-mail names the return, its status and its lines; a declined one its reason, a pending one what it would refund', () => {
    const ret = {
      number: 'RET-000005',
      recordNumber: 'ORD-000042',
      status: 'approved' as const,
      lines: [{ productName: 'Kettle', attributes: { colour: 'red' }, quantity: 1 }],
      refundAmount: 2015,
      rejectReason: null,
    };
    const approved = returnStatus(store, ret);
    expect(approved.subject).toBe('Bits & <Bobs>: return RET-000005 approved');
    expect(approved.text).toContain('Kettle (colour: red): × 1');
    expect(approved.text).toContain('To be refunded: €20.15.');
    expect(approved.text).toContain('send the goods back');
    const declined = returnStatus(store, { ...ret, status: 'rejected', rejectReason: 'Used', refundAmount: null });
    expect(declined.subject).toBe('Bits & <Bobs>: return RET-000005 declined');
    expect(declined.text).toContain('Reason: Used');
    expect(declined.text).not.toContain('refunded');
    expect(returnStatus(store, { ...ret, status: 'refunded' }).text).toContain('Refunded: €20.15.');
  });

  it('every template has a subject that names the store', () => {
    const facts = { orderNumber: 'ORD-1', serviceName: 'Plumber', recordNumber: 'ORD-1', returnNumber: 'RET-1', returnStatus: 'requested' as const };
    for (const template of TEMPLATES) expect(subjectOf(template, store, facts)).toContain(store.name);
  });
});

describe('which events send which e-mails', () => {
  const ref = { orderId: 7, number: 'ORD-000007', customerId: null, email: 'guest@example.com' };
  it('orders: placed, shipped, delivered and cancelled, to the order’s address; other changes send nothing', () => {
    expect(mailsFor({ id: 1, type: 'order.placed', payload: { ...ref, total: 100 }, occurredAt: new Date() }).map((m) => [m.template, m.recipient])).toEqual([
      ['order_confirmation', { kind: 'address', email: 'guest@example.com' }],
    ]);
    const update = (to: string) =>
      mailsFor({ id: 2, type: 'order.updated', payload: { ...ref, change: 'status', from: 'pending', to: to as 'shipped' }, occurredAt: new Date() }).map(
        (m) => m.template,
      );
    expect([update('processing'), update('shipped'), update('delivered')]).toEqual([[], ['order_shipped'], ['order_delivered']]);
    expect(mailsFor({ id: 3, type: 'order.updated', payload: { ...ref, change: 'payment', from: 'unpaid', to: 'paid' }, occurredAt: new Date() })).toEqual([]);
    expect(
      mailsFor({ id: 4, type: 'order.cancelled', payload: { ...ref, change: 'status', from: 'pending', to: 'cancelled' }, occurredAt: new Date() })[0].template,
    ).toBe('order_cancelled');
  });

  it('refunds and returns: to the record’s address, and to nobody when it has none (an in-store sale without one)', () => {
    const refund = {
      refundId: 4,
      number: 'RF-000004',
      amount: 1250,
      currency: 'USD',
      method: 'card',
      orderId: 7,
      offlineSaleId: null,
      bookingId: null,
      returnId: null,
      recordNumber: 'ORD-000007',
      customerId: null,
      creditNoteId: 9,
      email: 'guest@example.com',
    };
    expect(mailsFor({ id: 8, type: 'refund.created', payload: refund, occurredAt: new Date() })).toEqual([
      { template: 'refund_issued', recipient: { kind: 'address', email: 'guest@example.com' }, params: { refundId: 4 }, facts: { recordNumber: 'ORD-000007' } },
    ]);
    expect(mailsFor({ id: 9, type: 'refund.created', payload: { ...refund, orderId: null, offlineSaleId: 2, email: null }, occurredAt: new Date() })).toEqual(
      [],
    );
    const ret = {
      returnId: 5,
      number: 'RET-000005',
      orderId: 7,
      offlineSaleId: null,
      recordNumber: 'ORD-000007',
      customerId: null,
      email: 'guest@example.com',
    };
    expect(mailsFor({ id: 10, type: 'return.updated', payload: { ...ret, from: 'requested', to: 'approved' }, occurredAt: new Date() })).toEqual([
      {
        template: 'return_status',
        recipient: { kind: 'address', email: 'guest@example.com' },
        params: { returnId: 5 },
        facts: { returnNumber: 'RET-000005', returnStatus: 'approved' },
      },
    ]);
    expect(mailsFor({ id: 11, type: 'return.updated', payload: { ...ret, email: null, from: null, to: 'requested' }, occurredAt: new Date() })).toEqual([]);
  });

  it('account e-mails carry no secret when queued: codes and links are made when they are sent', () => {
    const otp = mailsFor({ id: 5, type: 'otp.requested', payload: { userId: 3, channel: 'email' }, occurredAt: new Date() });
    const reset = mailsFor({ id: 6, type: 'password.reset_requested', payload: { email: 'a@b.co' }, occurredAt: new Date() });
    expect(otp).toEqual([{ template: 'otp_code', recipient: { kind: 'user', userId: 3 }, params: { userId: 3 }, facts: {} }]);
    expect(reset).toEqual([{ template: 'password_reset', recipient: { kind: 'account', email: 'a@b.co' }, params: {}, facts: {} }]);
  });
});
