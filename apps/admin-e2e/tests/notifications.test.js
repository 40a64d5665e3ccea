// Notifications and messages in the admin SPA, in Chromium against the real, built API (run `npm
// run build` first): an admin writes to a staff user through the "Send a message" form, and in a
// second browser, signed in as that user, the bell's unread count goes up live (server-sent
// events), the dropdown shows the message, opening it marks it read; the notifications page marks
// all read; when the stream is unavailable the count is polled; a message to every customer asks
// first.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, repoRoot, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, request, signIn, until } from '../support/sales-fixtures.js';

const screenshots = join(repoRoot, 'apps/admin-e2e/screenshots');
const admin = { email: 'notify.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'notify.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Nora Night-shift' };
const customer = { email: 'notify.customer@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Otto Orders' };

describe('notifications and messages in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let adminBrowser;
  let staffBrowser;
  /** The admin, who writes. */
  let page;
  /** The staff user, who reads: another browser (own profile, own session). */
  let staffPage;
  const pageErrors = [];
  const created = { staffId: null };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    const token = await adminToken(api.baseUrl, admin);
    const staffUser = await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, token);
    assert.equal(staffUser.status, 201, JSON.stringify(staffUser.json));
    created.staffId = staffUser.json.id;
    const customerUser = await apiPost(api.baseUrl, '/api/admin/users', { ...customer, role: 'customer' }, token);
    assert.equal(customerUser.status, 201, JSON.stringify(customerUser.json));

    adminBrowser = await launchBrowser();
    staffBrowser = await launchBrowser();
    page = await openPage(adminBrowser, pageErrors, 'admin');
    staffPage = await openPage(staffBrowser, pageErrors, 'staff');
  });

  after(async () => {
    await staffBrowser?.close();
    await adminBrowser?.close();
    await api?.stop();
  });

  const bell = (p) => p.getByTestId('notification-bell');
  const unreadCount = async (p) => Number(await bell(p).getAttribute('data-unread-count'));
  const waitForUnread = (p, count) =>
    p.waitForFunction((expected) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread-count') === String(expected), count);
  const isMine = (method, path) => (response) =>
    response.request().method() === method && new RegExp(`/api/me/notifications${path}$`).test(new URL(response.url()).pathname);

  async function shot(p, name, { fullPage = true } = {}) {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
  }

  test('the staff user signs in: the bell shows no unread notifications and listens to the live stream', async () => {
    const stream = staffPage.waitForRequest((request) => request.url().includes('/api/me/notifications/stream?accessToken='));
    await signIn(staffPage, api.baseUrl, staff);
    await bell(staffPage).waitFor();
    await stream;
    await waitForUnread(staffPage, 0);
    assert.equal(await bell(staffPage).getAttribute('aria-label'), 'Notifications, none unread');
  });

  test('the admin writes to the staff user through the "Send a message" form', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.locator('[data-menu-section="customers"]').getByRole('menuitem', { name: 'Send a message' }).click();
    await page.waitForURL(/#\/messages\/new/);
    await page.getByLabel('One person').check();
    const recipient = page.getByRole('combobox', { name: 'Recipient' });
    await recipient.click();
    await recipient.fill('Nora');
    await page.getByRole('option', { name: /Nora Night-shift \(notify\.staff@chance\.test\) · staff/ }).click();
    await page.locator('input[name="title"]').fill('Stocktake on Sunday');
    await page.locator('textarea[name="body"]').fill('Please come at 8:00, we count the stockroom.');
    await shot(page, 'notifications-send-message');
    const sent = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/admin/messages'));
    await page.getByRole('button', { name: 'Send message' }).click();
    const response = await sent;
    assert.equal(response.status(), 202, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      userId: created.staffId,
      title: 'Stocktake on Sunday',
      body: 'Please come at 8:00, we count the stockroom.',
    });
    await page.getByText('Message sent.').waitFor();
  });

  test('in the other browser, the bell counts it at once, without a reload, and the dropdown shows it', async () => {
    await waitForUnread(staffPage, 1);
    assert.equal(await bell(staffPage).getAttribute('aria-label'), 'Notifications, 1 unread');
    await bell(staffPage).click();
    const dropdown = staffPage.getByRole('dialog', { name: 'Notifications' });
    const item = dropdown.getByRole('button', { name: 'Stocktake on Sunday, unread' });
    await item.waitFor();
    assert.match(await item.innerText(), /Message · Please come at 8:00/);
    assert.match(await item.innerText(), /just now/);
    await staffPage.waitForTimeout(300); // let the dropdown finish opening, for the screenshot
    await shot(staffPage, 'notifications-bell', { fullPage: false });

    // Opening it marks it read: the count goes down.
    const read = staffPage.waitForResponse(isMine('POST', '/\\d+/read'));
    await item.click();
    assert.equal((await read).status(), 200);
    await waitForUnread(staffPage, 0);
  });

  test('the notifications page lists them, with an Unread tab and "Mark all as read"', async () => {
    const token = await adminToken(api.baseUrl, admin);
    for (const title of ['Delivery at noon', 'Till closes early']) {
      const sent = await apiPost(api.baseUrl, '/api/admin/messages', { userId: created.staffId, title, body: `${title}: details inside.` }, token);
      assert.equal(sent.status, 202, JSON.stringify(sent.json));
    }
    await waitForUnread(staffPage, 2);

    await bell(staffPage).click();
    await staffPage.getByRole('button', { name: 'See all notifications' }).click();
    await staffPage.waitForURL(/#\/notifications/);
    const rows = staffPage.locator('main table tbody tr');
    await staffPage.waitForFunction(() => document.querySelectorAll('main table tbody tr').length === 3);
    await rows.filter({ hasText: 'Till closes early' }).waitFor();
    const tabs = staffPage.getByRole('tablist', { name: 'Read state' });
    await tabs.getByRole('tab', { name: 'Unread (2)' }).waitFor();
    assert.match(await rows.first().innerText(), /Message/);
    assert.match(await rows.nth(2).innerText(), /Read/, 'the one opened from the bell');
    await shot(staffPage, 'notifications-page');

    await tabs.getByRole('tab', { name: 'Unread (2)' }).click();
    await staffPage.waitForFunction(() => document.querySelectorAll('main table tbody tr').length === 2);
    const allRead = staffPage.waitForResponse(isMine('POST', '/read-all'));
    await staffPage.getByRole('button', { name: 'Mark all as read' }).click();
    const response = await allRead;
    assert.equal(response.status(), 200);
    assert.deepEqual(await response.json(), { count: 2 });
    await waitForUnread(staffPage, 0);
    await tabs.getByRole('tab', { name: 'Unread (0)' }).waitFor();
  });

  test('when the live stream is unavailable, the bell still catches up within 30 seconds (polling)', async () => {
    await staffPage.route('**/api/me/notifications/stream**', (route) => route.abort());
    await staffPage.clock.install();
    await staffPage.reload();
    await waitForUnread(staffPage, 0);
    // From here the page's timers (polling, reconnection) run only when the test lets time pass.
    await staffPage.clock.pauseAt(Date.now() + 1_000);
    const sent = await apiPost(
      api.baseUrl,
      '/api/admin/messages',
      { userId: created.staffId, title: 'Polled', body: 'Found without the stream.' },
      await adminToken(api.baseUrl, admin),
    );
    assert.equal(sent.status, 202);
    // the outbox has delivered it (to the staff user's notifications, through the API)
    const staffLogin = await apiPost(api.baseUrl, '/api/auth/login', { email: staff.email, password: staff.password });
    assert.equal(staffLogin.status, 200, JSON.stringify(staffLogin.json));
    await until(async () => {
      const inbox = await request(api.baseUrl, 'GET', '/api/me/notifications', { token: staffLogin.json.accessToken });
      return inbox.json.some((n) => n.title === 'Polled');
    });
    assert.equal(await unreadCount(staffPage), 0, 'nothing arrives by itself without the stream');
    const polled = staffPage.waitForResponse(isMine('GET', '/unread-count'));
    await staffPage.clock.runFor(31_000);
    await polled;
    await staffPage.clock.resume(); // react-query hands results over through timers
    await waitForUnread(staffPage, 1);
    await staffPage.unroute('**/api/me/notifications/stream**');
  });

  test('a message to every customer asks first, then goes without a recipient', async () => {
    await page.goto(`${api.baseUrl}/#/messages/new`);
    await page.locator('input[name="title"]').fill('Closed on Monday');
    await page.locator('textarea[name="body"]').fill('The shop is closed on Monday for inventory.');
    await page.getByRole('button', { name: 'Send message' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Send this message to every customer?').waitFor();
    const sent = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/admin/messages'));
    await dialog.getByRole('button', { name: 'Send to everyone' }).click();
    const response = await sent;
    assert.equal(response.status(), 202, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      title: 'Closed on Monday',
      body: 'The shop is closed on Monday for inventory.',
    });
    await page.getByText('Message sent to every customer.').waitFor();

    const login = await apiPost(api.baseUrl, '/api/auth/login', { email: customer.email, password: customer.password });
    let titles = [];
    await until(async () => {
      const inbox = await request(api.baseUrl, 'GET', '/api/me/notifications', { token: login.json.accessToken });
      titles = inbox.json.map((n) => n.title);
      return titles.includes('Closed on Monday');
    }).catch(() => {});
    assert.ok(titles.includes('Closed on Monday'), JSON.stringify(titles));
  });

  test('no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});
