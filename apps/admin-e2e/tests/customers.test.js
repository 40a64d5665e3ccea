// Customers across channels in the admin SPA, in Chromium against the real, built API (run `npm run
// build` first): staff link an in-store customer to a customer account, then the account's customer
// page shows its figures and ONE timeline of its online orders, the in-store customer's counter sale,
// a booking, a refund and a message, in date order; the notes are edited and kept. An account
// already linked elsewhere is refused under the input.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, createProduct, dollars, isAdminRequest, request, screenshots, setTaxRate, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'customers.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'customers.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Stan Staff' };
const account = { email: 'carla.cross@example.com', password: 'e2e-Customer-passw0rd', fullName: 'Carla Crosschannel', phone: '+1 555 0142' };
const counterCustomer = { name: 'Carla at the counter', phone: '+1 555 0143' };
const ADDRESS = { name: 'Carla Crosschannel', line1: '7 Ledger Lane', city: 'Springfield', postalCode: '12345', country: 'US' };

/** A JSON answer with the expected status, else the test fails with the API's words. */
async function ok(reply, status = 200) {
  const { status: got, json } = await reply;
  assert.equal(got, status, JSON.stringify(json));
  return json;
}

describe('customers in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  const pageErrors = [];
  const fixtures = {};

  const call = (method, path, body) => request(api.baseUrl, method, path, { body, token });

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 1000); // 10 %
    await ok(call('POST', '/api/admin/users', { ...staff, role: 'staff' }), 201);
    const product = await createProduct(api.baseUrl, token, {
      name: 'Copper kettle',
      price: 2500,
      costPrice: 1000,
      variants: [{ sku: 'KETTLE-CU', attributes: { finish: 'copper' }, stock: 50 }],
    });
    const variantId = product.variants[0].id;
    const serviceType = await ok(call('POST', '/api/admin/service-types', { name: 'Kettle descaling', price: 4000, durationMinutes: 30 }), 201);

    // the account with two orders (the first part paid, then part refunded) and a message from the shop
    const registered = await ok(request(api.baseUrl, 'POST', '/api/auth/register', { body: account }), 201);
    fixtures.customerId = registered.user.id;
    const placeOrder = async (quantity) => {
      const draft = await ok(
        call('POST', '/api/admin/orders', {
          customerId: fixtures.customerId,
          lines: [{ variantId, quantity }],
          shippingAddress: ADDRESS,
          paymentMethod: 'cash_on_delivery',
        }),
        201,
      );
      const placed = await request(api.baseUrl, 'POST', `/api/admin/orders/${draft.id}/place`, { token, headers: { 'Idempotency-Key': randomUUID() } });
      return ok(Promise.resolve(placed));
    };
    // the in-store customer's counter sale, two days ago (before anything else): date order, not entry order
    const shopper = await ok(call('POST', '/api/admin/offline-customers', counterCustomer), 201);
    fixtures.offlineCustomerId = shopper.id;
    const sale = await ok(
      call('POST', '/api/admin/offline-sales', {
        customerId: shopper.id,
        lines: [{ variantId, quantity: 1 }],
        paidAmount: 2750,
        paymentMethod: 'cash',
        soldAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      }),
      201,
    );
    const first = await placeOrder(2);
    await ok(call('POST', `/api/admin/orders/${first.id}/payments`, { amount: 3000, method: 'cash' }), 201);
    await ok(call('POST', `/api/admin/orders/${first.id}/refunds`, { amount: 500, reason: 'Scratched lid' }), 201); // answers the order
    const [refund] = await ok(call('GET', `/api/admin/refunds?filter=${encodeURIComponent(JSON.stringify({ orderId: first.id }))}`));
    assert.equal(refund.amount, 500);
    const second = await placeOrder(1);
    // a booking of the account, two days ahead, done and counted
    const booking = await ok(
      call('POST', '/api/admin/bookings', {
        customerId: fixtures.customerId,
        serviceTypeId: serviceType.id,
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        address: '7 Ledger Lane',
      }),
      201,
    );
    await ok(call('POST', `/api/admin/bookings/${booking.id}/status`, { status: 'completed' }));
    await ok(call('POST', '/api/admin/messages', { userId: fixtures.customerId, title: 'Your kettle is back', body: 'Descaled and shining.' }), 202);
    const [message] = await ok(call('GET', `/api/admin/messages?filter=${encodeURIComponent(JSON.stringify({ userId: fixtures.customerId }))}`));

    // the timeline the page must show, newest first: each record's own date
    fixtures.timeline = [
      { id: `order-${first.id}`, at: first.placedAt, name: first.number },
      { id: `order-${second.id}`, at: second.placedAt, name: second.number },
      { id: `offline_sale-${sale.id}`, at: sale.soldAt, name: sale.number },
      { id: `booking-${booking.id}`, at: booking.scheduledAt, name: 'Kettle descaling' },
      { id: `refund-${refund.id}`, at: refund.refundedAt, name: `${refund.number} of ${first.number}` },
      { id: `message-${message.id}`, at: message.createdAt, name: 'Your kettle is back' },
    ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    // lifetime value: Σ totals of the orders, the linked sale and the completed booking − the refund
    fixtures.lifetimeValue = first.total + second.total + sale.total + booking.total - refund.amount;
    assert.equal(fixtures.lifetimeValue, 5500 + 2750 + 2750 + 4400 - 500);

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const accountInput = () => page.getByRole('combobox', { name: /^Customer account/ });

  test('staff link the in-store customer to the account from its edit page', async () => {
    await signIn(page, api.baseUrl, staff);
    await page.getByRole('menuitem', { name: 'In-store customers' }).click();
    await page.waitForURL(/#\/offline-customers/);
    await page.locator('tr', { has: page.getByText(counterCustomer.phone, { exact: true }) }).click();
    await page.waitForURL(new RegExp(`#/offline-customers/${fixtures.offlineCustomerId}/show`));
    await page.getByText('Not linked').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`#/offline-customers/${fixtures.offlineCustomerId}$`));

    // searched by phone, as staff know them at the counter
    await accountInput().click();
    await accountInput().fill('0142');
    await page.getByRole('option', { name: `${account.fullName} · ${account.email} · ${account.phone}` }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await shot(page, 'customers-link-account');
    const saved = page.waitForResponse(isAdminRequest('PUT', `offline-customers/${fixtures.offlineCustomerId}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { userId: fixtures.customerId });
    await page.waitForURL(new RegExp(`#/offline-customers/${fixtures.offlineCustomerId}/show`));
    await page.getByRole('link', { name: account.fullName }).waitFor();
  });

  test('the customer timeline: orders, the counter sale, the booking, the refund and the message in date order, with the lifetime value', async () => {
    // the in-store customer's page links to the customer
    await page.getByRole('link', { name: account.fullName }).click();
    await page.waitForURL(new RegExp(`#/customers/${fixtures.customerId}/show`));
    const entries = page.locator('[data-testid="timeline-entry"]');
    await entries.nth(fixtures.timeline.length - 1).waitFor();
    assert.deepEqual(
      await entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id'))),
      fixtures.timeline.map((e) => e.id),
    );
    for (const [index, expected] of fixtures.timeline.entries()) {
      assert.match(await entries.nth(index).innerText(), new RegExp(expected.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    // the refund takes money back
    assert.match(await page.locator(`[data-id^="refund-"]`).innerText(), /−\$5\.00/);
    // the figures: Σ totals − refunds, as the API maintains them
    const customer = await ok(call('GET', `/api/admin/customers/${fixtures.customerId}`));
    assert.equal(customer.lifetimeValue, fixtures.lifetimeValue);
    const figures = await page.locator('[data-testid="customer-figures"]').innerText();
    assert.match(figures, new RegExp(`Lifetime value\\s+\\${dollars(fixtures.lifetimeValue)}`));
    assert.match(figures, /Orders\s+2[\s\S]*In-store sales\s+1[\s\S]*Bookings\s+1/);
    // and it links back to the in-store customer
    await page.getByRole('link', { name: counterCustomer.name }).waitFor();
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached' }); // "In-store customer saved" of the link
    await shot(page, 'customers-timeline');
  });

  test('the notes are edited, saved and still there after a reload', async () => {
    await page.getByRole('link', { name: 'Edit notes' }).click();
    await page.waitForURL(new RegExp(`#/customers/${fixtures.customerId}$`));
    const notes = page.getByLabel('Notes');
    await notes.fill('Prefers a call before delivery.\nKettle collector.');
    const saved = page.waitForResponse(isAdminRequest('PUT', `customers/${fixtures.customerId}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { notes: 'Prefers a call before delivery.\nKettle collector.' });
    await page.waitForURL(new RegExp(`#/customers/${fixtures.customerId}/show`));
    await page.getByText('Kettle collector.', { exact: false }).waitFor();
    await page.reload();
    await page.locator('[data-testid="customer-notes"]', { hasText: 'Prefers a call before delivery.' }).waitFor();
    await page.locator('[data-testid="timeline-entry"]').first().waitFor();
    await shot(page, 'customers-notes');
    assert.equal((await ok(call('GET', `/api/admin/customers/${fixtures.customerId}`))).notes, 'Prefers a call before delivery.\nKettle collector.');
  });

  test('a long timeline comes 20 entries at a time, with "Load more"', async () => {
    for (let n = 1; n <= 16; n++) {
      await ok(call('POST', '/api/admin/messages', { userId: fixtures.customerId, title: `Reminder ${n}`, body: 'Your descaling is due.' }), 202);
    }
    const total = fixtures.timeline.length + 16;
    await page.reload();
    const entries = page.locator('[data-testid="timeline-entry"]');
    await page.getByTestId('customer-timeline').getByText(`20 of ${total}`).waitFor();
    assert.equal(await entries.count(), 20);
    // newest first: the last reminder leads, after the upcoming booking
    assert.match(await entries.nth(1).innerText(), /Reminder 16/);
    await page.getByRole('button', { name: 'Load more' }).click();
    await entries.nth(total - 1).waitFor();
    assert.equal(await entries.count(), total);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    // the oldest entries close the list, as on the first page before the reminders
    assert.deepEqual(
      (await entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')))).slice(-fixtures.timeline.length + 1),
      fixtures.timeline.slice(1).map((e) => e.id),
    );
  });

  test('the customers list finds the customer by phone, with the figures', async () => {
    await page.getByRole('menuitem', { name: 'Customers', exact: true }).click();
    await page.waitForURL(/#\/customers(\?.*)?$/);
    await page.getByPlaceholder('Name, e-mail or phone').fill('0142');
    const row = page.locator('tr', { has: page.getByText(account.email, { exact: true }) });
    await row.waitFor();
    assert.match(
      await row.innerText(),
      new RegExp(`${account.fullName}\\s+${account.email}\\s+\\${account.phone}\\s+2\\s+1\\s+1\\s+\\${dollars(fixtures.lifetimeValue)}`),
    );
    await shot(page, 'customers-list');
  });

  test('an account already linked to another in-store customer is refused under the input', async () => {
    const other = await ok(call('POST', '/api/admin/offline-customers', { name: 'Carl Lookalike', phone: '+1 555 0199' }), 201);
    await page.goto(`${api.baseUrl}/#/offline-customers/${other.id}`);
    await page.getByRole('textbox', { name: 'Name' }).waitFor();
    await accountInput().click();
    await accountInput().fill('Carla');
    await page.getByRole('option', { name: `${account.fullName} · ${account.email} · ${account.phone}` }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    const refused = page.waitForResponse(isAdminRequest('PUT', `offline-customers/${other.id}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await refused;
    assert.equal(response.status(), 400);
    assert.deepEqual((await response.json()).errors, { userId: 'is already linked to another in-store customer' });
    await page.getByText('is already linked to another in-store customer').waitFor();
    await shot(page, 'customers-link-refused');
    const unchanged = await ok(call('GET', `/api/admin/offline-customers/${other.id}`));
    assert.equal(unchanged.userId, null);
    assert.deepEqual(pageErrors, []);
  });
});
