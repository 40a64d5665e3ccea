import { formatMoney } from '@chance/core';
import type { ReturnStatus } from '@chance/returns';

/**
 * The e-mails of docs/api.md#e-mail, as pure functions of what they say: a subject, an HTML part and
 * a plain-text part, with the store's name and amounts in the store's currency. Nothing here reads
 * the database; the sender loads the records and passes them in.
 */
export const TEMPLATES = [
  'order_confirmation',
  'order_shipped',
  'order_delivered',
  'order_cancelled',
  'refund_issued',
  'return_status',
  'booking_confirmed',
  'booking_reminder',
  'otp_code',
  'password_reset',
] as const;

export type Template = (typeof TEMPLATES)[number];

export interface Store {
  name: string;
  currency: string;
}

/** The store as its e-mails name it, from its settings. */
export const storeOf = (settings: { storeName: string; currency: string }): Store => ({ name: settings.storeName, currency: settings.currency });

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
}

/** What a subject needs, known when the e-mail is queued (the log lists subjects before anything is sent). */
export interface SubjectFacts {
  orderNumber?: string;
  serviceName?: string;
  /** the order, sale or booking money went back on or goods come back from */
  recordNumber?: string;
  returnNumber?: string;
  returnStatus?: ReturnStatus;
}

export function subjectOf(template: Template, store: Store, facts: SubjectFacts): string {
  switch (template) {
    case 'order_confirmation':
      return `${store.name}: order ${facts.orderNumber} confirmed`;
    case 'order_shipped':
      return `${store.name}: order ${facts.orderNumber} is on its way`;
    case 'order_delivered':
      return `${store.name}: order ${facts.orderNumber} was delivered`;
    case 'order_cancelled':
      return `${store.name}: order ${facts.orderNumber} was cancelled`;
    case 'refund_issued':
      return `${store.name}: your refund for ${facts.recordNumber}`;
    case 'return_status':
      return `${store.name}: return ${facts.returnNumber} ${RETURN_WORDS[facts.returnStatus!][0]}`;
    case 'booking_confirmed':
      return `${store.name}: your ${facts.serviceName} visit is booked`;
    case 'booking_reminder':
      return `${store.name}: reminder of your ${facts.serviceName} visit tomorrow`;
    case 'otp_code':
      return `${store.name}: your verification code`;
    case 'password_reset':
      return `${store.name}: choose a new password`;
  }
}

/** Escapes text for HTML: every value put into a template goes through it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `2026-12-24 14:30 UTC` */
export const utcTime = (instant: Date | string): string => `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A block of an e-mail: a paragraph, a table of rows (label, value), or a call to action. */
type Block = { kind: 'p'; text: string } | { kind: 'rows'; rows: [string, string][]; strongLast?: boolean } | { kind: 'button'; label: string; url: string };

/** One layout for every e-mail, in both parts, so the HTML and the text never say different things. */
function compose(store: Store, subject: string, heading: string, blocks: Block[], attachments: Attachment[] = []): Rendered {
  const html = blocks
    .map((b) => {
      if (b.kind === 'p') return `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`;
      if (b.kind === 'button') {
        return `<p style="margin:24px 0"><a href="${escapeHtml(b.url)}" style="background:#1f6feb;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">${escapeHtml(b.label)}</a></p>
<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(b.url)}</p>`;
      }
      const rows = b.rows
        .map(([label, value], i) => {
          const weight = b.strongLast && i === b.rows.length - 1 ? 'font-weight:bold;' : '';
          return `<tr><td style="padding:4px 12px 4px 0;${weight}">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right;${weight}">${escapeHtml(value)}</td></tr>`;
        })
        .join('');
      return `<table style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`;
    })
    .join('\n');
  const text = blocks
    .map((b) => {
      if (b.kind === 'p') return b.text;
      if (b.kind === 'button') return `${b.label}: ${b.url}`;
      return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    })
    .join('\n\n');
  return {
    subject,
    html: `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:600px;margin:0 auto;padding:24px">
<p style="font-size:20px;font-weight:bold;margin:0 0 24px">${escapeHtml(store.name)}</p>
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${html}
<p style="margin:32px 0 0;font-size:12px;color:#555">${escapeHtml(store.name)}</p>
</body></html>`,
    text: `${store.name}\n\n${heading}\n\n${text}\n\n-- \n${store.name}\n`,
    attachments,
  };
}

