// The dashboard, the sales report and the audit log in the admin SPA, in Chromium against the
// real, built API (run `npm run build` first), with an online order, an in-store sale and a
// booking made through the API: the cards and the revenue chart show their figures and open the
// lists behind them; the sales report shows a table for a period and exports it as CSV; the audit
// log lists the changes; the menu is grouped as the business thinks and follows the role.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, repoRoot, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';

const screenshots = join(repoRoot, 'apps/admin-e2e/screenshots');
const admin = { email: 'dashboard.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'dashboard.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Dana Desk' };
const shopper = { email: 'dashboard.shopper@chance.test', password: 'e2e-Shopper-passw0rd', fullName: 'Sid Shopper' };
const today = new Date().toISOString().slice(0, 10);

describe('dashboard, sales report and audit log in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  const pageErrors = [];
  /** What the API made, for the expected figures. */
  const made = { order: null, sale: null, productId: null };

  /** 5060 → "$50.60" (what the SPA shows for USD, the default currency). */
  const dollars = (cents) =>
    `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100).toLocaleString('en-US')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  const decimal = (cents) => `${cents < 0 ? '-' : ''}${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

  async function call(method, path, body, token, headers = {}) {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  async function adminToken() {
    const login = await apiPost(api.baseUrl, '/api/auth/login', admin);
    assert.equal(login.status, 200, JSON.stringify(login.json));
    return login.json.accessToken;
  }

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    const token = await adminToken();
    const expect = async (promise, status) => {
      const result = await promise;
      assert.equal(result.status, status, JSON.stringify(result.json));
      return result.json;
    };
    const category = await expect(call('POST', '/api/admin/categories', { name: 'Lamps' }, token), 201);
    const product = await expect(
      call(
        'POST',
        '/api/admin/products',
        {
          name: 'Brass desk lamp',
          categoryId: category.id,
          price: 4500,
          costPrice: 2000,
          variants: [
            { sku: 'LAMP-BR', attributes: { finish: 'brass' }, stock: 20 },
            { sku: 'LAMP-BK', attributes: { finish: 'black' }, stock: 2 },
          ],
        },
        token,
      ),
      201,
    );
    made.productId = product.id;
    const [brass] = product.variants;

    // An online order, paid on delivery (so still owed), by a registered customer.
    const registered = await expect(call('POST', '/api/auth/register', shopper), 201);
    const customerToken = registered.accessToken;
    const cart = await expect(call('GET', '/api/store/carts/mine', undefined, customerToken), 200);
    await expect(call('POST', `/api/store/carts/${cart.id}/items`, { variantId: brass.id, quantity: 1 }, customerToken), 201);
    made.order = await expect(
      call(
        'POST',
        '/api/store/checkout',
        {
          cartId: cart.id,
          shippingAddress: { name: shopper.fullName, line1: '3 Lamp Street', city: 'Lyon', postalCode: '69001', country: 'FR' },
          paymentMethod: 'cash_on_delivery',
        },
        customerToken,
        { 'Idempotency-Key': randomUUID() },
      ),
      201,
    );

    // An in-store sale, half paid.
    const walkIn = await expect(call('POST', '/api/admin/offline-customers', { name: 'Wanda Walk-in', phone: '+1 555 0142' }, token), 201);
    made.sale = await expect(
      call(
        'POST',
        '/api/admin/offline-sales',
        { customerId: walkIn.id, lines: [{ variantId: brass.id, quantity: 2 }], paidAmount: 4000, paymentMethod: 'cash' },
        token,
      ),
      201,
    );

    // A visit in two days.
    const service = await expect(call('POST', '/api/admin/service-types', { name: 'Lamp repair', price: 3000, durationMinutes: 30 }, token), 201);
    await expect(
      call(
        'POST',
        '/api/admin/bookings',
        {
          customerId: registered.user.id,
          serviceTypeId: service.id,
          scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          address: '3 Lamp Street, Lyon',
        },
        token,
      ),
      201,
    );
    await expect(call('POST', '/api/admin/users', { ...staff, role: 'staff' }, token), 201);

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const card = (title) => page.locator(`[data-stat="${title}"]`);
  const cardValue = async (title) => (await card(title).locator('[data-stat-value]').innerText()).trim();

  async function shot(name) {
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  async function signIn({ email, password }) {
    await page.goto(`${api.baseUrl}/#/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Welcome').waitFor();
  }

  test('the dashboard shows the day’s figures in cards, in the store currency', async () => {
    const report = await call('GET', '/api/admin/reports/dashboard', undefined, await adminToken());
    assert.equal(report.status, 200);
    const expectedRevenue = made.order.total + made.sale.total;
    assert.equal(report.json.revenueToday, expectedRevenue, 'the order and the sale count today');
    assert.equal(report.json.outstandingReceivables, made.order.balanceDue + made.sale.balance);

    await signIn(admin);
    await page.waitForFunction(() => !document.querySelector('.MuiSkeleton-root'));
    assert.equal(await cardValue('Revenue today'), dollars(expectedRevenue));
    assert.equal(await cardValue('Revenue, last 30 days'), dollars(expectedRevenue));
    assert.equal(await cardValue('Pending orders'), '1 order');
    assert.equal(await cardValue('Low-stock variants'), `${report.json.lowStockVariants} variant${report.json.lowStockVariants === 1 ? '' : 's'}`);
    assert.ok(report.json.lowStockVariants >= 1, 'LAMP-BK has 2 in stock');
    assert.equal(await cardValue('Outstanding receivables'), dollars(made.order.balanceDue + made.sale.balance));
    assert.equal(await cardValue('Upcoming bookings'), '1 visit');
  });

  test('the revenue chart shows the last 30 days, online and in-store side by side', async () => {
    const chart = page.getByTestId('revenue-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    // Two bars today (online and in-store) with a height, nothing on the other days.
    const heights = await chart
      .locator('.recharts-bar-rectangle path, path.recharts-rectangle')
      .evaluateAll((paths) => paths.map((path) => path.getBoundingClientRect().height).filter((height) => height > 0));
    assert.equal(heights.length, 2, `bars with a height: ${heights}`);
    const ticks = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    assert.ok(ticks.length > 5, 'dates on the axis');
    assert.ok(
      ticks.every((tick) => /^[A-Z][a-z]{2} \d{1,2}$|^\d{1,2} [A-Z][a-z]{2}$/.test(tick)),
      `formatted dates: ${ticks}`,
    );
    const legend = await chart.locator('.recharts-legend-wrapper').innerText();
    assert.match(legend, /Online\s*In-store/, 'online first');
    const subheader = await page.getByText(/^Last 30 days · online/).innerText();
    assert.equal(subheader, `Last 30 days · online ${dollars(made.order.total)} · in-store ${dollars(made.sale.total)}`);
    await shot('dashboard');
  });

  test('the cards open the lists behind them: pending orders, low-stock products, upcoming bookings', async () => {
    await card('Pending orders').click();
    await page.waitForURL(/#\/orders\?/);
    assert.deepEqual(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')), { status: 'pending' });
    await page.getByText(made.order.number).first().waitFor();

    await page.goBack();
    await card('Low-stock variants').click();
    await page.waitForURL(/#\/products\?/);
    assert.deepEqual(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')), { lowStock: true });
    await page.getByText('Brass desk lamp').first().waitFor();

    await page.goBack();
    await card('Upcoming bookings').click();
    await page.waitForURL(/#\/bookings\?/);
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter'));
    assert.equal(filter.status, 'pending');
    assert.ok(filter.scheduledAt_gte && filter.scheduledAt_lte, 'from now to 7 days ahead');
    await page.getByText('Lamp repair').first().waitFor();
  });

  test('outstanding receivables show their online and in-store parts, each opening the records that owe it', async () => {
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('.MuiSkeleton-root'));
    const part = (label) => card('Outstanding receivables').locator(`[data-stat-part="${label}"]`);
    assert.equal((await part('Online').innerText()).trim(), `Online ${dollars(made.order.balanceDue)}`);
    assert.equal((await part('In-store').innerText()).trim(), `In-store ${dollars(made.sale.balance)}`);

    await part('Online').click();
    await page.waitForURL(/#\/orders\?/);
    assert.deepEqual(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')).paymentStatus, ['unpaid', 'partially_paid']);
    await page.getByText(made.order.number).first().waitFor();

    await page.goBack();
    await part('In-store').click();
    await page.waitForURL(/#\/offline-sales\?/);
    assert.deepEqual(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')), {
      status: 'completed',
      paymentStatus: ['unpaid', 'partially_paid'],
    });
    await page.getByText(made.sale.number).first().waitFor();
    await page.goBack();
  });

  test('the new order is in the bell: opening it marks it read and goes to the order', async () => {
    const bell = page.getByTestId('notification-bell');
    const before = Number(await bell.getAttribute('data-unread-count'));
    assert.ok(before >= 1, 'admins hear of new orders');
    await bell.click();
    await page.getByRole('button', { name: new RegExp(`New order ${made.order.number}`) }).click();
    await page.waitForURL(new RegExp(`#/orders/${made.order.id}/show`));
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread-count') === String(expected),
      before - 1,
    );
  });

  test('the sales report shows a period as a table and a chart, by day or by month', async () => {
    await page.getByRole('menuitem', { name: 'Sales report' }).click();
    await page.waitForURL(/#\/reports\/sales/);
    // The page we leave may still be on screen (the bookings list has a "From" date filter too).
    await page.getByRole('group', { name: 'Group by' }).waitFor();
    const loaded = page.waitForResponse((response) => response.url().includes(`/api/admin/reports/sales?from=${today}&to=${today}`));
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(today);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(today);
    assert.equal((await loaded).status(), 200);
    const table = page.getByRole('table', { name: 'Sales per period' });
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Sales per period"] tbody tr').length === 2);
    const [day, total] = await table.locator('tbody tr').allInnerTexts();
    const cells = (text) => text.split('\t').map((cell) => cell.trim());
    const dayCells = cells(day);
    assert.doesNotMatch(dayCells[0], /^\d{4}-/, 'the day is formatted');
    const revenue = made.order.total + made.sale.total;
    // online, in-store, total, refunds (none), net revenue, orders, in-store sales
    assert.deepEqual(dayCells.slice(1, 8), [dollars(made.order.total), dollars(made.sale.total), dollars(revenue), dollars(0), dollars(revenue), '1', '1']);
    assert.equal(cells(total)[0], 'Total');
    assert.deepEqual(cells(total).slice(1), dayCells.slice(1));
    await page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first().waitFor();

    // An end before the start is refused at once, under the input.
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2000-01-01');
    await page.getByText('Must not be before the start date').waitFor();
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(today);

    await page.getByRole('button', { name: 'By month' }).click();
    await page.waitForURL(/groupBy=month/);
    await table.getByRole('columnheader', { name: 'Month' }).waitFor();
    await shot('sales-report');
  });

  test('the sales report exports its rows as CSV, amounts as decimals in the store currency', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), new RegExp(`^sales-${today}-to-${today}-by-month\\.csv$`));
    const csv = await readFile(await download.path(), 'utf8');
    const [header, row, total] = csv.split('\r\n');
    assert.equal(
      header,
      'Month,Online revenue (USD),In-store revenue (USD),Total revenue (USD),Refunds (USD),Net revenue (USD),Orders,In-store sales,Gross profit (USD)',
    );
    const sum = decimal(made.order.total + made.sale.total);
    const revenue = [decimal(made.order.total), decimal(made.sale.total), sum, decimal(0), sum, '1', '1'];
    assert.deepEqual(row.split(',').slice(0, 8), [today.slice(0, 7), ...revenue]);
    assert.deepEqual(total.split(',').slice(0, 8), ['Total', ...revenue]);
    assert.match(row.split(',')[8], /^-?\d+\.\d{2}$/, 'gross profit as a decimal');
  });

  test('the audit log lists every back-office change in words, with who made it', async () => {
    await page.locator('[data-menu-section="settings"]').getByRole('menuitem', { name: 'Audit log' }).click();
    await page.waitForURL(/#\/audit-logs/);
    const productRow = page.locator('tr', { has: page.getByRole('link', { name: 'Brass desk lamp' }) }).filter({ hasText: 'Price: $45.00' });
    await productRow.first().waitFor();
    // Who made it: the user by name (a reference, loaded after the row).
    await productRow.first().getByRole('link', { name: 'Administrator' }).waitFor();
    const text = await productRow.first().innerText();
    assert.match(text, /Created/);
    assert.match(text, /Administrator/);
    assert.doesNotMatch(await page.locator('main table').innerText(), /[{}[\]]|"/, 'no raw JSON');
    await shot('audit-log');

    // The product's own history, from its page.
    await page.goto(`${api.baseUrl}/#/products/${made.productId}/show`);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(/Created — In-store sale/).waitFor();
    assert.match((await history.innerText()).replace(/\s+/g, ' '), /Variant LAMP-BR Stock: \d+ → \d+/);
  });

  test('the menu follows the business: Sales, Catalog, Purchasing, In-store, Services, Customers, Settings, Integrations', async () => {
    const sections = await page.locator('[data-menu-section]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
    assert.deepEqual(sections, ['Sales', 'Catalog', 'Purchasing', 'In-store', 'Services', 'Customers', 'Settings', 'Integrations']);
    assert.match(await page.locator('[data-menu-section="integrations"]').innerText(), /API keys[\s\S]*Webhooks[\s\S]*Webhook deliveries[\s\S]*E-mails/);
    const settings = await page.locator('[data-menu-section="settings"]').innerText();
    assert.match(settings, /Users[\s\S]*Store settings[\s\S]*Audit log/);
    await page.locator('[data-menu-section="sales"]').getByRole('menuitem', { name: 'Sales report' }).waitFor();
    await page.locator('[data-menu-section="customers"]').getByRole('menuitem', { name: 'Customer accounts' }).waitFor();
  });

  test('staff: the same dashboard and report, but no users, settings, audit log or history', async () => {
    await signOut(page);
    // The System health card asks for its report as soon as access is granted: staff must never ask.
    const integrityRequests = [];
    const onRequest = (request) => {
      if (new URL(request.url()).pathname === '/api/admin/reports/integrity') integrityRequests.push(request.url());
    };
    page.on('request', onRequest);
    await signIn(staff);
    await page.waitForFunction(() => !document.querySelector('.MuiSkeleton-root'));
    assert.equal(await cardValue('Revenue today'), dollars(made.order.total + made.sale.total));
    // Absences prove something only once the page has decided what staff may see: the figures are
    // in, and the menu shows the role-checked entries staff may open (the same access checks).
    await page.getByRole('menuitem', { name: 'Sales report' }).waitFor();
    await page.getByRole('menuitem', { name: 'Send a message' }).waitFor();
    page.off('request', onRequest);
    assert.deepEqual(integrityRequests, [], 'staff do not ask for the system health');
    assert.equal(await page.getByText('System health').count(), 0);
    const menu = await page.locator('.RaMenu-open, .RaMenu-closed').first().innerText();
    assert.doesNotMatch(menu, /Users|Store settings|Audit log|Customer accounts|API keys|Webhooks|E-mails/);
    assert.match(menu, /Sales report/);
    assert.match(menu, /Send a message/);
    await shot('dashboard-staff');
    await page.goto(`${api.baseUrl}/#/products/${made.productId}/show`);
    await page.getByText('LAMP-BK').waitFor();
    // The page's own access-checked action, drawn with the History panel's check: the page has loaded.
    await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'History' }).count(), 0);
    await page.goto(`${api.baseUrl}/#/audit-logs`);
    await page.getByText('Access denied').waitFor();
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
