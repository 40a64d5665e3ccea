// In-store sales in the admin SPA, in Chromium against the real, built API (run `npm run build`
// first): the counter's sale entry (a customer created from the autocomplete, a product whose price
// fills in, live subtotal / discount / tax / total with the API's half-up rounding, a partial
// payment), then a second payment on the sale's page until it is paid, the receipt PDF, the sales
// list by payment status and the customer's balance; a sale beyond the stock is refused under the
// quantity.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import {
  adminToken,
  createProduct,
  download,
  isAdminRequest,
  request,
  screenshots,
  setTaxRate,
  shot,
  signIn,
  waitForValue,
} from '../support/sales-fixtures.js';

const admin = { email: 'counter.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const customer = { name: 'Rosa Diaz', phone: '+1 555 0177' };

describe('in-store sales and customers in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  let product;
  const pageErrors = [];
  const created = { saleId: null, saleNumber: null, customerId: null };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 1500); // 15 %
    product = await createProduct(api.baseUrl, token, {
      name: 'Enamel mug',
      price: 1250,
      costPrice: 400,
      variants: [
        { sku: 'MUG-BLUE', attributes: { colour: 'blue' }, stock: 10 },
        { sku: 'MUG-RED', attributes: { colour: 'red' }, stock: 2 },
      ],
    });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });
  const chip = (label) => page.locator('.MuiChip-label', { hasText: new RegExp(`^${label}$`) });
  const totals = (name) => page.getByRole('table', { name });
  const variantOf = (sku) => product.variants.find((variant) => variant.sku === sku);
  const productPicker = (index) => page.getByRole('combobox', { name: /^Product/ }).nth(index);

  test('a sale is entered at the counter: new customer, product price filled in, live totals, part paid', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.getByRole('menuitem', { name: 'In-store sales' }).click();
    await page.waitForURL(/#\/offline-sales/);
    await page.getByRole('tab', { name: 'All (0)' }).waitFor();
    await page.getByRole('link', { name: 'New sale' }).click();
    await page.waitForURL(/#\/offline-sales\/create/);
    // The sales list we leave has a "Customer" filter too: wait for the sale form itself.
    await page.getByRole('button', { name: 'Record sale' }).waitFor();

    // A customer who is not there yet is created from the autocomplete.
    const customerInput = page.getByRole('combobox', { name: /^Customer/ });
    await customerInput.click();
    await customerInput.fill(customer.name);
    await page.getByRole('option', { name: `New customer “${customer.name}”` }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    assert.equal(await dialog.getByLabel('Name').inputValue(), customer.name);
    await dialog.getByLabel('Phone').fill(customer.phone);
    const customerSaved = page.waitForResponse(isAdminRequest('POST', 'offline-customers'));
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    const customerResponse = await customerSaved;
    assert.equal(customerResponse.status(), 201, await customerResponse.text());
    assert.deepEqual(customerResponse.request().postDataJSON(), customer);
    created.customerId = (await customerResponse.json()).id;
    await dialog.waitFor({ state: 'detached' });
    await waitForValue(customerInput, `${customer.name} · ${customer.phone}`);

    // The product's price fills the unit price; the stock shows under the quantity.
    await productPicker(0).click();
    await productPicker(0).fill('mug');
    await page.getByRole('option', { name: /Enamel mug — MUG-BLUE \(colour: blue\)/ }).click();
    await waitForValue(page.locator('input[name="lines.0.unitPrice"]'), '12.50');
    await page.getByText('10 in stock').waitFor();
    await page.locator('input[name="lines.0.quantity"]').fill('3');
    await page.locator('[data-line-total]').first().filter({ hasText: '$37.50' }).waitFor();

    // (37.50 − 2.60) × 15 % = 5.235 → 5.24 (half-up, as the API rounds)
    await page.locator('input[name="discount"]').fill('2.60');
    const preview = totals('Sale totals');
    await preview.filter({ hasText: /Total\s*\$40\.14/ }).waitFor();
    const previewText = await preview.innerText();
    assert.match(previewText, /Subtotal\s+\$37\.50/);
    assert.match(previewText, /Discount\s+-\$2\.60/);
    assert.match(previewText, /Tax \(15\.00 %\)\s+\$5\.24/);

    // More than the total is refused before anything is sent.
    const posts = [];
    const onRequest = (sent) => sent.method() === 'POST' && sent.url().includes('/offline-sales') && posts.push(sent.url());
    page.on('request', onRequest);
    await page.locator('input[name="paidAmount"]').fill('50');
    await page.getByRole('button', { name: 'Record sale' }).click();
    await page.getByText('At most the total, $40.14').waitFor();
    page.off('request', onRequest);
    assert.deepEqual(posts, []);
    await page.locator('input[name="paidAmount"]').fill('20');
    await page.getByText('Still owed after this sale: $20.14').waitFor();
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached' }); // "The form is not valid" of the refused try
    await shot(page, 'in-store-sale-form');

    const saved = page.waitForResponse(isAdminRequest('POST', 'offline-sales'));
    await page.getByRole('button', { name: 'Record sale' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      customerId: created.customerId,
      lines: [{ variantId: variantOf('MUG-BLUE').id, quantity: 3, unitPrice: 1250 }],
      discount: 260,
      paidAmount: 2000,
      paymentMethod: 'cash',
    });
    const sale = await response.json();
    assert.equal(sale.taxTotal, 524, 'the preview rounded like the API');
    assert.equal(sale.total, 4014);
    created.saleId = sale.id;
    created.saleNumber = sale.number;

    await page.waitForURL(new RegExp(`#/offline-sales/${created.saleId}/show`));
    await chip('Partially paid').waitFor();
    const saleTotals = await totals('Totals').innerText();
    assert.match(saleTotals, /Total\s+\$40\.14[\s\S]*Paid\s+\$20\.00[\s\S]*Balance\s+\$20\.14/);
    // the sale's own link to its customer, not the History panel's mention of them
    await page.locator('a:not([aria-label="History"] a)', { hasText: customer.name }).waitFor();
    assert.match(await rowWith('MUG-BLUE').innerText(), /Enamel mug\s+MUG-BLUE\s+colour: blue\s+\$12\.50\s+3\s+\$37\.50/);
  });

  test('a second payment on the sale’s page pays it in full', async () => {
    await page.getByRole('button', { name: 'Add payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a payment' });
    const amount = dialog.getByLabel('Amount');
    assert.equal(await amount.inputValue(), '20.14', 'prefilled with the balance');
    await amount.fill('25');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.getByText('At most the balance due, $20.14').waitFor();
    await amount.fill('20.14');
    await dialog.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Card', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await dialog.getByLabel('Note').fill('Paid at pickup');
    const paid = page.waitForResponse(isAdminRequest('POST', `offline-sales/${created.saleId}/payments`));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    const response = await paid;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { amount: 2014, method: 'card', note: 'Paid at pickup' });
    await dialog.waitFor({ state: 'detached' });

    await chip('Paid').waitFor();
    await page.getByRole('button', { name: 'Add payment' }).waitFor({ state: 'detached' });
    assert.match(await totals('Totals').innerText(), /Paid\s+\$40\.14[\s\S]*Balance\s+\$0\.00/);
    assert.match(await page.locator('tr', { hasText: 'Paid at pickup' }).innerText(), /\$20\.14\s+Card\s+Paid at pickup/);
    assert.match(await page.locator('tr', { hasText: '$20.00' }).innerText(), /\$20\.00\s+Cash/);
    await shot(page, 'in-store-sale-paid');

    const receipt = await download(page, page.getByRole('button', { name: 'Receipt PDF' }));
    assert.match(receipt.name, /\.pdf$/);
    assert.equal(receipt.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('the sales list counts it under Paid, with its balance; the customer owes nothing', async () => {
    await page.getByRole('menuitem', { name: 'In-store sales' }).click();
    await page.waitForURL(/#\/offline-sales(\?.*)?$/); // the list, not the sale page we came from
    await page.getByRole('tab', { name: 'Paid (1)' }).click();
    await page.getByRole('tab', { name: 'Partially paid (0)' }).waitFor();
    const row = rowWith(created.saleNumber);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${customer.name}\\s+Completed\\s+Paid\\s+\\$40\\.14\\s+\\$40\\.14\\s+\\$0\\.00`));
    await shot(page, 'in-store-sales-list');

    await page.getByRole('menuitem', { name: 'In-store customers' }).click();
    await page.waitForURL(/#\/offline-customers/);
    // the sales list also shows the customer's name: wait for the customers' own row
    const customerRow = page.locator('tr', { has: page.getByText(customer.phone, { exact: true }) });
    await customerRow.waitFor();
    assert.match(await customerRow.innerText(), new RegExp(`${customer.name}[\\s\\S]*\\+1 555 0177[\\s\\S]*Nothing owed`));
    await customerRow.click();
    await page.waitForURL(new RegExp(`#/offline-customers/${created.customerId}/show`));
    await rowWith(created.saleNumber).waitFor();
    assert.match(await rowWith(created.saleNumber).innerText(), /Paid\s+\$40\.14\s+\$0\.00/);
  });

  test('a customer with an unpaid sale shows what they owe', async () => {
    const sale = await request(api.baseUrl, 'POST', '/api/admin/offline-sales', {
      token,
      body: { customerId: created.customerId, lines: [{ variantId: variantOf('MUG-RED').id, quantity: 1 }] },
    });
    assert.equal(sale.status, 201, JSON.stringify(sale.json));
    // 12.50 + 15 % = 14.38 (1.875 → 1.88)
    assert.equal(sale.json.total, 1438);
    await page.reload();
    await rowWith(sale.json.number).waitFor();
    await page.getByText('$14.38').first().waitFor();
    assert.match(await rowWith(sale.json.number).innerText(), /Unpaid\s+\$14\.38\s+\$14\.38/);
    await shot(page, 'in-store-customer');
  });

  test('selling more than the stock is refused under the quantity, naming the product', async () => {
    await page.getByRole('link', { name: 'New sale' }).click();
    await page.waitForURL(/#\/offline-sales\/create/);
    await waitForValue(page.getByRole('combobox', { name: /^Customer/ }), `${customer.name} · ${customer.phone}`);
    await productPicker(0).click();
    await productPicker(0).fill('MUG-RED');
    await page.getByRole('option', { name: /MUG-RED/ }).click();
    await page.locator('input[name="lines.0.quantity"]').fill('5');
    await page.getByText('Only 1 in stock').waitFor();
    const refused = page.waitForResponse(isAdminRequest('POST', 'offline-sales'));
    await page.getByRole('button', { name: 'Record sale' }).click();
    const response = await refused;
    assert.equal(response.status(), 409);
    assert.equal((await response.json()).code, 'OUT_OF_STOCK');
    const quantityError = page.locator('.MuiFormHelperText-root.Mui-error');
    await quantityError.first().waitFor();
    assert.match(await quantityError.first().innerText(), /1 in stock/i);
    await page
      .locator('.MuiSnackbarContent-message, .MuiAlert-message')
      .filter({ hasText: /Enamel mug (— |\()MUG-RED/ })
      .waitFor();
    await shot(page, 'in-store-out-of-stock');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