/** What the order e-mails show of an order (a subset of the admin view). */
export interface OrderFacts {
  /** null only while a draft, which is never mailed (docs/api.md#draft-orders-and-order-editing) */
  number: string | null;
  placedAt: Date | string;
  status: string;
  paymentStatus: string;
  paymentMethod: string;
  lines: { productName: string; attributes: Record<string, string>; quantity: number; unitPrice: number; lineTotal: number }[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  balanceDue: number;
  shippingAddress: { name: string; line1: string; line2?: string | null; city: string; postalCode: string; country: string };
  estimatedDeliveryDate: string | null;
}

const describe = (line: { productName: string; attributes: Record<string, string> }) => {
  const attributes = Object.entries(line.attributes ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return attributes ? `${line.productName} (${attributes})` : line.productName;
};

const PAYMENT_WORDS: Record<string, string> = {
  unpaid: 'unpaid',
  partially_paid: 'partially paid',
  paid: 'paid',
  refunded: 'refunded',
  partially_refunded: 'partially refunded',
};

function orderSummary(store: Store, order: OrderFacts): Block[] {
  const money = (amount: number) => formatMoney(amount, store.currency);
  const address = order.shippingAddress;
  return [
    { kind: 'rows', rows: order.lines.map((l) => [`${l.quantity} × ${describe(l)} at ${money(l.unitPrice)}`, money(l.lineTotal)]) },
    {
      kind: 'rows',
      strongLast: true,
      rows: [
        ['Subtotal', money(order.subtotal)],
        ...(order.discountTotal > 0 ? ([['Discount', `−${money(order.discountTotal)}`]] as [string, string][]) : []),
        ['Shipping', money(order.shippingTotal)],
        ['Tax', money(order.taxTotal)],
        ['Total', money(order.total)],
      ],
    },
    {
      kind: 'p',
      text: `Payment: ${PAYMENT_WORDS[order.paymentStatus] ?? order.paymentStatus}${order.balanceDue > 0 ? `, ${money(order.balanceDue)} still due` : ''}.`,
    },
    {
      kind: 'p',
      text: `Shipping to ${[address.name, address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country].filter(Boolean).join(', ')}.`,
    },
  ];
}

export function orderConfirmation(store: Store, order: OrderFacts, invoice: { number: string; pdf: Buffer } | null): Rendered {
  const blocks: Block[] = [
    { kind: 'p', text: `Thank you for your order ${order.number}, placed ${utcTime(order.placedAt)}. Here is what you ordered:` },
    ...orderSummary(store, order),
  ];
  if (order.estimatedDeliveryDate) blocks.push({ kind: 'p', text: `Estimated delivery: ${order.estimatedDeliveryDate}.` });
  if (invoice) blocks.push({ kind: 'p', text: `Your invoice ${invoice.number} is attached.` });
  const attachments = invoice ? [{ filename: `${invoice.number}.pdf`, content: invoice.pdf, contentType: 'application/pdf' }] : [];
  return compose(
    store,
    subjectOf('order_confirmation', store, { orderNumber: order.number ?? undefined }),
    `Order ${order.number} confirmed`,
    blocks,
    attachments,
  );
}

export function orderShipped(store: Store, order: OrderFacts): Rendered {
  const blocks: Block[] = [{ kind: 'p', text: `Your order ${order.number} has left us and is on its way.` }];
  if (order.estimatedDeliveryDate) blocks.push({ kind: 'p', text: `Estimated delivery: ${order.estimatedDeliveryDate}.` });
  blocks.push(...orderSummary(store, order));
  return compose(store, subjectOf('order_shipped', store, { orderNumber: order.number ?? undefined }), `Order ${order.number} is on its way`, blocks);
}

export function orderDelivered(store: Store, order: OrderFacts): Rendered {
  return compose(store, subjectOf('order_delivered', store, { orderNumber: order.number ?? undefined }), `Order ${order.number} was delivered`, [
    { kind: 'p', text: `Your order ${order.number} was delivered. We hope you enjoy it.` },
    ...orderSummary(store, order),
  ]);
}

export function orderCancelled(store: Store, order: OrderFacts): Rendered {
  const money = (amount: number) => formatMoney(amount, store.currency);
  const blocks: Block[] = [{ kind: 'p', text: `Your order ${order.number} (${money(order.total)}) was cancelled.` }];
  if (order.paymentStatus === 'refunded') blocks.push({ kind: 'p', text: 'What you paid is being refunded to you.' });
  return compose(store, subjectOf('order_cancelled', store, { orderNumber: order.number ?? undefined }), `Order ${order.number} was cancelled`, blocks);
}

/** What the refund e-mail shows of a refund (a subset of the admin view). */
export interface RefundFacts {
  number: string;
  recordNumber: string;
  amount: number;
  method: string;
  reason: string;
  refundedAt: Date | string | null;
}

/** The credit note of a refund, attached to its e-mail. */
export interface CreditNoteDocument {
  number: string;
  pdf: Buffer;
}

export function refundIssued(store: Store, refund: RefundFacts, creditNote: CreditNoteDocument | null): Rendered {
  const money = (amount: number) => formatMoney(amount, store.currency);
  const blocks: Block[] = [
    { kind: 'p', text: `We have refunded ${money(refund.amount)} for ${refund.recordNumber}.` },
    {
      kind: 'rows',
      rows: [
        ['Refund', refund.number],
        ['Reason', refund.reason],
        ['Paid back', refund.method === 'card' ? 'to your card' : `by ${refund.method.replace(/_/g, ' ')}`],
        ...(refund.refundedAt ? ([['On', utcTime(refund.refundedAt)]] as [string, string][]) : []),
        ['Amount', money(refund.amount)],
      ],
      strongLast: true,
    },
  ];
  if (refund.method === 'card') blocks.push({ kind: 'p', text: 'Your bank may take a few days to show it on your statement.' });
  if (creditNote) blocks.push({ kind: 'p', text: `Your credit note ${creditNote.number} is attached.` });
  const attachments = creditNote ? [{ filename: `${creditNote.number}.pdf`, content: creditNote.pdf, contentType: 'application/pdf' }] : [];
  return compose(store, subjectOf('refund_issued', store, { recordNumber: refund.recordNumber }), `${money(refund.amount)} refunded`, blocks, attachments);
}

/** The statuses a return moves through, as the customer reads them: the word of the subject and what happens next. */
const RETURN_WORDS: Record<ReturnStatus, [word: string, next: string]> = {
  requested: ['requested', 'We have your request and will let you know once we have looked at it.'],
  approved: ['approved', 'Please send the goods back to us; we refund you once they arrive.'],
  received: ['received back', 'Your goods arrived: we are refunding you now.'],
  refunded: ['refunded', 'Your refund is done; its e-mail has your credit note.'],
  rejected: ['declined', 'We are sorry we could not accept it.'],
  cancelled: ['cancelled', 'Nothing more will happen with it.'],
};

/** What the return e-mail shows of a return (a subset of the admin view). */
export interface ReturnFacts {
  number: string;
  recordNumber: string;
  status: ReturnStatus;
  lines: { productName: string; attributes: Record<string, string>; quantity: number }[];
  refundAmount: number | null;
  rejectReason: string | null;
}

export function returnStatus(store: Store, ret: ReturnFacts): Rendered {
  const [word, next] = RETURN_WORDS[ret.status];
  const blocks: Block[] = [
    { kind: 'p', text: `Your return ${ret.number} for ${ret.recordNumber} is ${word}. ${next}` },
    { kind: 'rows', rows: ret.lines.map((l) => [describe(l), `× ${l.quantity}`]) },
  ];
  if (ret.status === 'rejected' && ret.rejectReason) blocks.push({ kind: 'p', text: `Reason: ${ret.rejectReason}` });
  if (ret.refundAmount !== null && ret.status !== 'rejected' && ret.status !== 'cancelled') {
    blocks.push({ kind: 'p', text: `${ret.status === 'refunded' ? 'Refunded' : 'To be refunded'}: ${formatMoney(ret.refundAmount, store.currency)}.` });
  }
  return compose(store, subjectOf('return_status', store, { returnNumber: ret.number, returnStatus: ret.status }), `Return ${ret.number} ${word}`, blocks);
}

export interface BookingFacts {
  serviceName: string;
  scheduledAt: Date | string;
  durationMinutes: number;
  address: string;
  price: number;
  notes: string;
}

function bookingRows(store: Store, booking: BookingFacts): Block {
  return {
    kind: 'rows',
    rows: [
      ['Service', booking.serviceName],
      ['When', utcTime(booking.scheduledAt)],
      ['Duration', `${booking.durationMinutes} minutes`],
      ['Where', booking.address],
      ['Price', formatMoney(booking.price, store.currency)],
    ],
  };
}

export function bookingConfirmed(store: Store, booking: BookingFacts, customerName: string): Rendered {
  return compose(store, subjectOf('booking_confirmed', store, booking), `Your ${booking.serviceName} visit is booked`, [
    { kind: 'p', text: `Hello ${customerName || 'there'}, your visit is booked:` },
    bookingRows(store, booking),
    { kind: 'p', text: 'We will remind you the day before.' },
  ]);
}

export function bookingReminder(store: Store, booking: BookingFacts, customerName: string): Rendered {
  return compose(store, subjectOf('booking_reminder', store, booking), `See you tomorrow`, [
    { kind: 'p', text: `Hello ${customerName || 'there'}, this is a reminder of your visit:` },
    bookingRows(store, booking),
  ]);
}

export function otpCode(store: Store, code: string, validMinutes: number): Rendered {
  return compose(store, subjectOf('otp_code', store, {}), 'Your verification code', [
    { kind: 'p', text: `Your verification code is ${code}. It works once, for ${validMinutes} minutes.` },
    { kind: 'p', text: 'If you did not ask for it, you can ignore this e-mail.' },
  ]);
}

export function passwordReset(store: Store, link: string, validMinutes: number): Rendered {
  return compose(store, subjectOf('password_reset', store, {}), 'Choose a new password', [
    { kind: 'p', text: `Someone (we hope you) asked to choose a new password for your ${store.name} account.` },
    { kind: 'button', label: 'Choose a new password', url: link },
    { kind: 'p', text: `The link works once, for ${validMinutes} minutes; choosing a new password signs you out everywhere.` },
    { kind: 'p', text: 'If you did not ask for it, ignore this e-mail: your password stays as it is.' },
  ]);
}
