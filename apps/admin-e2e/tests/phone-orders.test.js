// Phone orders and order editing in the admin SPA, in Chromium against the real, built API (run
// `npm run build` first): a phone order is created for a customer found by name, with live totals,
// saved as a draft (no number, no stock taken), placed, then paid; a placed order is edited (a line
// added, another removed) with the before → after summary of totals and stock shown before saving.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { launchBrowser } from '../support/browser.js';
import { adminToken, createProduct, isAdminRequest, request, screenshots, setTaxRate, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'phone.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const ADDRESS = { name: 'Olga Phone', line1: '7 Dial Street', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

describe('phone orders and order editing in the admin SPA', { timeout: 240_000 }, () => {
  let api;
  let browser;
  let page;
  let token;
  let lamp;
  let shade;
  let bulb;
  let customer;
  const pageErrors = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 1000); // 10 %
    lamp = await createProduct(api.baseUrl, token, {
      name: 'Brass lamp',
      price: 4000,
      shippingCost: 500,
      variants: [{ sku: 'LAMP-1', attributes: {}, stock: 5 }],
    });
    shade = await createProduct(api.baseUrl, token, { name: 'Linen shade', price: 1500, variants: [{ sku: 'SHADE-1', attributes: {}, stock: 5 }] });
    bulb = await createProduct(api.baseUrl, token, { name: 'Warm bulb', price: 300, variants: [{ sku: 'BULB-1', attributes: {}, stock: 20 }] });
    const created = await request(api.baseUrl, 'POST', '/api/admin/users', {
      token,
      body: { email: 'olga.phone@chance.test', password: 'customer-passw0rd', fullName: 'Olga Phone', role: 'customer' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    customer = created.json;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const chip = (label) => page.locator('.MuiChip-label', { hasText: new RegExp(`^${label}$`) });
  const productPicker = (index) => page.getByRole('combobox', { name: /^Product/ }).nth(index);
  const stockOf = async (product) => (await request(api.baseUrl, 'GET', `/api/admin/products/${product.id}`, { token })).json.variants[0].stock;

  async function pick(index, search, option) {
    await productPicker(index).click();
    await productPicker(index).fill(search);
    await page.getByRole('option', { name: option }).click();
  }

  async function fillAddress() {
    for (const [field, value] of Object.entries(ADDRESS)) await page.locator(`input[name="shippingAddress.${field}"]`).fill(value);
  }

  test('a phone order is created for a customer, placed and paid', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.goto(`${api.baseUrl}/#/orders/create`);
    await page.getByRole('button', { name: 'Save draft' }).waitFor();

    const customerInput = page.getByRole('combobox', { name: /^Customer/ });
    await customerInput.click();
    await customerInput.fill('Olga');
    await page.getByRole('option', { name: /Olga Phone · olga\.phone@chance\.test/ }).click();

    await pick(0, 'lamp', /Brass lamp — LAMP-1/);
    await page.locator('input[name="lines.0.quantity"]').fill('2');
    // 2 × 40.00 = 80.00; shipping 2 × 5.00; tax 10 % of 80.00 = 8.00; total 98.00 — the API's own totals function
    const preview = page.getByRole('table', { name: 'Order totals' });
    await preview.filter({ hasText: /Total\s*\$98\.00/ }).waitFor();
    assert.match(await preview.innerText(), /Shipping\s+\$10\.00/);
    await fillAddress();
    await shot(page, 'phone-order-form');

    const saved = page.waitForResponse(isAdminRequest('POST', 'orders'));
    await page.getByRole('button', { name: 'Save draft' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      customerId: customer.id,
      lines: [{ variantId: lamp.variants[0].id, quantity: 2 }],
      shippingAddress: ADDRESS,
      paymentMethod: 'cash_on_delivery',
    });
    const draftOrder = await response.json();
    assert.equal(draftOrder.status, 'draft');
    assert.equal(draftOrder.total, 9800);
    await page.waitForURL(new RegExp(`#/orders/${draftOrder.id}/show`));
    await chip('Draft').waitFor();
    assert.equal(await stockOf(lamp), 5, 'a draft takes no stock');

    await page.getByRole('button', { name: 'Place order' }).click();
    const placedResponse = page.waitForResponse(isAdminRequest('POST', `orders/${draftOrder.id}/place`));
    await page.getByRole('dialog').getByRole('button', { name: 'Place order' }).click();
    const placed = await placedResponse;
    assert.equal(placed.status(), 200, await placed.text());
    assert.ok(placed.request().headers()['idempotency-key'], 'placed with an Idempotency-Key');
    const order = await placed.json();
    assert.match(order.number, /^ORD-\d{6}$/);
    await chip('Pending').waitFor();
    await page.getByText(order.number).first().waitFor();
    assert.equal(await stockOf(lamp), 3);

    await page.getByRole('button', { name: 'Mark paid' }).click();
    const paid = page.waitForResponse(isAdminRequest('POST', `orders/${draftOrder.id}/mark-paid`));
    await page.getByRole('dialog').getByRole('button', { name: 'Mark paid' }).click();
    assert.equal((await paid).status(), 200);
    await chip('Delivered').waitFor();
    await chip('Paid').waitFor();
    await shot(page, 'phone-order-paid');
    const invoice = (await request(api.baseUrl, 'GET', `/api/admin/invoices/${order.invoiceId}`, { token })).json;
    assert.equal(invoice.total, 9800);
    assert.equal(invoice.paymentStatus, 'paid');
  });

  test('an order is edited: a line added, another removed, with totals and stock before → after', async () => {
    // a placed order of a lamp and two shades (through a draft, as the phone order above)
    const draftReply = await request(api.baseUrl, 'POST', '/api/admin/orders', {
      token,
      body: {
        email: 'walk.in@chance.test',
        lines: [
          { variantId: lamp.variants[0].id, quantity: 1 },
          { variantId: shade.variants[0].id, quantity: 2 },
        ],
        shippingAddress: ADDRESS,
        paymentMethod: 'bank_transfer',
      },
    });
    const placedReply = await request(api.baseUrl, 'POST', `/api/admin/orders/${draftReply.json.id}/place`, {
      token,
      headers: { 'Idempotency-Key': `edit-test-${Date.now()}` },
    });
    assert.equal(placedReply.status, 200, JSON.stringify(placedReply.json));
    const order = placedReply.json;
    // 40.00 + 2 × 15.00 = 70.00; shipping 5.00; tax 7.00; total 82.00
    assert.equal(order.total, 8200);
    assert.equal(await stockOf(shade), 3);

    await page.goto(`${api.baseUrl}/#/orders/${order.id}/show`);
    await page.getByRole('link', { name: 'Edit order' }).click();
    await page.waitForURL(new RegExp(`#/orders/${order.id}$`));
    await page.getByRole('button', { name: 'Save changes' }).waitFor();

    // remove the shades (the second line), add four bulbs
    const shadeLine = page.locator('.RaSimpleFormIterator-line').nth(1);
    await shadeLine.hover(); // the iterator shows a line's remove button on hover
    await shadeLine.locator('.button-remove').click();
    await page.getByRole('button', { name: 'Add a product' }).click();
    await pick(1, 'bulb', /Warm bulb — BULB-1/);
    await page.locator('input[name="lines.1.quantity"]').fill('4');

    // before → after: 70.00 → 52.00; tax 7.00 → 5.20; total 82.00 → 62.20
    const summary = page.getByRole('table', { name: 'Totals before and after' });
    await summary.filter({ hasText: /Total\s*\$82\.00\s*\$62\.20/ }).waitFor();
    assert.match(await summary.innerText(), /Subtotal\s+\$70\.00\s+\$52\.00/);
    const stock = page.getByRole('table', { name: 'Stock changes' });
    assert.match(await stock.innerText(), /Linen shade — SHADE-1\s+2 → 0\s+2 returned/);
    assert.match(await stock.innerText(), /Warm bulb — BULB-1\s+0 → 4\s+20 → 16/);
    await shot(page, 'order-edit-summary');

    const saved = page.waitForResponse(isAdminRequest('PUT', `orders/${order.id}`));
    await page.getByRole('button', { name: 'Save changes' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    const sent = response.request().postDataJSON();
    assert.deepEqual(sent.lines, [
      { lineId: order.lines.find((l) => l.sku === 'LAMP-1').id, variantId: lamp.variants[0].id, quantity: 1 },
      { variantId: bulb.variants[0].id, quantity: 4 },
    ]);
    const edited = await response.json();
    assert.equal(edited.total, 6220);
    await page.waitForURL(new RegExp(`#/orders/${order.id}/show`));
    await page
      .getByRole('table', { name: 'Totals' })
      .filter({ hasText: /Total\s*\$62\.20/ })
      .waitFor();
    assert.deepEqual([await stockOf(shade), await stockOf(bulb)], [5, 16]);
    const invoice = (await request(api.baseUrl, 'GET', `/api/admin/invoices/${order.invoiceId}`, { token })).json;
    assert.deepEqual([invoice.revision, invoice.total], [2, 6220]);
    assert.deepEqual(pageErrors, []);
  });
});
