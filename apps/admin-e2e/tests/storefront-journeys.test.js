// The reference storefront (apps/storefront, served by the API at /shop/) in Chromium against the
// real, built API (run `npm run build` first): a guest buys two items with a coupon and pays by
// test card (the admin API then shows the order paid); a declined card says so and a retry pays;
// a customer signs in and their guest cart merges into their cart; they check out, find the order
// in their history and download its invoice; once it is delivered they ask to return part of it,
// follow the return and download the refund's credit note; they book a service and its status
// change arrives live. Every wait is for something only the destination shows: a heading, a status line, a row.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, repoRoot, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { download } from '../support/sales-fixtures.js';

const admin = { email: 'shop.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const customer = { email: 'shop.customer@chance.test', password: 'e2e-Customer-passw0rd', fullName: 'Cora Customer' };
const address = { 'Full name': 'Gus Guest', Address: '1 Market Street', City: 'Springfield', 'Postal code': '12345', Country: 'US' };

describe('the storefront at /shop/', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let adminToken;
  let customerToken;
  const pageErrors = [];
  const ids = {};

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist/apps/storefront/index.html')), 'dist/apps/storefront is missing: run `npm run build` first');
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    const login = await apiPost(api.baseUrl, '/api/auth/login', admin);
    assert.equal(login.status, 200, JSON.stringify(login.json));
    adminToken = login.json.accessToken;
    const post = async (path, body, token = adminToken) => {
      const reply = await apiPost(api.baseUrl, path, body, token);
      assert.ok(reply.status < 300, `${path}: ${reply.status} ${JSON.stringify(reply.json)}`);
      return reply.json;
    };
    const category = await post('/api/admin/categories', { name: 'Clothing' });
    const shirt = await post('/api/admin/products', {
      categoryId: category.id,
      name: 'Storefront Shirt',
      description: 'Soft cotton.',
      price: 2000,
      costPrice: 800,
      shippingCost: 300,
      variants: [
        { sku: 'SF-SHIRT-S', attributes: { size: 'S' }, stock: 20 },
        { sku: 'SF-SHIRT-M', attributes: { size: 'M' }, price: 2200, stock: 20 },
      ],
    });
    const mug = await post('/api/admin/products', { categoryId: category.id, name: 'Storefront Mug', price: 900, costPrice: 300, stock: 40 });
    ids.shirtS = shirt.variants[0].id;
    ids.mug = mug.variants[0].id;
    await post('/api/admin/coupons', { code: 'SAVE10', discountType: 'percentage', discountValue: 1000 });
    await post('/api/admin/service-types', { name: 'Plumber', description: 'Leaks and taps', price: 6000, durationMinutes: 60 });
    const registered = await post('/api/auth/register', customer, undefined);
    customerToken = registered.accessToken;
    ids.customer = registered.user.id;

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const heading = (name) => page.getByRole('heading', { level: 1, name });
  const shopUrl = (path = '') => `${api.baseUrl}/shop/${path}`;
  const getJson = async (path, token) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
    return { status: response.status, json: await response.json() };
  };
  const ordersOf = async (email) => (await getJson(`/api/admin/orders?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`, adminToken)).json;

  /** A fresh visitor: no session, no guest cart. */
  async function asNewVisitor() {
    await page.goto(shopUrl());
    await page.evaluate(() => localStorage.clear());
    await page.goto(shopUrl());
    await heading(/Welcome to/).waitFor();
  }

  async function addToCart(productName, options = {}) {
    await page.getByRole('link', { name: 'Shop', exact: true }).click();
    await heading('All products').waitFor();
    await page.getByRole('link', { name: productName }).click();
    await heading(productName).waitFor();
    if (options.size) await page.getByRole('radio', { name: options.size }).check();
    if (options.quantity) await page.getByLabel('Quantity').fill(String(options.quantity));
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${productName} added to your cart` })
      .waitFor();
  }

  async function openCart(items) {
    await page.getByRole('link', { name: new RegExp(`^Cart, ${items} item`) }).click();
    await heading('Your cart').waitFor();
  }

  async function fillAddress(email) {
    if (email) await page.getByLabel('E-mail').fill(email);
    for (const [label, value] of Object.entries(address)) await page.getByLabel(new RegExp(`^${label}( \\*)?$`)).fill(value);
  }

  async function placeOrder() {
    await page.getByRole('button', { name: 'Place order' }).click();
    await heading(/^Order ORD-\d+$/).waitFor();
    return (await heading(/^Order ORD-/).innerText()).replace('Order ', '');
  }

  test('a guest finds products, buys two with a coupon and pays by test card: the order is paid', async () => {
    await asNewVisitor();
    // search from the home page
    await page.getByRole('searchbox', { name: 'Search products' }).fill('shirt');
    await page.getByRole('button', { name: 'Search' }).click();
    await heading('Results for “shirt”').waitFor();
    await page.getByRole('status').filter({ hasText: '1 product' }).waitFor();

    await addToCart('Storefront Shirt', { size: 'M' });
    await addToCart('Storefront Mug');
    await openCart(2);
    // the guest cart survives a reload
    await page.reload();
    await heading('Your cart').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 2);
    await page.getByLabel('Coupon code').fill('save10');
    await page.getByRole('button', { name: 'Apply coupon' }).click();
    await page.getByText('Coupon SAVE10 applied.').waitFor();

    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await heading('Checkout').waitFor();
    await fillAddress('gus.guest@chance.test');
    assert.equal(await page.getByRole('radio', { name: 'Card (pay now)' }).isChecked(), true);
    const number = await placeOrder();
    await page
      .getByRole('status')
      .filter({ hasText: `Your order ${number} has been placed` })
      .waitFor();

    await page.getByRole('radio', { name: 'Test Visa card — pays' }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.getByRole('status').filter({ hasText: 'Payment received' }).waitFor();
    await page.getByTestId('payment-status').filter({ hasText: 'Paid' }).waitFor();

    const [order] = await ordersOf('gus.guest@chance.test');
    assert.equal(order.number, number);
    assert.equal(order.paymentStatus, 'paid');
    assert.equal(order.status, 'delivered');
    assert.equal(order.couponCode, 'SAVE10');
    assert.equal(order.subtotal, 2200 + 900);
    assert.equal(order.discountTotal, 310);
    assert.deepEqual(order.lines.map((l) => [l.productName, l.sku, l.quantity]).sort(), [
      ['Storefront Mug', order.lines.find((l) => l.productName === 'Storefront Mug').sku, 1],
      ['Storefront Shirt', 'SF-SHIRT-M', 1],
    ]);
    assert.equal(order.paidAmount, order.total);
    // the cart is empty after checkout
    await page.getByRole('link', { name: /^Cart, 0 items/ }).waitFor();
  });

  test('a declined card shows the message and lets the guest retry with another card', async () => {
    await asNewVisitor();
    await addToCart('Storefront Mug', { quantity: 2 });
    await openCart(2);
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await heading('Checkout').waitFor();
    await fillAddress('dana.declined@chance.test');
    const number = await placeOrder();

    await page.getByRole('radio', { name: 'Test card — declined' }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor();
    await page.getByTestId('payment-status').filter({ hasText: 'Unpaid' }).waitFor();

    await page.getByRole('radio', { name: 'Test Visa card — pays' }).check();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('status').filter({ hasText: 'Payment received' }).waitFor();

    const [order] = await ordersOf('dana.declined@chance.test');
    assert.equal(order.number, number);
    assert.equal(order.paymentStatus, 'paid');
    const payments = await getJson(`/api/admin/payments?filter=${encodeURIComponent(JSON.stringify({ orderId: order.id }))}`, adminToken);
    assert.deepEqual(payments.json.map((p) => p.status).sort(), ['failed', 'succeeded']);
  });

  test('a customer signs in and the guest cart merges into theirs', async () => {
    // the customer already has a mug in their cart (from another device)
    const mine = await getJson('/api/store/carts/mine', customerToken);
    const added = await apiPost(api.baseUrl, `/api/store/carts/${mine.json.id}/items`, { variantId: ids.mug, quantity: 1 }, customerToken);
    assert.equal(added.status, 201, JSON.stringify(added.json));

    await asNewVisitor();
    await addToCart('Storefront Shirt', { size: 'S', quantity: 2 });
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await heading('Sign in').waitFor();
    await page.getByLabel('E-mail').fill(customer.email);
    await page.getByLabel('Password').fill(customer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('Your cart').waitFor();
    await page.getByRole('link', { name: /^Cart, 3 items/ }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Storefront Shirt' }).waitFor();
    await rows.filter({ hasText: 'Storefront Mug' }).waitFor();

    const merged = await getJson('/api/store/carts/mine', customerToken);
    assert.deepEqual(merged.json.items.map((i) => [i.productName, i.quantity]).sort(), [
      ['Storefront Mug', 1],
      ['Storefront Shirt', 2],
    ]);
  });

  test('the customer checks out, finds the order in their history and downloads its invoice', async () => {
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await heading('Checkout').waitFor();
    await page.getByText(`Signed in as ${customer.email}`).waitFor();
    await fillAddress();
    await page.getByRole('radio', { name: 'Cash on delivery' }).check();
    const number = await placeOrder();

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await heading('Your orders').waitFor();
    await page.getByRole('link', { name: number }).click();
    await heading(`Order ${number}`).waitFor();
    const file = await download(page, page.getByRole('button', { name: 'Download invoice (PDF)' }));
    assert.equal(file.name, `invoice-${number}.pdf`);
    assert.equal(file.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('the customer asks to return part of the delivered order, follows it, and downloads the refund’s credit note', async () => {
    const [order] = (await getJson('/api/store/orders', customerToken)).json;
    const number = order.number;
    for (const status of ['processing', 'shipped', 'delivered']) {
      const moved = await apiPost(api.baseUrl, `/api/admin/orders/${order.id}/status`, { status }, adminToken);
      assert.equal(moved.status, 200, JSON.stringify(moved.json));
    }
    await page.reload();
    await heading(`Order ${number}`).waitFor();
    const returns = page.getByRole('region', { name: 'Returns and refunds' });
    await returns.getByLabel('How many Storefront Shirt (S) to return').fill('1');
    await returns.getByLabel('Why are you returning it? (optional)').fill('Too small');
    await returns.getByRole('button', { name: 'Request return' }).click();
    await returns
      .getByRole('status')
      .filter({ hasText: /Return RET-\d+ requested/ })
      .waitFor();
    const mine = returns.getByRole('list', { name: 'Your returns' }).getByRole('listitem');
    await mine.filter({ hasText: 'Requested' }).filter({ hasText: '1 × Storefront Shirt (S)' }).waitFor();
    // of the two shirts one is left to ask back
    await returns.getByLabel('How many Storefront Shirt (S) to return').and(page.locator('[max="1"]')).waitFor();

    const [requested] = (await getJson(`/api/store/orders/${order.id}/returns`, customerToken)).json;
    assert.deepEqual(
      requested.lines.map((l) => [l.productName, l.quantity, l.reason]),
      [['Storefront Shirt', 1, 'Too small']],
    );
    // staff take it from there: paid on delivery, approve, receive, refund in cash
    for (const [path, body] of [
      [`/api/admin/orders/${order.id}/mark-paid`, { method: 'cash' }],
      [`/api/admin/returns/${requested.id}/approve`, {}],
      [`/api/admin/returns/${requested.id}/receive`, {}],
      [`/api/admin/returns/${requested.id}/refund`, { method: 'cash' }],
    ]) {
      const reply = await apiPost(api.baseUrl, path, body, adminToken);
      assert.ok(reply.status < 300, `${path}: ${reply.status} ${JSON.stringify(reply.json)}`);
    }
    await page.reload();
    await heading(`Order ${number}`).waitFor();
    await mine.filter({ hasText: 'Refunded' }).waitFor();
    const { refundedAmount } = (await getJson(`/api/store/orders/${order.id}`, customerToken)).json;
    assert.ok(refundedAmount > 0);
    await page
      .getByRole('region', { name: 'Totals' })
      .getByText(`Refunded $${(refundedAmount / 100).toFixed(2)}`)
      .waitFor();
    const [note] = (await getJson(`/api/store/orders/${order.id}/credit-notes`, customerToken)).json;
    const file = await download(page, returns.getByRole('button', { name: `Download credit note ${note.number} (PDF)` }));
    assert.equal(file.name, `${note.number}.pdf`);
    assert.equal(file.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('the customer books a service and its status change arrives live', async () => {
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await heading('Home services').waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Plumber' });
    const visit = new Date(Date.now() + 7 * 86_400_000);
    const local = new Date(visit.getTime() - visit.getTimezoneOffset() * 60_000).toISOString().slice(0, 11) + '10:30';
    await page.getByLabel('Date and time').fill(local);
    await page.getByLabel('Address of the visit').fill('5 Pipe Road, Springfield');
    await page.getByLabel('Notes for the technician (optional)').fill('Kitchen tap drips');
    await page.getByRole('button', { name: 'Book visit' }).click();
    await page.getByRole('status').filter({ hasText: 'Booked: Plumber' }).waitFor();
    const booking = page.getByRole('region', { name: 'Your bookings' }).getByRole('listitem').filter({ hasText: 'Plumber' });
    await booking.filter({ hasText: 'Pending' }).waitFor();

    const bookings = await getJson('/api/store/bookings', customerToken);
    assert.equal(bookings.json.length, 1);
    assert.equal(bookings.json[0].address, '5 Pipe Road, Springfield');
    assert.equal(bookings.json[0].notes, 'Kitchen tap drips');

    // staff complete the visit: the notification reaches the open inbox through the live stream
    await page.getByRole('link', { name: /^Notifications, \d+ unread/ }).click();
    await heading('Notifications').waitFor();
    await page.getByText('Live: new notifications appear here as they arrive.').waitFor();
    const done = await apiPost(api.baseUrl, `/api/admin/bookings/${bookings.json[0].id}/status`, { status: 'completed' }, adminToken);
    assert.equal(done.status, 200, JSON.stringify(done.json));
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /Plumber visit completed/ }) })
      .waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
