// Services and bookings in the admin SPA, in Chromium against the real, built API (run `npm run
// build` first): a service type created and edited through the forms (its History panel shows
// the edit as before → after), a booking made for a customer, the bookings list with its status
// tabs, completing a booking after a confirmation, and what staff see (no history, no names).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiPost, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';
import { adminToken, isAdminRequest, request, screenshots, shot, signIn, until } from '../support/sales-fixtures.js';

const admin = { email: 'services.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'services.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Stella Staff' };
const customer = { email: 'carla.customer@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Carla Customer' };
const customerAddress = '7 Orchard Lane, Springfield';
/** A visit time far enough ahead to stay "upcoming", typed as the datetime-local input takes it. */
const visitLocal = '2031-03-14T10:30';

describe('services and bookings in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  const pageErrors = [];
  const created = { serviceTypeId: null, bookingId: null, customerId: null };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    const token = await adminToken(api.baseUrl, admin);
    const user = await apiPost(api.baseUrl, '/api/admin/users', { ...customer, role: 'customer' }, token);
    assert.equal(user.status, 201, JSON.stringify(user.json));
    created.customerId = user.json.id;
    const profile = await request(api.baseUrl, 'PUT', `/api/admin/users/${user.json.id}`, { body: { address: customerAddress }, token });
    assert.equal(profile.status, 200, JSON.stringify(profile.json));
    const staffUser = await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, token);
    assert.equal(staffUser.status, 201, JSON.stringify(staffUser.json));

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();
  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });
  const history = () => page.getByRole('region', { name: 'History' });

  async function pickAutocomplete(label, typed, optionText) {
    const input = page.getByRole('combobox', { name: label });
    await input.click();
    await input.fill(typed);
    await page.getByRole('option', { name: optionText }).click();
  }

  test('the admin finds bookings and services under Services in the menu', async () => {
    await signIn(page, api.baseUrl, admin);
    const services = page.locator('[data-menu-section="services"]');
    await services.getByRole('menuitem', { name: 'Bookings' }).waitFor();
    await services.getByRole('menuitem', { name: 'Services' }).waitFor();
  });

  test('a service type is created through the form: price in minor units, duration in minutes', async () => {
    await page.locator('[data-menu-section="services"]').getByRole('menuitem', { name: 'Services' }).click();
    await page.waitForURL(/#\/service-types/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill('Electrician');
    await page.locator('textarea[name="description"]').fill('Sockets, switches and lights');
    await page.locator('input[name="price"]').fill('80');
    await page.locator('input[name="durationMinutes"]').fill('90');
    const saved = page.waitForResponse(isAdminRequest('POST', 'service-types'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      name: 'Electrician',
      description: 'Sockets, switches and lights',
      price: 8000,
      durationMinutes: 90,
      isActive: true,
    });
    created.serviceTypeId = (await response.json()).id;
    await page.waitForURL(/#\/service-types$/);
    const row = rowWith('Electrician');
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /\$80\.00/);
    assert.match(text, /1 h 30 min/);
    await shot(page, 'services-service-types');
  });

  test('an admin edit shows up in the History panel as before → after, with money formatted and the admin by name', async () => {
    await rowWith('Electrician').click();
    await page.waitForURL(new RegExp(`#/service-types/${created.serviceTypeId}$`));
    // Created, with the values it was given.
    await history().getByText('Created').first().waitFor();
    await page.locator('input[name="price"]').fill('85.50');
    const saved = page.waitForResponse(isAdminRequest('PUT', `service-types/${created.serviceTypeId}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { price: 8550 }, 'only the changed field');
    await page.waitForURL(/#\/service-types$/);

    await rowWith('Electrician').click();
    const edited = history().locator('[data-history-event="update"]').first();
    await edited.waitFor();
    await edited.locator('[data-change-field="price"]').waitFor();
    assert.equal((await edited.locator('[data-change-field="price"]').innerText()).replace(/\s+/g, ' '), 'Price: $80.00 → $85.50');
    assert.match(await edited.innerText(), /Edited · .* · by Administrator/);
    const panel = await history().innerText();
    assert.match(panel, /Duration \(minutes\): 1 h 30 min/);
    assert.doesNotMatch(panel, /8550|8000|\{|\[/, 'no raw amounts or JSON');
    await shot(page, 'services-history');
  });

  test('a booking is made for a customer: picked by name, the profile address taken over, the time sent as an ISO instant', async () => {
    await page.goto(`${api.baseUrl}/#/bookings/create`);
    await pickAutocomplete('Customer', 'Carla', new RegExp(`^${customer.fullName}\\s*${customer.email.replace(/\./g, '\\.')}`));
    await page.waitForFunction((address) => document.querySelector('textarea[name="address"]')?.value === address, customerAddress);
    await pickAutocomplete('Service', 'Elec', /Electrician · \$85\.50 · 1 h 30 min/);
    await page.locator('textarea[name="notes"]').fill('Side door, ring twice');
    await page.locator('input[name="scheduledAt"]').fill(visitLocal);
    await shot(page, 'services-booking-form');
    // A time in the past is refused before anything is sent.
    await page.locator('input[name="scheduledAt"]').fill('2020-01-01T09:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Choose a time in the future').waitFor();

    await page.locator('input[name="scheduledAt"]').fill(visitLocal);
    const expectedInstant = await page.evaluate((local) => new Date(local).toISOString(), visitLocal);
    const saved = page.waitForResponse(isAdminRequest('POST', 'bookings'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      customerId: created.customerId,
      serviceTypeId: created.serviceTypeId,
      scheduledAt: expectedInstant,
      address: customerAddress,
      notes: 'Side door, ring twice',
    });
    const booking = await response.json();
    created.bookingId = booking.id;
    assert.equal(booking.price, 8550, 'the price is copied from the service');

    await page.waitForURL(new RegExp(`#/bookings/${booking.id}/show`));
    const main = page.locator('main');
    // the booking's own link to its customer, not the History panel's mention of them
    await main.locator('a:not([aria-label="History"] a)', { hasText: customer.fullName }).waitFor();
    const text = await main.innerText();
    assert.match(text, /Pending/);
    assert.match(text, /\$85\.50/);
    assert.match(text, /1 h 30 min/);
    assert.match(text, /2031/);
    assert.doesNotMatch(text, /2031-03-14T/, 'dates are formatted');
  });

  test('the bookings list opens on the upcoming visits, with counts per status tab', async () => {
    // Another visit, completed already, through the API.
    const token = await adminToken(api.baseUrl, admin);
    const other = await apiPost(
      api.baseUrl,
      '/api/admin/bookings',
      { customerId: created.customerId, serviceTypeId: created.serviceTypeId, scheduledAt: '2031-05-01T08:00:00Z', address: 'Shop counter' },
      token,
    );
    assert.equal(other.status, 201, JSON.stringify(other.json));
    const moved = await apiPost(api.baseUrl, `/api/admin/bookings/${other.json.id}/status`, { status: 'completed' }, token);
    assert.equal(moved.status, 200, JSON.stringify(moved.json));

    await page.locator('[data-menu-section="services"]').getByRole('menuitem', { name: 'Bookings' }).click();
    await page.waitForURL(/#\/bookings(\?.*)?$/); // the list, not the booking page we came from
    const tabs = page.getByRole('tablist', { name: 'Booking status' });
    await tabs.getByRole('tab', { name: 'Upcoming (1)' }).waitFor();
    assert.equal(await tabs.getByRole('tab', { selected: true }).innerText(), 'UPCOMING (1)');
    await tabs.getByRole('tab', { name: 'Completed (1)' }).waitFor();
    await tabs.getByRole('tab', { name: 'All (2)' }).waitFor();
    const row = rowWith('Side door, ring twice');
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, new RegExp(customer.fullName));
    assert.match(text, /Electrician/);
    assert.match(text, /\$85\.50/);
    assert.doesNotMatch(await page.locator('main table').innerText(), /Shop counter/, 'completed visits are not upcoming');
    await shot(page, 'services-bookings-list');
  });

  test('completing a booking asks first, then moves it to the Completed tab and notifies the customer', async () => {
    const row = rowWith('Side door, ring twice');
    await row.getByRole('button', { name: /^Complete/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Mark this visit as done?').waitFor();
    assert.match(await dialog.innerText(), /Electrician, .*2031.*7 Orchard Lane/);
    await shot(page, 'services-complete-confirm');
    const moved = page.waitForResponse(isAdminRequest('POST', `bookings/${created.bookingId}/status`));
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    const response = await moved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { status: 'completed' });
    await notification().waitFor();
    assert.match(await notification().innerText(), /Booking completed/);
    assert.match(page.url(), /#\/bookings/, 'the click stayed on the list (no row navigation)');

    const tabs = page.getByRole('tablist', { name: 'Booking status' });
    await tabs.getByRole('tab', { name: 'Upcoming (0)' }).waitFor();
    await tabs.getByRole('tab', { name: 'Completed (2)' }).click();
    // Until the Completed tab's rows come, the list keeps showing the previous tab's (the visit still pending).
    const completed = rowWith('Side door, ring twice').filter({ hasText: 'Completed' });
    await completed.waitFor();
    assert.match(await completed.innerText(), /Completed/);
    assert.equal(await completed.getByRole('button', { name: /^Complete/ }).count(), 0);

    // The customer hears of it (docs/api.md#services-and-notifications).
    const login = await apiPost(api.baseUrl, '/api/auth/login', { email: customer.email, password: customer.password });
    assert.equal(login.status, 200, JSON.stringify(login.json));
    let inbox;
    await until(async () => {
      inbox = await request(api.baseUrl, 'GET', '/api/me/notifications', { token: login.json.accessToken });
      return inbox.json.some((n) => n.type === 'booking_update' && n.link?.id === created.bookingId);
    }).catch(() => {});
    assert.ok(
      inbox.json.some((n) => n.type === 'booking_update' && n.link?.id === created.bookingId),
      JSON.stringify(inbox.json),
    );

    // The booking's page: its history shows the status change.
    await completed.click();
    await page.waitForURL(new RegExp(`#/bookings/${created.bookingId}/show`));
    const moveEvent = history().locator('[data-history-event="status"]');
    await moveEvent.waitFor();
    assert.match((await moveEvent.innerText()).replace(/\s+/g, ' '), /Status changed .* Status: Pending → Completed/);
    await shot(page, 'services-booking-show');
  });

  test('staff book too, finding the customer by name and seeing it on the booking (staff may read customers); they see no history', async () => {
    await signOut(page);
    await signIn(page, api.baseUrl, staff);
    await page.goto(`${api.baseUrl}/#/bookings/${created.bookingId}/show`);
    await page.getByRole('main').getByText(customer.fullName).first().waitFor();
    await page.getByText('Side door, ring twice').waitFor();
    // The page's own access-checked action, drawn with the History panel's check: the page has loaded.
    await page.getByRole('link', { name: 'List', exact: true }).waitFor();
    assert.equal(await history().count(), 0, 'staff may not read the audit log');

    await page.goto(`${api.baseUrl}/#/bookings/create`);
    await pickAutocomplete('Customer', 'Carla', new RegExp(`^${customer.fullName}`));
    await pickAutocomplete('Service', 'Elec', /Electrician/);
    await page.locator('input[name="scheduledAt"]').fill('2031-06-02T14:00');
    await page.locator('textarea[name="address"]').fill('9 Mill Road');
    const saved = page.waitForResponse(isAdminRequest('POST', 'bookings'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.equal(response.request().postDataJSON().customerId, created.customerId);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
