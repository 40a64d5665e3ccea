import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { formatMoney, Scheduler } from '@chance/core';
import { MailQueue } from '@chance/mail';
import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

// E-mail (docs/api.md#e-mail): SMTP_URL pointing at a real SMTP server running in this process
// (smtp-server), which parses what arrives (mailparser). Sent after commit through the outbox,
// retried after 200 ms here (30 s by default), logged in `emails`.

let sink: SmtpSink;
let api: TestApi;
let token: string;
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi({ SMTP_URL: sink.url, EMAIL_RETRY_FIRST_DELAY_MS: '200', PUBLIC_URL: 'https://shop.example.com' });
  token = await api.login(ADMIN.email, ADMIN.password);
  expect((await api.request('PUT', '/api/admin/settings', { token, body: { storeName: 'Mail Test Shop', currency: 'EUR' } })).status).toBe(200);
});
afterAll(async () => {
  await api.close();
  await sink.close();
});

/** The one message that arrives for `to` whose subject contains `subject`. */
function arrived(to: string, subject: string): Promise<ParsedMail> {
  return eventually(async () => {
    const found = sink.messages.filter((m) => m.subject?.includes(subject) && JSON.stringify(m.to).includes(to));
    expect(found).toHaveLength(1);
    return found[0];
  });
}

const emailLog = async (filter: Record<string, unknown>) => (await api.request('GET', `/api/admin/emails?filter=${enc(filter)}`, { token })).body as any[];

async function order(email: string) {
  const { variantIds } = await productWithStock(api, token, { name: 'Enamel Teapot', price: 2450, stock: 50 });
  const placed = await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 2 }]), { email });
  expect(placed.status).toBe(201);
  return placed.body;
}

