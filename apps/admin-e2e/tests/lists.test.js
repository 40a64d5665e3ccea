// Lists in the admin SPA, in Chromium against the real, built API (run `npm run build` first): a
// bulk status move on the orders list (the orders that may move are moved, the one that cannot is
// named with why), the dashboard's newest pending orders refreshed by the bell's live stream, the
// pages a phone shows at 390 px (the orders list as a simple list, an order, an in-store sale: no
// sideways scrolling), and the light/dark theme toggle, remembered across a reload.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, createProduct, placeGuestOrder, request, screenshots, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'lists.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('lists, phones and the theme in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  let mug;
  let sale;
  const pageErrors = [];
  const orders = [];

  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();
  const orderStatus = async (order) => (await request(api.baseUrl, 'GET', `/api/admin/orders/${order.id}`, { token })).json.status;
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    mug = await createProduct(api.baseUrl, token, {
      name: 'Speckled mug',
      price: 1800,
      costPrice: 700,
      variants: [{ sku: 'MUG-SPK', attributes: {}, stock: 50 }],
    });
    for (const name of ['Ada Alder', 'Ben Birch', 'Cy Cedar']) {
      orders.push(
        await placeGuestOrder(api.baseUrl, { variantId: mug.variants[0].id, quantity: 1, email: `${name.split(' ')[0].toLowerCase()}@example.com`, name }),
      );
    }
    // the third is cancelled: it cannot be moved on
    assert.equal((await request(api.baseUrl, 'POST', `/api/admin/orders/${orders[2].id}/cancel`, { token })).status, 200);
    const customer = await request(api.baseUrl, 'POST', '/api/admin/offline-customers', {
      token,
      body: { name: 'Maximilian Featherstonehaugh-Worthington', phone: '+44 20 7946 0018', address: '221B Long Street Name, Borough of Somewhere Far' },
    });
    assert.equal(customer.status, 201, JSON.stringify(customer.json));
    const sold = await request(api.baseUrl, 'POST', '/api/admin/offline-sales', {
      token,
      body: { customerId: customer.json.id, lines: [{ variantId: mug.variants[0].id, quantity: 2 }], paidAmount: 1000, paymentMethod: 'cash' },
    });
    assert.equal(sold.status, 201, JSON.stringify(sold.json));
    sale = sold.json;
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await page.setViewportSize(DESKTOP);
    await signIn(page, api.baseUrl, admin);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
    assert.deepEqual(pageErrors, []);
  });

  test('a bulk status move moves the orders that may move and names the one that cannot, with why', async () => {
    await page.goto(`${api.baseUrl}/#/orders`);
    const rowOf = (order) => page.getByRole('row', { name: new RegExp(order.number) });
    for (const order of orders) await rowOf(order).getByRole('checkbox').check();
    await page.getByText('3 items selected').waitFor();
    await shot(page, 'lists-orders-selected');

    await page.getByRole('button', { name: 'Move to…' }).click();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/orders/bulk-status');
    await page.getByRole('menuitem', { name: 'Processing' }).click();
    assert.deepEqual((await sent).postDataJSON(), { ids: orders.map((o) => o.id), status: 'processing' });

    const dialog = page.getByRole('dialog', { name: /2 orders moved to processing, 1 failed/ });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`${orders[2].number}\\s+An order cannot go from cancelled to processing`));
    assert.match(
      await notification().innerText(),
      new RegExp(`2 orders moved to processing, 1 failed: ${orders[2].number} — An order cannot go from cancelled to processing`),
    );
    await shot(page, 'lists-orders-bulk-failed');
    await dialog.getByRole('button', { name: 'Close' }).click();

    assert.equal(await orderStatus(orders[0]), 'processing');
    assert.equal(await orderStatus(orders[1]), 'processing');
    assert.equal(await orderStatus(orders[2]), 'cancelled');
    // the list shows the moves, and only the refused order stays selected
    await page.getByText('1 item selected').waitFor();
    assert.equal(await rowOf(orders[2]).getByRole('checkbox').isChecked(), true);
    await rowOf(orders[0]).getByText('Processing').waitFor();
    await rowOf(orders[2]).getByRole('checkbox').uncheck();
  });

  test('products sort by stock, and a selection is deactivated and moved to another category at once', async () => {
    const lamp = await createProduct(api.baseUrl, token, { name: 'Lantern', price: 2500, variants: [{ sku: 'LANTERN', attributes: {}, stock: 3 }] });
    const rug = await createProduct(api.baseUrl, token, { name: 'Woven rug', price: 9000, variants: [{ sku: 'RUG', attributes: {}, stock: 9 }] });
    await page.goto(`${api.baseUrl}/#/products`);
    await page.getByRole('button', { name: 'Stock' }).click();
    const names = page.locator('tbody tr td:nth-child(2)');
    await page.waitForFunction(() => /stock/.test(decodeURIComponent(location.hash)));
    await page.getByRole('row', { name: /Lantern/ }).waitFor();
    const sorted = async () => (await names.allInnerTexts()).map((text) => text.split('\n')[0]);
    // the list by name stays on screen until the sorted page arrives: wait for the order itself
    const byStock = ['Lantern', 'Woven rug', 'Speckled mug'];
    await page
      .waitForFunction(
        (want) => [...document.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.innerText.split('\n')[0]).join('|') === want,
        byStock.join('|'),
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    assert.deepEqual(await sorted(), byStock);

    for (const name of ['Lantern', 'Woven rug'])
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('2 products were deactivated.').waitFor();
    await page.getByText('Woven rug').first().waitFor();
    for (const name of ['Lantern', 'Woven rug'])
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await page.getByRole('button', { name: 'Change category' }).click();
    const dialog = page.getByRole('dialog', { name: /Move 2 products to a category/ });
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Speckled mug category' }).click();
    await shot(page, 'lists-products-category');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page.getByText('2 products were moved to Speckled mug category.').waitFor();
    for (const product of [lamp, rug]) {
      const stored = (await request(api.baseUrl, 'GET', `/api/admin/products/${product.id}`, { token })).json;
      assert.equal(stored.isActive, false);
      assert.equal(stored.categoryId, mug.categoryId);
    }
  });

  test('the dashboard lists the newest pending orders and refreshes them when the bell receives an order', async () => {
    await page.goto(`${api.baseUrl}/#/`);
    const pending = page.getByRole('region', { name: 'Newest pending orders' });
    await pending.getByText('No order is waiting.').waitFor();
    const customers = page.getByRole('region', { name: 'Newest customers' });
    await customers.getByText('Maximilian Featherstonehaugh-Worthington').waitFor();
    const figure = page.locator('[data-stat="Pending orders"] [data-stat-value]');
    await figure.filter({ hasText: /^0 orders$/ }).waitFor();

    // an order placed elsewhere: the bell's stream brings it, the lists and figures follow without a reload
    const placed = await placeGuestOrder(api.baseUrl, { variantId: mug.variants[0].id, quantity: 2, email: 'dora@example.com', name: 'Dora Elm' });
    await pending.getByRole('link', { name: new RegExp(placed.number) }).waitFor();
    await figure.filter({ hasText: /^1 order$/ }).waitFor();
    await shot(page, 'lists-dashboard');
    orders.push(placed);
  });

  test('on a 390 px phone the orders list is a simple list, and an order and an in-store sale fit without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    try {
      // a phone's browser starts with the menu closed (react-admin's default below 600 px); this one
      // signed in at desktop size, where the menu is open and would cover the page as a drawer
      await page.evaluate(() => localStorage.setItem('RaStore.sidebar.open', 'false'));
      await page.goto(`${api.baseUrl}/#/orders`);
      await page.reload();
      // react-admin's SimpleList: a list of links, one per order, and no table
      const item = page.getByRole('list').getByRole('link', { name: new RegExp(orders[0].number) });
      await item.waitFor();
      assert.equal(await page.locator('table').count(), 0, 'no table on a phone');
      assert.match(await item.innerText(), /Processing · Unpaid · ada@example\.com/);
      assert.ok((await pageWidth()) <= PHONE.width, `the orders list is ${await pageWidth()} px wide`);
      await shot(page, 'lists-phone-orders');

      await item.click();
      await page.waitForURL(new RegExp(`#/orders/${orders[0].id}/show`));
      await page.getByText('Ada Alder').first().waitFor();
      assert.ok((await pageWidth()) <= PHONE.width, `the order page is ${await pageWidth()} px wide`);
      await shot(page, 'lists-phone-order');

      await page.goto(`${api.baseUrl}/#/offline-sales/${sale.id}/show`);
      await page.getByText('Maximilian Featherstonehaugh-Worthington').first().waitFor();
      await page.getByText(sale.number).first().waitFor();
      assert.ok((await pageWidth()) <= PHONE.width, `the sale page is ${await pageWidth()} px wide`);
      await shot(page, 'lists-phone-sale');

      await page.goto(`${api.baseUrl}/#/offline-sales`);
      await page
        .getByRole('list')
        .getByRole('link', { name: new RegExp(sale.number) })
        .waitFor();
      assert.ok((await pageWidth()) <= PHONE.width, `the sales list is ${await pageWidth()} px wide`);
      await shot(page, 'lists-phone-sales');

      // the catalog and the coupons are simple lists on a phone too
      await page.goto(`${api.baseUrl}/#/products`);
      await page
        .getByRole('list')
        .getByRole('link', { name: /Lantern/ })
        .waitFor();
      assert.equal(await page.locator('table').count(), 0, 'no products table on a phone');
      const coupon = await request(api.baseUrl, 'POST', '/api/admin/coupons', { token, body: { code: 'PHONE5', discountType: 'fixed', discountValue: 500 } });
      assert.equal(coupon.status, 201, JSON.stringify(coupon.json));
      await page.goto(`${api.baseUrl}/#/coupons`);
      await page
        .getByRole('list')
        .getByRole('link', { name: /PHONE5/ })
        .waitFor();
      assert.equal(await page.locator('table').count(), 0, 'no coupons table on a phone');
      assert.ok((await pageWidth()) <= PHONE.width, `the coupons list is ${await pageWidth()} px wide`);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  test('the light/dark toggle switches the theme and the browser remembers it', async () => {
    await page.goto(`${api.baseUrl}/#/orders`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const isDark = async () => {
      const [r, g, b] = (await background()).match(/\d+/g).map(Number);
      return r + g + b < 3 * 80;
    };
    await page.getByRole('button', { name: 'Profile' }).waitFor();
    assert.equal(await isDark(), false, 'light at first');
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await page.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return r + g + b < 3 * 80;
    });
    await page.reload();
    await page.getByRole('button', { name: 'Profile' }).waitFor();
    await page.getByRole('row', { name: new RegExp(orders[0].number) }).waitFor();
    assert.equal(await isDark(), true, 'still dark after a reload');
    await shot(page, 'lists-dark-orders');
    await page.setViewportSize(PHONE);
    await page.goto(`${api.baseUrl}/#/orders/${orders[0].id}/show`);
    await page.getByText('Ada Alder').first().waitFor();
    await shot(page, 'lists-dark-phone-order');
    await page.setViewportSize(DESKTOP);
    await page.goto(`${api.baseUrl}/#/`);
    await page.getByRole('region', { name: 'Newest pending orders' }).waitFor();
    await shot(page, 'lists-dark-dashboard');
    await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
    await page.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return r + g + b > 3 * 200;
    });
  });
});
