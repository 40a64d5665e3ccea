// Online orders in the admin SPA, in Chromium against the real, built API (run `npm run build`
// first): guest orders placed through the store API are found in the orders list (status tabs with
// counts, search), paid in two steps on the order page (a recorded payment, then "Mark paid"),
// which delivers them and pays their invoice (PDF downloaded); another order moves on and is
// cancelled; the payments list names the orders.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import {
  adminToken,
  createProduct,
  dollars,
  download,
  isAdminRequest,
  placeGuestOrder,
  request,
  screenshots,
  setTaxRate,
  shot,
  signIn,
} from '../support/sales-fixtures.js';

const admin = { email: 'orders.admin@chance.test', password: 'e2e-Admin-passw0rd' };

describe('orders, invoices and payments in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  const pageErrors = [];
  /** Two guest orders: one to be paid, one to be moved on and cancelled. */
  let paidOrder;
  let cancelledOrder;

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 1000); // 10 %
    const product = await createProduct(api.baseUrl, token, {
      name: 'Harbour raincoat',
      price: 2500,
      costPrice: 1100,
      shippingCost: 300,
      variants: [
        { sku: 'RAIN-M', attributes: { size: 'M' }, stock: 10 },
        { sku: 'RAIN-L', attributes: { size: 'L' }, stock: 10 },
      ],
    });
    const [medium, large] = product.variants;
    // 2 × 25.00 + 2 × 3.00 shipping + 10 % of 50.00 = 61.00
    paidOrder = await placeGuestOrder(api.baseUrl, { variantId: medium.id, quantity: 2, email: 'gus.guest@chance.test' });
    cancelledOrder = await placeGuestOrder(api.baseUrl, {
      variantId: large.id,
      quantity: 1,
      email: 'nina.late@chance.test',
      name: 'Nina Late',
    });
    assert.equal(paidOrder.total, 6100);

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });
  const totals = () => page.getByRole('table', { name: 'Totals' });
  const confirmDialog = () => page.getByRole('dialog');
  // A status chip; getByText would also find the totals' "Paid" row and the History panel's mentions.
  const chip = (label) => page.locator('.MuiChip-label', { hasText: new RegExp(`^${label}$`) });

  test('the guest order placed in the shop is in the orders list, under its status tab', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.waitForURL(/#\/orders/);
    await page.getByRole('tab', { name: 'All (2)' }).waitFor();
    await page.getByRole('tab', { name: 'Pending (2)' }).click();
    await page.getByRole('tab', { name: 'Delivered (0)' }).waitFor();

    await page.locator('input[name="q"]').fill(paidOrder.number);
    const row = rowWith(paidOrder.number);
    await row.waitFor();
    await rowWith(cancelledOrder.number).waitFor({ state: 'detached' });
    const text = await row.innerText();
    assert.match(text, /Guest/);
    assert.match(text, /gus\.guest@chance\.test/);
    assert.match(text, /Pending/);
    assert.match(text, /Unpaid/);
    assert.match(text, /\$61\.00/);
    await page.locator('input[name="q"]').fill('');
    await rowWith(cancelledOrder.number).waitFor();
    await shot(page, 'orders-list');
  });

  test('Export downloads the list from the server, with the current tab and search', async () => {
    await page.locator('input[name="q"]').fill('nina.late');
    await rowWith(paidOrder.number).waitFor({ state: 'detached' });
    const file = await download(page, page.getByRole('button', { name: 'Export' }));
    assert.equal(file.name, 'orders.csv');
    const [header, ...rows] = file.bytes.toString('utf8').trimEnd().split('\n');
    assert.match(header, /^id,number,placedAt,email,customerId,status,paymentStatus,/);
    assert.equal(rows.length, 1, 'only the order the search finds');
    assert.match(rows[0], new RegExp(`^\\d+,${cancelledOrder.number},[^,]+,nina\\.late@chance\\.test,,pending,unpaid,`));
    await page.locator('input[name="q"]').fill('');
    await rowWith(paidOrder.number).waitFor();
  });

  test('the order page shows the snapshot lines, the totals, the address and what can be done', async () => {
    await rowWith(paidOrder.number).click();
    await page.waitForURL(new RegExp(`#/orders/${paidOrder.id}/show`));
    const line = rowWith('RAIN-M');
    await line.waitFor();
    assert.match(await line.innerText(), /Harbour raincoat\s+RAIN-M\s+size: M\s+\$25\.00\s+2\s+\$50\.00/);
    const totalsText = await totals().innerText();
    assert.match(totalsText, /Subtotal\s+\$50\.00/);
    assert.match(totalsText, /Shipping\s+\$6\.00/);
    assert.match(totalsText, /Tax \(10\.00 %\)\s+\$5\.00/);
    assert.match(totalsText, /Total\s+\$61\.00/);
    assert.match(totalsText, /Balance due\s+\$61\.00/);
    await page.getByText('12 Harbour Road').waitFor();
    await page.getByText('No payments yet.').waitFor();
    for (const name of ['Record payment', 'Mark paid', 'Change status', 'Invoice PDF', 'Cancel order']) {
      await page.getByRole('button', { name }).waitFor();
    }
  });

  test('a partial payment is recorded in the dialog (amount in dollars, method, reference)', async () => {
    await page.getByRole('button', { name: 'Record payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a payment' });
    await dialog.waitFor();
    const amount = dialog.getByLabel('Amount');
    assert.equal(await amount.inputValue(), '61.00', 'prefilled with the balance due');
    await amount.fill('70');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.getByText('At most the balance due, $61.00').waitFor();

    await amount.fill('20');
    await dialog.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Cash', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await dialog.getByLabel('Reference').fill('DRIVER-7');
    await shot(page, 'order-record-payment');
    const recorded = page.waitForResponse(isAdminRequest('POST', `orders/${paidOrder.id}/payments`));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    const response = await recorded;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { amount: 2000, method: 'cash', reference: 'DRIVER-7' });
    await dialog.waitFor({ state: 'detached' });

    await chip('Partially paid').waitFor();
    await rowWith('DRIVER-7').waitFor();
    assert.match(await rowWith('DRIVER-7').innerText(), /\$20\.00\s+Cash\s+DRIVER-7\s+Received/);
    assert.match(await totals().innerText(), /Balance due\s+\$41\.00/);
  });

  test('"Mark paid" records the balance: the order is delivered and its invoice paid', async () => {
    await page.getByRole('button', { name: 'Mark paid' }).click();
    const dialog = confirmDialog();
    await dialog.getByText(`Mark order ${paidOrder.number} as paid?`).waitFor();
    assert.match(await dialog.innerText(), /\$41\.00 \(Cash on delivery\)/);
    const marked = page.waitForResponse(isAdminRequest('POST', `orders/${paidOrder.id}/mark-paid`));
    await dialog.getByRole('button', { name: 'Mark paid' }).click();
    assert.equal((await marked).status(), 200);

    await chip('Delivered').waitFor();
    await chip('Paid').waitFor();
    assert.match(await totals().innerText(), /Paid\s+\$61\.00[\s\S]*Balance due\s+\$0\.00/);
    assert.match(await page.locator('tr', { hasText: 'Cash on delivery' }).innerText(), /\$41\.00/);
    // Nothing is owed and the order is delivered: no more payment or status actions.
    await page.getByRole('button', { name: 'Mark paid' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Change status' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Cancel order' }).count(), 0);
    await shot(page, 'order-show-paid');

    const stored = await request(api.baseUrl, 'GET', `/api/admin/orders/${paidOrder.id}`, { token });
    assert.equal(stored.json.status, 'delivered');
    assert.equal(stored.json.paymentStatus, 'paid');
  });

  test('the invoice follows the order (paid), and its PDF downloads', async () => {
    const invoiceLink = page.getByRole('link', { name: /^INV-\d{4}-\d{6}$/ });
    const invoiceNumber = await invoiceLink.innerText();
    await invoiceLink.click();
    await page.waitForURL(new RegExp(`#/invoices/${paidOrder.invoiceId}/show`));
    await page.getByText(`Invoice ${invoiceNumber}`).first().waitFor();
    // (The invoice may first show as cached from the order page, then as reloaded.)
    await totals()
      .filter({ hasText: /Still due\s*\$0\.00/ })
      .waitFor();
    await chip('Paid').waitFor();
    assert.match(await totals().innerText(), /Total\s+\$61\.00[\s\S]*Paid\s+\$61\.00[\s\S]*Still due\s+\$0\.00/);
    const invoice = await request(api.baseUrl, 'GET', `/api/admin/invoices/${paidOrder.invoiceId}`, { token });
    assert.equal(invoice.json.paymentStatus, 'paid');
    assert.equal(invoice.json.paidAmount, 6100);
    await page.getByText('Gus Guest').waitFor();
    await shot(page, 'invoice-show');

    const pdf = await download(page, page.getByRole('button', { name: 'Download PDF' }));
    assert.equal(pdf.name, `${invoiceNumber}.pdf`);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');

    await page.getByRole('menuitem', { name: 'Invoices', exact: true }).click();
    await page.waitForURL(/#\/invoices(\?.*)?$/); // the list, not the invoice page we came from
    const row = rowWith(invoiceNumber);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${paidOrder.number}[\\s\\S]*Gus Guest[\\s\\S]*\\$61\\.00\\s+\\$61\\.00\\s+Paid`));
  });

  test('another order moves on only to its next status, and is cancelled after a confirmation', async () => {
    await page.goto(`${api.baseUrl}/#/orders/${cancelledOrder.id}/show`);
    await chip('Pending').waitFor();
    await page.getByRole('button', { name: 'Change status' }).click();
    const choices = page.getByRole('menuitem', { name: /^Mark as / });
    await choices.first().waitFor();
    assert.deepEqual(await choices.allInnerTexts(), ['Mark as processing']);
    const moved = page.waitForResponse(isAdminRequest('POST', `orders/${cancelledOrder.id}/status`));
    await choices.first().click();
    const movedResponse = await moved;
    assert.equal(movedResponse.status(), 200);
    assert.deepEqual(movedResponse.request().postDataJSON(), { status: 'processing' });
    await chip('Processing').waitFor();

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = confirmDialog();
    await dialog.getByText(/go back into stock/).waitFor();
    const cancelled = page.waitForResponse(isAdminRequest('POST', `orders/${cancelledOrder.id}/cancel`));
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    assert.equal((await cancelled).status(), 200);
    await chip('Cancelled').waitFor();
    await page.getByRole('button', { name: 'Cancel order' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Record payment' }).count(), 0);

    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.getByRole('tab', { name: 'Delivered (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Cancelled (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Pending (0)' }).waitFor();
  });

  test('the payments list names the order and the method in words', async () => {
    await page.getByRole('menuitem', { name: 'Payments' }).click();
    await page.waitForURL(/#\/payments/);
    const cash = page.locator('tr', { hasText: 'DRIVER-7' });
    await cash.waitFor();
    assert.match(await cash.innerText(), new RegExp(`${paidOrder.number}\\s+\\$20\\.00\\s+Cash\\s+DRIVER-7\\s+Received`));
    const onDelivery = page.locator('tr', { hasText: 'Cash on delivery' });
    assert.match(await onDelivery.innerText(), new RegExp(`${paidOrder.number}\\s+\\$41\\.00`));
    await shot(page, 'payments-list');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
