// Suppliers and purchases in the admin SPA, in Chromium against the real, built API (run
// `npm run build` first): a supplier created through the form, a purchase from their page with a
// variant autocomplete and live totals, an edit that sends only what the API accepts, receiving
// the goods (after a confirmation) and the product's stock and cost going up; the purchase
// invoice, final once received, with its PDF.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, createProduct, download, isAdminRequest, request, screenshots, shot, signIn, waitForValue } from '../support/sales-fixtures.js';

const admin = { email: 'purchasing.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const supplierName = 'Northwind Timber';

describe('suppliers, purchases and purchase invoices in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  let product;
  const pageErrors = [];
  const created = { supplierId: null, purchaseId: null, purchaseNumber: null };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    product = await createProduct(api.baseUrl, token, {
      name: 'Oak shelf',
      price: 4000,
      costPrice: 1500,
      variants: [
        { sku: 'OAK-60', attributes: { width: '60 cm' }, stock: 4 },
        { sku: 'OAK-90', attributes: { width: '90 cm' }, stock: 2 },
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
  const variantOf = (sku) => product.variants.find((variant) => variant.sku === sku);
  const productPicker = (index) => page.getByRole('combobox', { name: /^Product/ }).nth(index);
  // exact: "Totals" would also find the edit form's "Purchase totals" while it is still on screen
  const totals = (name) => page.getByRole('table', { name, exact: true });
  const chip = (label) => page.locator('.MuiChip-label', { hasText: new RegExp(`^${label}$`) });

  async function pickVariant(index, search, optionName) {
    await productPicker(index).click();
    await productPicker(index).fill(search);
    await page.getByRole('option', { name: optionName }).click();
  }

  test('a supplier is created through the form', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.getByRole('menuitem', { name: 'Suppliers' }).click();
    await page.waitForURL(/#\/suppliers/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill(supplierName);
    await page.locator('input[name="contactName"]').fill('Nora North');
    await page.locator('input[name="email"]').fill('orders@northwind.test');
    await page.locator('input[name="phone"]').fill('+1 555 0142');
    const saved = page.waitForResponse(isAdminRequest('POST', 'suppliers'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    created.supplierId = (await response.json()).id;
    await page.waitForURL(new RegExp(`#/suppliers/${created.supplierId}/show`));
    await page.getByText('No purchases from this supplier yet.').waitFor();
  });

  test('a purchase is entered from the supplier’s page: variant autocomplete, live line totals and totals', async () => {
    await page.getByRole('link', { name: 'New purchase' }).click();
    await page.waitForURL(/#\/purchases\/create/);
    await waitForValue(page.getByRole('combobox', { name: /^Supplier/ }), supplierName);

    await pickVariant(0, 'oak', 'Oak shelf — OAK-60 (width: 60 cm)');
    // The unit cost starts at the variant's current cost price.
    await waitForValue(page.locator('input[name="lines.0.unitCost"]'), '15.00');
    await page.locator('input[name="lines.0.quantity"]').fill('6');
    await page.locator('input[name="lines.0.unitCost"]').fill('12.50');
    await page.locator('[data-line-total]').first().filter({ hasText: '$75.00' }).waitFor();

    await page.getByRole('button', { name: 'Add a product' }).click();
    await pickVariant(1, 'OAK-90', 'Oak shelf — OAK-90 (width: 90 cm)');
    await page.locator('input[name="lines.1.quantity"]').fill('3');
    await page.locator('input[name="lines.1.unitCost"]').fill('18');
    await page.locator('[data-line-total]').nth(1).filter({ hasText: '$54.00' }).waitFor();

    await page.locator('input[name="shippingCost"]').fill('4.50');
    await page.locator('input[name="taxTotal"]').fill('2');
    await page.getByRole('combobox', { name: /^Status/ }).click();
    await page.getByRole('option', { name: 'Ordered from the supplier' }).click();
    await page.locator('textarea[name="notes"]').fill('Deliver to the back door');
    const preview = await totals('Purchase totals').innerText();
    assert.match(preview, /Subtotal\s+\$129\.00/);
    assert.match(preview, /Shipping\s+\$4\.50/);
    assert.match(preview, /Tax\s+\$2\.00/);
    assert.match(preview, /Total\s+\$135\.50/);
    await shot(page, 'purchase-form');

    const saved = page.waitForResponse(isAdminRequest('POST', 'purchases'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      supplierId: created.supplierId,
      status: 'ordered',
      lines: [
        { variantId: variantOf('OAK-60').id, quantity: 6, unitCost: 1250 },
        { variantId: variantOf('OAK-90').id, quantity: 3, unitCost: 1800 },
      ],
      shippingCost: 450,
      taxTotal: 200,
      notes: 'Deliver to the back door',
    });
    const stored = await response.json();
    created.purchaseId = stored.id;
    created.purchaseNumber = stored.number;
    assert.equal(stored.total, 13550);

    await page.waitForURL(new RegExp(`#/purchases/${created.purchaseId}/show`));
    await chip('Ordered').waitFor();
    // the purchase's own link to its supplier, not the History panel's mention of them
    await page.locator('a:not([aria-label="History"] a)', { hasText: supplierName }).waitFor();
    assert.match(await rowWith('OAK-60').innerText(), /Oak shelf\s+OAK-60\s+width: 60 cm\s+\$12\.50\s+6\s+\$75\.00/);
  });

  test('editing a line sends the lines with variant, quantity and unit cost only', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`#/purchases/${created.purchaseId}$`));
    // The saved lines are named without a lookup.
    await waitForValue(productPicker(1), 'Oak shelf — OAK-90 (width: 90 cm)');
    await page.locator('input[name="lines.1.quantity"]').fill('4');
    await totals('Purchase totals')
      .filter({ hasText: /Total\s*\$153\.50/ })
      .waitFor();
    const saved = page.waitForResponse(isAdminRequest('PUT', `purchases/${created.purchaseId}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      lines: [
        { variantId: variantOf('OAK-60').id, quantity: 6, unitCost: 1250 },
        { variantId: variantOf('OAK-90').id, quantity: 4, unitCost: 1800 },
      ],
    });
    await page.waitForURL(new RegExp(`#/purchases/${created.purchaseId}/show`));
    await totals('Totals')
      .filter({ hasText: /Total\s*\$153\.50/ })
      .waitFor();
  });

  test('receiving the purchase (after a confirmation) puts the goods into stock at the new cost', async () => {
    await page.getByRole('button', { name: 'Receive' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Receive purchase ${created.purchaseNumber}?`).waitFor();
    assert.match(await dialog.innerText(), /adds 10 units to stock \(6 × OAK-60, 4 × OAK-90\)/);
    await shot(page, 'purchase-receive-confirm');
    const received = page.waitForResponse(isAdminRequest('POST', `purchases/${created.purchaseId}/receive`));
    await dialog.getByRole('button', { name: 'Receive goods' }).click();
    assert.equal((await received).status(), 200);
    await dialog.waitFor({ state: 'detached' });

    await chip('Received').waitFor();
    await chip('Final')
      .or(page.getByRole('link', { name: /^PINV-/ }))
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Receive' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0, 'a received purchase cannot change');
    assert.equal(await page.getByRole('button', { name: 'Cancel purchase' }).count(), 0);
    await shot(page, 'purchase-received');

    await page.goto(`${api.baseUrl}/#/products/${product.id}/show`);
    // the purchase page we leave lists OAK-60 at $12.50 too: wait for the product's own page
    await page.getByText('Total stock', { exact: true }).waitFor();
    const small = rowWith('OAK-60');
    // (Shown first as cached from the variant search, then as reloaded.)
    await small.filter({ hasText: '$12.50' }).waitFor();
    assert.match(await small.innerText(), /\$12\.50[\s\S]*\b10\b/, 'cost 12.50, stock 4 + 6');
    assert.match(await rowWith('OAK-90').innerText(), /\$18\.00[\s\S]*\b6\b/, 'cost 18.00, stock 2 + 4');
    await shot(page, 'purchase-product-stock');
    const stored = await request(api.baseUrl, 'GET', `/api/admin/products/${product.id}`, { token });
    assert.deepEqual(
      stored.json.variants.map((variant) => [variant.sku, variant.stock, variant.costPrice]),
      [
        ['OAK-60', 10, 1250],
        ['OAK-90', 6, 1800],
      ],
    );
  });

  test('the purchases list counts it under Received; the supplier’s page lists it', async () => {
    await page.getByRole('menuitem', { name: 'Purchases' }).click();
    await page.waitForURL(/#\/purchases/);
    await page.getByRole('tab', { name: 'Received (1)' }).click();
    await page.getByRole('tab', { name: 'Ordered (0)' }).waitFor();
    const row = rowWith(created.purchaseNumber);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${supplierName}\\s+Received\\s+10 units \\(2 products\\)\\s+\\$153\\.50`));
    await shot(page, 'purchases-list');

    await page.goto(`${api.baseUrl}/#/suppliers/${created.supplierId}/show`);
    // the purchases list we leave has the same row: wait for the supplier's own page
    await page.getByRole('link', { name: 'New purchase' }).waitFor();
    await rowWith(created.purchaseNumber).waitFor();
    assert.match(await rowWith(created.purchaseNumber).innerText(), /Received[\s\S]*\$153\.50/);
    await shot(page, 'supplier-show');
  });

  test('the purchase invoice is final, names the supplier and downloads as a PDF', async () => {
    await page.getByRole('menuitem', { name: 'Purchase invoices' }).click();
    await page.waitForURL(/#\/purchase-invoices/);
    const row = page.locator('tr', { hasText: /PINV-\d{4}-\d{6}/ }).filter({ hasText: created.purchaseNumber });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, new RegExp(`^PINV-\\d{4}-\\d{6}[\\s\\S]*${created.purchaseNumber}\\s+${supplierName}\\s+Final\\s+\\$153\\.50`));
    const number = text.split(/\s/)[0];
    await shot(page, 'purchase-invoices-list');

    await row.getByText(number, { exact: true }).click();
    await page.getByText(`Purchase invoice ${number}`).first().waitFor();
    await page.getByText('Nora North').waitFor();
    const pdf = await download(page, page.getByRole('button', { name: 'Download PDF' }));
    assert.equal(pdf.name, `${number}.pdf`);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