describe('order e-mails', () => {
  it('a checkout sends the order confirmation over SMTP, in HTML and text, with the store name, amounts in the store currency and the invoice PDF', async () => {
    const placed = await order('buyer@example.com');
    const mail = await arrived('buyer@example.com', placed.number);
    const [invoice] = (await api.request('GET', `/api/admin/invoices?filter=${enc({ orderId: placed.id })}`, { token })).body;
    expect(mail.subject).toBe(`Mail Test Shop: order ${placed.number} confirmed`);
    expect(mail.from?.text).toBe('"Mail Test Shop" <no-reply@shop.example.com>');
    const total = formatMoney(placed.total, 'EUR');
    expect(total).toMatch(/^€/);
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain('Mail Test Shop');
      expect(part).toContain(placed.number);
      expect(part).toContain(total);
      expect(part).toContain('Enamel Teapot');
      expect(part).toContain(invoice.number);
    }
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${invoice.number}.pdf`, 'application/pdf']]);
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    const [logged] = await eventually(async () => {
      const rows = await emailLog({ template: 'order_confirmation', q: 'buyer@example.com' });
      expect(rows.map((r) => r.status)).toEqual(['sent']);
      return rows;
    });
    expect(logged).toMatchObject({ to: 'buyer@example.com', subject: mail.subject, attempts: 1, error: null, sentAt: expect.any(String), nextAttemptAt: null });
  });

  it('tells the customer when the order ships, is delivered, or is cancelled', async () => {
    const shipped = await order('follower@example.com');
    for (const status of ['processing', 'shipped', 'delivered']) {
      expect((await api.request('POST', `/api/admin/orders/${shipped.id}/status`, { token, body: { status } })).status).toBe(200);
    }
    expect((await arrived('follower@example.com', 'is on its way')).text).toContain(shipped.number);
    expect((await arrived('follower@example.com', 'was delivered')).text).toContain(shipped.number);
    const cancelled = await order('changed-mind@example.com');
    expect((await api.request('POST', `/api/admin/orders/${cancelled.id}/cancel`, { token, body: {} })).status).toBe(200);
    expect((await arrived('changed-mind@example.com', 'was cancelled')).text).toContain(formatMoney(cancelled.total, 'EUR'));
    // processing is no news: one e-mail per status the customer cares about
    expect(sink.messages.filter((m) => JSON.stringify(m.to).includes('follower@example.com'))).toHaveLength(3);
  });

  it('a phone order mails nothing while a draft, its confirmation with the invoice once placed, and nothing for an edit', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Phoned Teapot', price: 2450, stock: 50 });
    const drafted = await api.request('POST', '/api/admin/orders', {
      token,
      body: { email: 'phoned@example.com', lines: [{ variantId: variantIds[0], quantity: 1 }], shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' },
    });
    expect(drafted.status).toBe(201);
    const placed = await api.request('POST', `/api/admin/orders/${drafted.body.id}/place`, { token, headers: { 'idempotency-key': randomUUID() } });
    expect(placed.status).toBe(200);
    const confirmation = await arrived('phoned@example.com', placed.body.number);
    const [invoice] = (await api.request('GET', `/api/admin/invoices?filter=${enc({ orderId: placed.body.id })}`, { token })).body;
    expect(confirmation.subject).toBe(`Mail Test Shop: order ${placed.body.number} confirmed`);
    expect(confirmation.attachments.map((a) => a.filename)).toEqual([`${invoice.number}.pdf`]);

    const edited = await api.request('PUT', `/api/admin/orders/${placed.body.id}`, {
      token,
      body: { lines: [{ lineId: placed.body.lines[0].id, variantId: variantIds[0], quantity: 2 }] },
    });
    expect(edited.status).toBe(200);
    // the next status the customer hears of comes after the edit: by then, the edit would have mailed too
    for (const status of ['processing', 'shipped']) {
      expect((await api.request('POST', `/api/admin/orders/${placed.body.id}/status`, { token, body: { status } })).status).toBe(200);
    }
    await arrived('phoned@example.com', 'is on its way');
    expect(sink.messages.filter((m) => JSON.stringify(m.to).includes('phoned@example.com')).map((m) => m.subject)).toEqual([
      confirmation.subject,
      `Mail Test Shop: order ${placed.body.number} is on its way`,
    ]);
  });

  it('retries when the mail server refuses, and logs every attempt', async () => {
    sink.refuseNext(2, 'patient@example.com');
    const placed = await order('patient@example.com');
    const mail = await arrived('patient@example.com', placed.number);
    expect(mail.attachments).toHaveLength(1);
    expect(sink.refused).toBeGreaterThanOrEqual(2);
    const [logged] = await emailLog({ q: 'patient@example.com' });
    expect(logged).toMatchObject({ status: 'sent', attempts: 3, error: null });
  });

  it('is a log for admins only', async () => {
    await api.request('POST', '/api/admin/users', { token, body: { email: 'mail-staff@shop.test', password: 'staff-password', fullName: 'S', role: 'staff' } });
    const staff = await api.login('mail-staff@shop.test', 'staff-password');
    expect((await api.request('GET', '/api/admin/emails', { token: staff })).status).toBe(403);
    const all = await api.request('GET', '/api/admin/emails', { token });
    expect(all.headers.get('content-range')).toMatch(/^emails 0-\d+\/\d+$/);
    expect((await api.request('POST', '/api/admin/emails', { token, body: {} })).status).toBe(404);
  });
});

describe('refund and return e-mails', () => {
  it('tells the customer of each step of a return, and of its refund with the credit note PDF attached', async () => {
    const placed = await order('returner@example.com');
    for (const status of ['processing', 'shipped', 'delivered'])
      await api.request('POST', `/api/admin/orders/${placed.id}/status`, { token, body: { status } });
    expect((await api.request('POST', `/api/admin/orders/${placed.id}/mark-paid`, { token, body: { method: 'cash' } })).status).toBe(200);
    const made = await api.request('POST', '/api/admin/returns', {
      token,
      body: { orderId: placed.id, lines: [{ lineId: placed.lines[0].id, quantity: 1, reason: 'Chipped spout' }] },
    });
    expect(made.status).toBe(201);
    const opened = await arrived('returner@example.com', `return ${made.body.number} ${made.body.status}`);
    expect(opened.text).toContain('Enamel Teapot');
    expect(opened.text).toContain(placed.number);
    expect((await api.request('POST', `/api/admin/returns/${made.body.id}/receive`, { token })).status).toBe(200);
    expect((await arrived('returner@example.com', `return ${made.body.number} received back`)).text).toContain('Enamel Teapot');
    const refunded = await api.request('POST', `/api/admin/returns/${made.body.id}/refund`, { token, body: { method: 'cash' } });
    expect(refunded.status).toBe(200);

    const mail = await arrived('returner@example.com', `your refund for ${placed.number}`);
    const ret = (await api.request('GET', `/api/admin/returns/${made.body.id}`, { token })).body;
    const refund = (await api.request('GET', `/api/admin/refunds/${ret.refundId}`, { token })).body;
    const note = (await api.request('GET', `/api/admin/credit-notes/${refund.creditNoteId}`, { token })).body;
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain(formatMoney(refund.amount, 'EUR'));
      expect(part).toContain(refund.number);
      expect(part).toContain(note.number);
    }
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${note.number}.pdf`, 'application/pdf']]);
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await arrived('returner@example.com', `return ${made.body.number} refunded`)).text).toContain(formatMoney(refund.amount, 'EUR'));
    const logged = await eventually(async () => {
      const rows = await emailLog({ q: 'returner@example.com', template: 'refund_issued' });
      expect(rows.map((r) => r.status)).toEqual(['sent']);
      return rows;
    });
    expect(logged[0].subject).toBe(mail.subject);
  });
});

