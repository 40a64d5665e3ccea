// Integrations in the browser (docs/api.md), in Chromium against the real, built API (run `npm
// run build` first): an admin creates a read-only API key, sees its secret once, copies it, and a
// `fetch` with it reads orders and is refused a write; revoking it refuses it at once. A webhook
// created in the SPA receives a ping, signed with the secret shown once, in an HTTP server of this
// test; its delivery log shows the attempt, and Retry sends the same event again. "Forgot
// password?" on the login page and the reset page the e-mailed link opens, for staff (admin SPA)
// and for a customer (storefront).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { screenshots, signIn, until } from '../support/sales-fixtures.js';

const admin = { email: 'integrations.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'integrations.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Sam Staff' };
const customer = { email: 'integrations.customer@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Cora Customer' };

/** A webhook endpoint in this process: keeps every call's headers and raw body, answers 200. */
async function startReceiver() {
  const calls = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${server.address().port}/chance`, calls, close: () => new Promise((done) => server.close(done)) };
}

describe('API keys, webhooks and account recovery in the browser', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let receiver;
  const pageErrors = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    receiver = await startReceiver();
    api = await startApi({
      adminEmail: admin.email,
      adminPassword: admin.password,
      env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', OUTBOX_INTERVAL_MS: '200', LOG_LEVEL: 'info' },
    });
    const token = (await apiPost(api.baseUrl, '/api/auth/login', admin)).json.accessToken;
    assert.equal((await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, token)).status, 201);
    assert.equal((await apiPost(api.baseUrl, '/api/auth/register', customer)).status, 201);
    browser = await launchBrowser();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.baseUrl });
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
    await receiver?.close();
  });

  /** The reset links the API has e-mailed to `email`, oldest first (SMTP_URL is unset: the log transport writes them to the output). */
  const resetLinksTo = (email) =>
    api
      .output()
      .split('\n')
      .filter((line) => line.includes(`E-mail to ${email}`))
      .map((line) => /(http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(line)?.[1])
      .filter(Boolean);
  /** Waits for the reset link after the `seen` ones (a newer link replaces older ones, so only the newest works). */
  const nextResetLinkTo = (email, seen) => until(() => resetLinksTo(email)[seen]);

  test('an admin creates a read-only API key, sees its secret once with a copy button, and uses it with fetch', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.locator('[data-menu-section="integrations"]').getByRole('menuitem', { name: 'API keys' }).click();
    await page.waitForURL(/#\/api-keys/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill('Browser reporting');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/admin/api-keys'));
    await page.getByRole('button', { name: 'Save' }).click();
    const reply = await created;
    assert.equal(reply.status(), 201);
    const secret = (await page.getByTestId('secret').innerText()).trim();
    assert.match(secret, /^ck_[A-Za-z0-9_-]{43}$/);
    assert.equal(secret, (await reply.json()).secret);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await page.screenshot({ path: join(screenshots, 'api-key-secret-once.png') });

    // an integrator's fetch with the key
    const use = (key, method, path, body) =>
      page.evaluate(
        async ({ key, method, path, body }) => {
          const response = await fetch(path, {
            method,
            headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          return { status: response.status, range: response.headers.get('content-range'), body: await response.json() };
        },
        { key, method, path, body },
      );
    const orders = await use(secret, 'GET', '/api/admin/orders');
    assert.equal(orders.status, 200);
    assert.match(orders.range, /^orders /);
    const write = await use(secret, 'POST', '/api/admin/categories', { name: 'Written by a read-only key' });
    assert.deepEqual([write.status, write.body.code], [403, 'FORBIDDEN']);
    assert.equal((await use(secret, 'GET', '/api/me')).status, 401);

    // back to the list: never the secret again; revoking refuses the key at once
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.waitForURL(/#\/api-keys$/);
    const row = page.getByRole('row', { name: /Browser reporting/ });
    await row.waitFor();
    assert.equal((await page.content()).includes(secret), false);
    assert.match(await row.innerText(), new RegExp(secret.slice(0, 10)));
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke' }).last().click();
    await page.getByText('Key Browser reporting revoked').waitFor();
    assert.equal((await use(secret, 'GET', '/api/admin/orders')).status, 401);
  });

  test('a webhook created in the SPA receives a ping signed with the secret shown once; its log shows it, and Retry sends it again', async () => {
    await page.locator('[data-menu-section="integrations"]').getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.waitForURL(/#\/webhooks/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="url"]').fill(receiver.url);
    await page.getByLabel(/^stock\.low/).check();
    await page.locator('input[name="description"]').fill('Stock watcher');
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = (await page.getByTestId('secret').innerText()).trim();
    assert.match(secret, /^whsec_/);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.waitForURL(/#\/webhooks\/\d+\/show/);
    await page.getByText('Stock watcher').waitFor();

    await page.getByRole('button', { name: 'Ping' }).click();
    const [ping] = await until(() => receiver.calls.length === 1 && receiver.calls);
    const body = JSON.parse(ping.body);
    assert.equal(body.type, 'ping');
    assert.equal(ping.headers['chance-event-id'], body.id);
    const [t, v1] = String(ping.headers['chance-signature'])
      .split(',')
      .map((part) => part.split('=')[1]);
    assert.equal(v1, createHmac('sha256', secret).update(`${t}.${ping.body}`).digest('hex'));

    // the delivery log: the attempt, its status and the endpoint's answer
    const logRow = page.getByRole('row', { name: new RegExp(body.id) });
    await until(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return /succeeded/.test(await logRow.innerText());
    });
    assert.match(await logRow.innerText(), /ping[\s\S]*1[\s\S]*succeeded[\s\S]*200 thanks/);
    await page.screenshot({ path: join(screenshots, 'webhook-delivery-log.png'), fullPage: true });
    await logRow.getByRole('button', { name: 'Retry' }).click();
    const [, again] = await until(() => receiver.calls.length === 2 && receiver.calls);
    assert.equal(again.headers['chance-event-id'], body.id);
    assert.equal(again.body, ping.body);
  });

  test('the e-mail log lists what was sent', async () => {
    const seen = resetLinksTo(staff.email).length;
    await apiPost(api.baseUrl, '/api/auth/password/forgot', { email: staff.email });
    await nextResetLinkTo(staff.email, seen);
    await page.locator('[data-menu-section="integrations"]').getByRole('menuitem', { name: 'E-mails' }).click();
    await page.waitForURL(/#\/emails/);
    const row = page.getByRole('row', { name: new RegExp(staff.email.replace('.', '\\.')) }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /choose a new password[\s\S]*Password reset[\s\S]*sent/);
  });

  test('"Forgot password?" on the login page, then the reset page of the e-mailed link, for staff', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.baseUrl}/#/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/#\/forgot-password/);
    await page.locator('input[name="email"]').fill(staff.email);
    const seen = resetLinksTo(staff.email).length;
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account uses this e-mail').waitFor();
    const link = await nextResetLinkTo(staff.email, seen);
    await page.goto(link.replace(/^http:\/\/localhost:\d+/, api.baseUrl));
    await page.waitForURL(/#\/reset-password\?token=/);
    await page.locator('input[name="password"]').fill('a-new-Staff-passw0rd');
    await page.locator('input[name="repeat"]').fill('a-new-Staff-passw0rd');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, api.baseUrl, { email: staff.email, password: 'a-new-Staff-passw0rd' });
  });

  test('the storefront: "Forgot your password?" on its sign-in page, and its reset page, for a customer', async () => {
    await page.goto(`${api.baseUrl}/shop/signin`);
    await page.locator('input[name="email"]').fill(customer.email);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/shop\/forgot-password/);
    assert.equal(await page.locator('input[name="email"]').inputValue(), customer.email);
    const seen = resetLinksTo(customer.email).length;
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account uses this e-mail').waitFor();
    const link = await nextResetLinkTo(customer.email, seen);
    await page.goto(link.replace(/^http:\/\/localhost:\d+/, api.baseUrl));
    await page.waitForURL(/\/shop\/reset-password\?token=/);
    await page.locator('input[name="password"]').fill('a-new-Customer-passw0rd');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByText('Your new password is set').waitFor();
    // the link is spent: using it again says so
    await page.goto(link.replace(/^http:\/\/localhost:\d+/, api.baseUrl));
    await page.locator('input[name="password"]').fill('yet-another-passw0rd');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByText('This link is wrong, has been used already or has expired').waitFor();
    await page.goto(`${api.baseUrl}/shop/signin`);
    await page.locator('input[name="email"]').fill(customer.email);
    await page.locator('input[name="password"]').fill('a-new-Customer-passw0rd');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
    assert.deepEqual(pageErrors, []);
  });
});
