// The admin SPA in Chromium against the real, built API (run `npm run build` first): sign-in
// through the login form, the users list, role-aware menus, token refresh, sign-out.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, repoRoot, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';

const screenshots = join(repoRoot, 'apps/admin-e2e/screenshots');
const admin = { email: 'admin.e2e@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'staff.e2e@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Sam Staff' };
const customer = { email: 'customer.e2e@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Cleo Customer' };
// Short-lived access tokens, so that the refresh path runs for real within the test.
const accessTokenTtlSeconds = 4;

describe('admin SPA against the API', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  const pageErrors = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({
      adminEmail: admin.email,
      adminPassword: admin.password,
      env: { ACCESS_TOKEN_TTL_SECONDS: String(accessTokenTtlSeconds) },
    });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const session = () => page.evaluate(() => JSON.parse(localStorage.getItem('chance-store.session') ?? 'null'));
  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();
  const menu = () => page.locator('.RaMenu-open, .RaMenu-closed').first();

  // With short-lived tokens a PUT may first get a 401 and be retried after the refresh.
  const isSettledPut = (response) => response.request().method() === 'PUT' && response.status() !== 401;

  async function signIn({ email, password }) {
    await page.goto(`${api.baseUrl}/#/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  test('the SPA is served at / and shows the login form', async () => {
    const response = await page.goto(`${api.baseUrl}/`);
    assert.equal(response.status(), 200);
    await page.locator('input[name="email"]').waitFor();
    assert.match(page.url(), /#\/login$/);
  });

  test('the admin signs in through the form and finds themself in the users list', async () => {
    await signIn(admin);
    await page.getByText('Welcome').waitFor();
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.waitForURL(/#\/users/);
    const row = page.locator('tr', { has: page.getByText(admin.email, { exact: true }) });
    await row.waitFor();
    assert.match(await row.innerText(), /Admin/);
    await page.screenshot({ path: join(screenshots, 'admin-users-list.png'), fullPage: true });

    const stored = await session();
    assert.equal(stored.user.email, admin.email);
    assert.equal(stored.user.role, 'admin');
    assert.ok(stored.accessToken && stored.refreshToken);
  });

  test('an expired access token is refreshed (rotating the refresh token) without leaving the page', async () => {
    const before = await session();
    await page.waitForTimeout((accessTokenTtlSeconds + 1.5) * 1000);
    // The next request carries the expired token: the SPA refreshes and retries it.
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    const record = page.waitForResponse((response) => /\/api\/admin\/users\/\d+$/.test(response.url()) && response.status() === 200);
    await page.getByText(admin.email, { exact: true }).click();
    await page.waitForURL(/#\/users\/\d+/);
    assert.equal((await refreshed).status(), 200);
    await record;
    await page.locator('input[name="fullName"]').waitFor();
    assert.equal(await page.locator('input[name="email"]').inputValue(), admin.email);
    const after = await session();
    assert.ok(after, 'still signed in');
    assert.notEqual(after.refreshToken, before.refreshToken, 'the refresh token rotated');
    assert.notEqual(after.accessToken, before.accessToken);
    // and the rotated pair keeps working
    await page.goto(`${api.baseUrl}/#/users`);
    await page.getByText(admin.email, { exact: true }).waitFor();
    assert.doesNotMatch(page.url(), /login/);
  });

  test('Users lists every user again after Customer accounts (the customers filter does not stick)', async () => {
    const customer = await apiPost(api.baseUrl, '/api/auth/register', {
      email: 'shell.shopper@chance.test',
      password: 'shopper-passw0rd',
      fullName: 'Shell Shopper',
    });
    assert.equal(customer.status, 201, JSON.stringify(customer.json));
    await page.getByRole('menuitem', { name: 'Customer accounts' }).click();
    await page.locator('tr', { has: page.getByText('shell.shopper@chance.test', { exact: true }) }).waitFor();
    await page.locator('tr', { has: page.getByText(admin.email, { exact: true }) }).waitFor({ state: 'detached' });
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.locator('tr', { has: page.getByText(admin.email, { exact: true }) }).waitFor();
    await page.locator('tr', { has: page.getByText('shell.shopper@chance.test', { exact: true }) }).waitFor();
  });

  test('the admin sees the Settings section; settings show the tax rate as a percentage', async () => {
    await page.getByRole('menuitem', { name: 'Store settings' }).click();
    await page.waitForURL(/#\/settings/);
    const taxRate = page.locator('input[name="taxRatePercent"]');
    await taxRate.waitFor();
    assert.match(await taxRate.inputValue(), /^\d+\.\d{2}$/);
    await page.screenshot({ path: join(screenshots, 'admin-settings.png'), fullPage: true });
  });

  test('editing a user sends only the changed fields; API validation errors show under the inputs', async () => {
    await page.goto(`${api.baseUrl}/#/users`);
    await page.getByText(admin.email, { exact: true }).click();
    const phone = page.locator('input[name="phone"]');
    await phone.waitFor();

    await phone.fill('not a phone');
    const refused = page.waitForResponse(isSettledPut);
    await page.getByRole('button', { name: 'Save' }).click();
    const refusedResponse = await refused;
    assert.equal(refusedResponse.status(), 400);
    assert.deepEqual(refusedResponse.request().postDataJSON(), { phone: 'not a phone' });
    const phoneError = page.locator('.MuiFormHelperText-root.Mui-error');
    await phoneError.first().waitFor();
    assert.equal(await phoneError.count(), 1);
    assert.equal(await phoneError.innerText(), (await refusedResponse.json()).errors.phone);
    await page.screenshot({ path: join(screenshots, 'user-edit-validation.png'), fullPage: true });

    await phone.fill('+1 555 0100');
    await page.locator('input[name="fullName"]').fill('Ada Admin');
    const saved = page.waitForResponse(isSettledPut);
    await page.getByRole('button', { name: 'Save' }).click();
    const savedResponse = await saved;
    assert.equal(savedResponse.status(), 200);
    assert.deepEqual(savedResponse.request().postDataJSON(), { fullName: 'Ada Admin', phone: '+1 555 0100' });
    await page.waitForURL(/#\/users$/);
    await page.getByText('Ada Admin', { exact: true }).waitFor();
  });

  test('a staff user sees neither Users nor Store settings', async () => {
    const login = await apiPost(api.baseUrl, '/api/auth/login', admin);
    assert.equal(login.status, 200, JSON.stringify(login.json));
    const created = await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, login.json.accessToken);
    assert.equal(created.status, 201, JSON.stringify(created.json));

    await signOut(page);
    assert.equal(await session(), null);
    await signIn(staff);
    await page.getByText(`Welcome, ${staff.fullName}`).waitFor();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    // The Dashboard entry is drawn before the role-checked ones: wait for one staff may open.
    await page.getByRole('menuitem', { name: 'Orders' }).waitFor();
    const menuText = await menu().innerText();
    assert.doesNotMatch(menuText, /Users/);
    assert.doesNotMatch(menuText, /Store settings/);
    await page.screenshot({ path: join(screenshots, 'staff-dashboard.png'), fullPage: true });

    await page.goto(`${api.baseUrl}/#/settings`);
    await page.getByText('Access denied').waitFor();
  });

  test('a customer is refused at sign-in with a clear message', async () => {
    const login = await apiPost(api.baseUrl, '/api/auth/login', admin);
    const created = await apiPost(api.baseUrl, '/api/admin/users', { ...customer, role: 'customer' }, login.json.accessToken);
    assert.equal(created.status, 201, JSON.stringify(created.json));

    await signOut(page);
    await signIn(customer);
    await notification().waitFor();
    assert.match(await notification().innerText(), /customer account/i);
    assert.match(page.url(), /#\/login$/);
    assert.equal(await session(), null);
    await page.waitForTimeout(500); // let the notification finish fading in, for the screenshot
    await page.screenshot({ path: join(screenshots, 'customer-refused.png'), fullPage: true });
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