describe('booking e-mails', () => {
  it('confirms a booking, and reminds the customer 24 h before, once', async () => {
    const customer = await api.registerCustomer();
    const type = await api.request('POST', '/api/admin/service-types', { token, body: { name: 'Plumber', price: 7500, durationMinutes: 60 } });
    const scheduledAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const booking = await api.request('POST', '/api/admin/bookings', {
      token,
      body: { customerId: customer.id, serviceTypeId: type.body.id, scheduledAt, address: '1 Pipe Lane' },
    });
    expect(booking.status).toBe(201);
    const confirmed = await arrived(customer.email, 'Plumber visit is booked');
    expect(confirmed.text).toContain('1 Pipe Lane');
    expect(confirmed.text).toContain(formatMoney(7500, 'EUR'));

    // the visit is now 23 hours away, booked two days ago: the reminder job finds it
    await api.db.pool.query(`UPDATE bookings SET scheduled_at = now() + interval '23 hours', created_at = now() - interval '2 days' WHERE id = $1`, [
      booking.body.id,
    ]);
    const job = api.app.get(MailQueue).reminders;
    expect(await api.app.get(Scheduler).runOnce(job)).toBe(true);
    const reminder = await arrived(customer.email, 'reminder of your Plumber visit');
    expect(reminder.text).toContain('1 Pipe Lane');
    await api.app.get(Scheduler).runOnce(job);
    await eventually(async () => expect((await emailLog({ template: 'booking_reminder' })).map((e) => e.status)).toEqual(['sent']));
    expect(sink.messages.filter((m) => m.subject?.includes('reminder'))).toHaveLength(1);
  });
});

describe('account e-mails', () => {
  it('sends the password-reset link over SMTP, as a link in the HTML and the text', async () => {
    const customer = await api.registerCustomer();
    expect((await api.request('POST', '/api/auth/password/forgot', { body: { email: customer.email } })).status).toBe(202);
    const mail = await arrived(customer.email, 'choose a new password');
    const link = /https:\/\/shop\.example\.com\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text!)![0];
    expect(mail.html).toContain(`href="${link}"`);
    const reset = await api.request('POST', '/api/auth/password/reset', {
      body: { token: new URL(link).searchParams.get('token'), password: 'mailed new password' },
    });
    expect(reset.status).toBe(204);
  });

  it('sends a verification code for the email channel through the same port', async () => {
    const customer = await api.registerCustomer();
    expect((await api.request('POST', '/api/auth/otp/request', { token: customer.token, body: { channel: 'email' } })).status).toBe(202);
    const mail = await arrived(customer.email, 'verification code');
    const code = /code is (\d{6})/.exec(mail.text!)![1];
    expect((await api.request('POST', '/api/auth/otp/verify', { token: customer.token, body: { code } })).body).toEqual({ verified: true });
  });
});
