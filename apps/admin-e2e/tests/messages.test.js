// Messages in the admin SPA (docs/api.md#messages), in Chromium against the real, built API (run
// `npm run build` first): a customer writes to the shop through the API; the admin's bell names
// the sender and opens their customer page; Customers → Messages lists the message with its sender
// and filters by direction; the admin replies from the account's page, and the reply is in the
// customer's own GET /api/me/messages. Staff, who may not read accounts, open the customer page
// from the bell too, and reply there.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiPost, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';
import { adminToken, request, shot, signIn, until, waitForValue } from '../support/sales-fixtures.js';

const admin = { email: 'messages.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'messages.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Sid Staff' };
const customer = { email: 'ada.messages@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Ada Lovelace' };

describe('messages in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  const pageErrors = [];
  const created = { customerId: null, customerToken: null };

  const bell = () => page.getByTestId('notification-bell');
  const rows = () => page.locator('main table tbody tr');
  const myMessages = async () => (await request(api.baseUrl, 'GET', '/api/me/messages', { token: created.customerToken })).json;

  before(async () => {
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    const token = await adminToken(api.baseUrl, admin);
    const staffUser = await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, token);
    assert.equal(staffUser.status, 201, JSON.stringify(staffUser.json));
    const customerUser = await apiPost(api.baseUrl, '/api/admin/users', { ...customer, role: 'customer' }, token);
    assert.equal(customerUser.status, 201, JSON.stringify(customerUser.json));
    created.customerId = customerUser.json.id;
    const login = await apiPost(api.baseUrl, '/api/auth/login', { email: customer.email, password: customer.password });
    assert.equal(login.status, 200, JSON.stringify(login.json));
    created.customerToken = login.json.accessToken;
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors, 'admin');
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test("a customer's message: the bell names the sender and opens their customer page, which lists it", async () => {
    const sent = await apiPost(api.baseUrl, '/api/me/messages', { title: 'Sunday delivery?', body: 'Can my order come on Sunday?' }, created.customerToken);
    assert.equal(sent.status, 202, JSON.stringify(sent.json));
    await signIn(page, api.baseUrl, admin);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread-count')) >= 1);
    await bell().click();
    const item = page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: 'Message from Ada Lovelace: Sunday delivery?, unread' });
    await item.click();
    await page.waitForURL(new RegExp(`#/customers/${created.customerId}/show$`));
    const panel = page.getByTestId('customer-messages');
    await panel.getByText('Can my order come on Sunday?').waitFor();
    assert.match(await panel.locator('tbody tr').first().innerText(), /From customer[\s\S]*Sunday delivery\?/);
  });

  test('Customers → Messages lists it with its sender, linked, and filters by direction', async () => {
    await page.locator('[data-menu-section="customers"]').getByRole('menuitem', { name: 'Messages' }).click();
    await page.waitForURL(/#\/messages(\?|$)/);
    // the list's own link (the account page just left lists the message too, without it)
    const sender = page.getByRole('link', { name: 'Customer Ada Lovelace' });
    await sender.waitFor();
    const row = rows().filter({ has: sender });
    assert.match(await row.innerText(), /From customer/);
    assert.match(await row.innerText(), /Sunday delivery\?/);
    assert.match(await row.innerText(), /ada\.messages@chance\.test/);
    assert.equal(await sender.getAttribute('href'), `#/customers/${created.customerId}/show`);
    await shot(page, 'messages-list');

    await page.getByRole('combobox', { name: 'Direction' }).click();
    const filtered = page.waitForResponse((r) => r.url().includes('/api/admin/messages?') && decodeURIComponent(r.url()).includes('"direction":"to_customer"'));
    await page.getByRole('option', { name: 'To customer' }).click();
    await filtered;
    // nothing was written to a customer yet: the customer's message leaves the list
    await rows().filter({ hasText: 'Sunday delivery?' }).waitFor({ state: 'detached' });
  });

  test("the admin replies from the customer's page, and the reply is in the customer's GET /api/me/messages", async () => {
    await page.goto(`${api.baseUrl}/#/users/${created.customerId}`);
    const panel = page.getByTestId('customer-messages');
    await panel.getByRole('button', { name: 'Reply to Ada Lovelace' }).click();
    await page.waitForURL(/#\/messages\/new\?/);
    await waitForValue(page.getByRole('combobox', { name: 'Recipient' }), 'Ada Lovelace (ada.messages@chance.test) · customer');
    await waitForValue(page.locator('input[name="title"]'), 'Re: Sunday delivery?');
    await page.locator('textarea[name="body"]').fill('Yes: Sunday between 10:00 and 14:00.');
    const sent = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/admin/messages'));
    await page.getByRole('button', { name: 'Send message' }).click();
    const response = await sent;
    assert.equal(response.status(), 202, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      userId: created.customerId,
      title: 'Re: Sunday delivery?',
      body: 'Yes: Sunday between 10:00 and 14:00.',
    });
    await page.getByText('Message sent.').waitFor();

    const own = await myMessages();
    assert.deepEqual(
      own.map((m) => [m.direction, m.title, m.body, m.userId]),
      [
        ['to_customer', 'Re: Sunday delivery?', 'Yes: Sunday between 10:00 and 14:00.', created.customerId],
        ['from_customer', 'Sunday delivery?', 'Can my order come on Sunday?', created.customerId],
      ],
    );
    // and it reached the customer's notifications
    await until(async () => {
      const inbox = await request(api.baseUrl, 'GET', '/api/me/notifications', { token: created.customerToken });
      return inbox.json.some((n) => n.title === 'Re: Sunday delivery?');
    });

    // the customer's page lists both, newest first
    await page.goto(`${api.baseUrl}/#/users/${created.customerId}`);
    await page.getByTestId('customer-messages').getByText('Yes: Sunday between 10:00 and 14:00.').waitFor();
    assert.match(await page.getByTestId('customer-messages').locator('tbody tr').first().innerText(), /To customer[\s\S]*Re: Sunday delivery\?/);
    await shot(page, 'messages-customer-page');
  });

  test("staff, who may not read accounts, open the customer's page from the bell and reply there", async () => {
    const sent = await apiPost(api.baseUrl, '/api/me/messages', { title: 'Thanks', body: 'Sunday is perfect.' }, created.customerToken);
    assert.equal(sent.status, 202, JSON.stringify(sent.json));
    await signOut(page);
    await signIn(page, api.baseUrl, staff);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread-count')) >= 2);
    await bell().click();
    await page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: 'Message from Ada Lovelace: Thanks, unread' }).click();
    await page.waitForURL(new RegExp(`#/customers/${created.customerId}/show$`));
    const panel = page.getByTestId('customer-messages');
    await panel.locator('tbody tr').filter({ hasText: 'Sunday is perfect.' }).waitFor();
    // the panel is the customer's: their three messages, nobody else's
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="customer-messages"] tbody tr').length === 3);
    await panel.locator('tbody tr').filter({ hasText: 'Sunday is perfect.' }).getByRole('button', { name: 'Reply to Ada Lovelace' }).click();
    await page.waitForURL(/#\/messages\/new\?/);
    await waitForValue(page.locator('input[name="userId"]'), String(created.customerId));
    assert.equal(await page.getByTestId('replying-to').innerText(), `Replying to Ada Lovelace (account ${created.customerId})`);
    await page.locator('textarea[name="body"]').fill('See you on Sunday.');
    const reply = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/admin/messages'));
    await page.getByRole('button', { name: 'Send message' }).click();
    assert.equal((await reply).status(), 202);
    assert.deepEqual(
      (await myMessages()).slice(0, 1).map((m) => [m.direction, m.title, m.body]),
      [['to_customer', 'Re: Thanks', 'See you on Sunday.']],
    );
  });

  test('no uncaught errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});
