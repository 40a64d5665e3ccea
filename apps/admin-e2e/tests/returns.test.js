// Returns, refunds and credit notes in the admin SPA (docs/api.md#refunds-and-returns), in Chromium against the
// real, built API (run `npm run build` first), the three paths of issue 16:
// - a customer's return of 1 of 2 units of a delivered card-paid order, asked for in the shop, is
//   found in the Returns queue (status tabs with counts), approved, received (back in stock) and
//   refunded by card through the payment provider, with its credit note (PDF);
// - an online order is returned at the counter: "Return items" on the order page shows the amounts
//   before anyone confirms, one line does not go back into stock, the money is paid out in cash, and
//   the order becomes `returned`;
// - part of an in-store sale comes back, then a direct "Refund" of goodwill shows its credit note
//   before it is made;
// then the refunds and credit notes lists, the sales report's refunds, and `check:invariants` over
// the data left behind.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, createProduct, dollars, download, isAdminRequest, request, screenshots, setTaxRate, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'returns.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const address = { name: 'Casey Customer', line1: '4 Mill Lane', city: 'Springfield', postalCode: '12345', country: 'US' };
const today = new Date().toISOString().slice(0, 10);

describe('returns, refunds and credit notes in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  let product;
  const pageErrors = [];
  /** the customer's card-paid order (2 × steel), the guest's order (steel + copper), the counter sale (3 × steel) */
  let cardOrder;
  let counterOrder;
  let sale;
  let customerReturn;

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 1000); // 10 %
    product = await createProduct(api.baseUrl, token, {
      name: 'Travel kettle',
      price: 1999,
      costPrice: 800,
      shippingCost: 300,
      variants: [
        { sku: 'KET-STEEL', attributes: { finish: 'steel' }, stock: 20 },
        { sku: 'KET-COPPER', attributes: { finish: 'copper' }, stock: 20 },
      ],
    });

    // A registered customer pays 2 kettles by card in the shop (test provider): delivered at once.
    const registered = await request(api.baseUrl, 'POST', '/api/auth/register', {
      body: { email: 'casey.customer@chance.test', password: 'customer-passw0rd-1', fullName: 'Casey Customer' },
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.json));
    const customerToken = registered.json.accessToken;
    const cart = await request(api.baseUrl, 'GET', '/api/store/carts/mine', { token: customerToken });
    const added = await request(api.baseUrl, 'POST', `/api/store/carts/${cart.json.id}/items`, {
      token: customerToken,
      body: { variantId: variant('KET-STEEL').id, quantity: 2 },
    });
    assert.equal(added.status, 201, JSON.stringify(added.json));
    const placed = await request(api.baseUrl, 'POST', '/api/store/checkout', {
      token: customerToken,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { cartId: cart.json.id, shippingAddress: address, paymentMethod: 'card' },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.json));
    const paid = await request(api.baseUrl, 'POST', `/api/store/orders/${placed.json.id}/payments`, {
      token: customerToken,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { paymentToken: 'tok_visa' },
    });
    assert.equal(paid.json.status, 'delivered', JSON.stringify(paid.json));
    cardOrder = placed.json;
    // 2 × 19.99 + 2 × 3.00 shipping + 10 % of 39.98 (4.00) = 49.98
    assert.equal(cardOrder.total, 4998);

    // ... and asks to return one of the two.
    const asked = await request(api.baseUrl, 'POST', `/api/store/orders/${cardOrder.id}/returns`, {
      token: customerToken,
      body: { lines: [{ lineId: cardOrder.lines[0].id, quantity: 1, reason: 'Too loud' }] },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.json));
    customerReturn = asked.json;

    // A guest's order of one steel and one copper kettle, paid on delivery.
    const guestCart = await request(api.baseUrl, 'POST', '/api/store/carts', { body: {} });
    const cartToken = { 'X-Cart-Token': guestCart.json.token };
    for (const sku of ['KET-STEEL', 'KET-COPPER']) {
      const item = await request(api.baseUrl, 'POST', `/api/store/carts/${guestCart.json.id}/items`, {
        body: { variantId: variant(sku).id, quantity: 1 },
        headers: cartToken,
      });
      assert.equal(item.status, 201, JSON.stringify(item.json));
    }
    const guest = await request(api.baseUrl, 'POST', '/api/store/checkout', {
      body: {
        cartId: guestCart.json.id,
        email: 'gus.guest@chance.test',
        shippingAddress: { ...address, name: 'Gus Guest' },
        paymentMethod: 'cash_on_delivery',
      },
      headers: { ...cartToken, 'Idempotency-Key': randomUUID() },
    });
    assert.equal(guest.status, 201, JSON.stringify(guest.json));
    const delivered = await request(api.baseUrl, 'POST', `/api/admin/orders/${guest.json.id}/mark-paid`, { token, body: {} });
    assert.equal(delivered.json.status, 'delivered', JSON.stringify(delivered.json));
    counterOrder = delivered.json;
    assert.equal(counterOrder.total, 4998);

    // A counter sale of 3 steel kettles, 5.00 off, paid in cash: (59.97 − 5.00) × 1.10 → 60.47.
    const walkIn = await request(api.baseUrl, 'POST', '/api/admin/offline-customers', { token, body: { name: 'Rosa Diaz', phone: '+1 555 0177' } });
    assert.equal(walkIn.status, 201, JSON.stringify(walkIn.json));
    const sold = await request(api.baseUrl, 'POST', '/api/admin/offline-sales', {
      token,
      body: { customerId: walkIn.json.id, lines: [{ variantId: variant('KET-STEEL').id, quantity: 3 }], discount: 500, paidAmount: 6047 },
    });
    assert.equal(sold.status, 201, JSON.stringify(sold.json));
    sale = sold.json;
    assert.equal(sale.total, 6047);

    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  function variant(sku) {
    return product.variants.find((v) => v.sku === sku);
  }
  const stockOf = async (sku) => {
    const stored = await request(api.baseUrl, 'GET', `/api/admin/products/${product.id}`, { token });
    return stored.json.variants.find((v) => v.sku === sku).stock;
  };
  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });
  const chip = (label) => page.locator('.MuiChip-label', { hasText: new RegExp(`^${label}$`) });
  const totals = (name = 'Totals') => page.getByRole('table', { name });
  const refundsOf = async (filter) =>
    (await request(api.baseUrl, 'GET', `/api/admin/refunds?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=["id","ASC"]`, { token })).json;

  /** On a return's page: "Receive", with the lines named in `keepOut` not going back into stock. */
  async function receive(returnId, keepOut = []) {
    await page.getByRole('button', { name: 'Receive' }).click();
    const dialog = page.getByRole('dialog', { name: /^Receive return/ });
    for (const sku of keepOut) await dialog.getByRole('checkbox', { name: new RegExp(`\\(${sku}\\)`) }).uncheck();
    const received = page.waitForResponse(isAdminRequest('POST', `returns/${returnId}/receive`));
    await dialog.getByRole('button', { name: 'Receive' }).click();
    const response = await received;
    assert.equal(response.status(), 200, await response.text());
    await dialog.waitFor({ state: 'detached' });
    await chip('Received').waitFor();
    return response.request().postDataJSON();
  }

  /** On a return's page: "Refund", given back as `way` (the dialog's choice); returns the request and the dialog's text. */
  async function refund(returnId, amount, way) {
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Refund return/ });
    const text = await dialog.getByTestId('refund-amount').innerText();
    if (way) {
      await dialog.getByRole('combobox', { name: 'Give back' }).click();
      await page.getByRole('option', { name: way }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    }
    const refunded = page.waitForResponse(isAdminRequest('POST', `returns/${returnId}/refund`));
    await dialog.getByRole('button', { name: `Refund ${dollars(amount)}` }).click();
    const response = await refunded;
    assert.equal(response.status(), 200, await response.text());
    await dialog.waitFor({ state: 'detached' });
    await chip('Refunded').first().waitFor();
    return { request: response.request(), text };
  }

  test('the customer’s return waits in the Returns queue, under its status tab with its count', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.getByRole('menuitem', { name: 'Returns' }).click();
    await page.waitForURL(/#\/returns/);
    await page.getByRole('tab', { name: 'All (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Refunded (0)' }).waitFor();
    await page.getByRole('tab', { name: 'Requested (1)' }).click();
    const row = rowWith(customerReturn.number);
    await row.waitFor();
    await row.getByRole('link', { name: cardOrder.number }).waitFor();
    // 1 × 19.99 + 10 % tax (2.00), no shipping: 21.99
    assert.match(await row.innerText(), /By the customer\s+Requested\s+1\s+\$21\.99\s+\$21\.99/);
    await shot(page, 'returns-queue');
  });

  test('a customer’s return is approved, received into stock and refunded by card, with its credit note', async () => {
    await rowWith(customerReturn.number).click();
    await page.waitForURL(new RegExp(`#/returns/${customerReturn.id}/show`));
    await chip('Requested').waitFor();
    const line = rowWith('KET-STEEL');
    await line.waitFor();
    assert.match(await line.innerText(), /Travel kettle\s+KET-STEEL\s+finish: steel\s+\$19\.99\s+1\s+\$19\.99\s+Too loud/);
    assert.match(await totals().innerText(), /Subtotal\s+\$19\.99[\s\S]*Tax[\s\S]*\$2\.00[\s\S]*Total\s+\$21\.99[\s\S]*To refund\s+\$21\.99/);
    // Nothing can be received or refunded before it is approved.
    assert.equal(await page.getByRole('button', { name: 'Receive' }).count(), 0);

    await page.getByRole('button', { name: 'Approve' }).click();
    const approving = page.getByRole('dialog');
    await approving.getByText(`Approve return ${customerReturn.number}?`).waitFor();
    const approved = page.waitForResponse(isAdminRequest('POST', `returns/${customerReturn.id}/approve`));
    await approving.getByRole('button', { name: 'Approve' }).click();
    assert.equal((await approved).status(), 200);
    await chip('Approved').waitFor();

    const stockBefore = await stockOf('KET-STEEL');
    const receivedBody = await receive(customerReturn.id);
    assert.deepEqual(receivedBody, { lines: [{ lineId: cardOrder.lines[0].id, restock: true }] });
    assert.equal(await stockOf('KET-STEEL'), stockBefore + 1, 'the unit is back in stock');

    const { request: sent, text } = await refund(customerReturn.id, 2199);
    assert.match(text, /Gives back \$21\.99 of its \$21\.99/);
    assert.deepEqual(sent.postDataJSON(), {}, 'as it was paid: the card charge');
    assert.match(sent.headers()['idempotency-key'], /^[0-9a-f]{32}$/);
    // the return's refund field (the history panel below names and links the refund too)
    const refundLink = page.getByRole('link', { name: /^RF-\d{6}$/ }).and(page.locator('.RaReferenceField-link'));
    await refundLink.waitFor();
    await shot(page, 'return-refunded');
    // The refund's page links back to the return it gave money back for.
    await refundLink.click();
    await page.waitForURL(/#\/refunds\/\d+\/show/);
    await page.getByRole('link', { name: customerReturn.number }).waitFor();
    await page.goBack();
    await page.waitForURL(new RegExp(`#/returns/${customerReturn.id}/show`));

    // One refund of the computed amount, given back through the provider (its reference) by card.
    const [given] = await refundsOf({ returnId: customerReturn.id });
    assert.equal(given.amount, 2199);
    assert.equal(given.method, 'card');
    assert.equal(given.status, 'succeeded');
    assert.ok(given.reference, 'the provider’s refund reference');
    assert.deepEqual(
      (await refundsOf({ orderId: cardOrder.id })).map((r) => r.amount),
      [2199],
    );

    // The order: partially refunded, its return and refund listed with the credit note's PDF.
    await page.getByRole('link', { name: cardOrder.number }).first().click();
    await page.waitForURL(new RegExp(`#/orders/${cardOrder.id}/show`));
    await chip('Partially refunded').waitFor();
    await chip('Delivered').waitFor();
    const refundRow = page.locator('tr', { has: page.getByText(given.number, { exact: true }) });
    await refundRow.waitFor();
    assert.match(await refundRow.innerText(), /Return\s+Card\s+\$21\.99\s+Refunded/);
    const pdf = await download(page, refundRow.getByRole('button', { name: 'Credit note' }));
    assert.match(pdf.name, /^CN-\d{4}-000001\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    await rowWith(customerReturn.number).waitFor();
    await shot(page, 'order-partially-refunded');
  });

  test('an online order is returned at the counter: amounts shown first, one line not restocked, cash paid out, the order returned', async () => {
    await page.goto(`${api.baseUrl}/#/orders/${counterOrder.id}/show`);
    await chip('Delivered').waitFor();
    await page.getByRole('button', { name: 'Return items' }).click();
    const dialog = page.getByRole('dialog', { name: `Return items of ${counterOrder.number}` });
    await dialog.getByRole('spinbutton', { name: 'Return of Travel kettle (KET-STEEL)' }).fill('1');
    // One of two units: its price and tax, no shipping yet.
    await dialog
      .getByTestId('return-preview')
      .filter({ hasText: /To refund\s*\$21\.99/ })
      .waitFor();
    await dialog.getByRole('spinbutton', { name: 'Return of Travel kettle (KET-COPPER)' }).fill('2');
    await dialog.getByText('More than is left to return of a line.').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Make the return' }).isDisabled(), true);
    await dialog.getByRole('spinbutton', { name: 'Return of Travel kettle (KET-COPPER)' }).fill('1');
    // Every unit: the whole order, shipping included.
    const preview = dialog.getByTestId('return-preview');
    await preview.filter({ hasText: /Total\s*\$49\.98/ }).waitFor();
    assert.match(await preview.innerText(), /Subtotal\s+\$39\.98[\s\S]*Shipping\s+\$6\.00[\s\S]*Tax \(10\.00 %\)\s+\$4\.00[\s\S]*To refund\s+\$49\.98/);
    await dialog.getByText(/brings back every unit/).waitFor();
    await dialog.getByLabel('Reason').fill('Changed her mind at the counter');
    await shot(page, 'return-items-dialog');
    const made = page.waitForResponse(isAdminRequest('POST', 'returns'));
    await dialog.getByRole('button', { name: 'Make the return' }).click();
    const response = await made;
    assert.equal(response.status(), 201, await response.text());
    const counterReturn = await response.json();
    assert.equal(counterReturn.total, 4998);
    assert.equal(counterReturn.source, 'admin');
    await page.waitForURL(new RegExp(`#/returns/${counterReturn.id}/show`));
    await chip('Approved').waitFor();

    const steel = await stockOf('KET-STEEL');
    const copper = await stockOf('KET-COPPER');
    const receivedBody = await receive(counterReturn.id, ['KET-COPPER']);
    assert.deepEqual(receivedBody.lines.map((l) => l.restock).sort(), [false, true]);
    assert.equal(await stockOf('KET-STEEL'), steel + 1);
    assert.equal(await stockOf('KET-COPPER'), copper, 'the damaged copper kettle stays out of stock');
    assert.match(await rowWith('KET-COPPER').innerText(), /Changed her mind at the counter/);

    const { request: sent } = await refund(counterReturn.id, 4998, 'Paid out in cash here');
    assert.deepEqual(sent.postDataJSON(), { method: 'cash' });
    const [given] = await refundsOf({ returnId: counterReturn.id });
    assert.equal(given.amount, 4998);
    assert.equal(given.method, 'cash');
    assert.equal(given.reference, null, 'paid out, not through a provider');

    await page.getByRole('link', { name: counterOrder.number }).first().click();
    await page.waitForURL(new RegExp(`#/orders/${counterOrder.id}/show`));
    await chip('Returned').waitFor();
    await chip('Refunded').first().waitFor();
    // Nothing is left to return or refund.
    assert.equal(await page.getByRole('button', { name: 'Return items' }).count(), 0);
    await shot(page, 'order-returned');
  });

  test('part of an in-store sale comes back, then a goodwill refund shows its credit note before it is made', async () => {
    await page.goto(`${api.baseUrl}/#/offline-sales/${sale.id}/show`);
    await chip('Paid').first().waitFor();
    await page.getByRole('button', { name: 'Return items' }).click();
    const dialog = page.getByRole('dialog', { name: `Return items of ${sale.number}` });
    await dialog.getByRole('spinbutton', { name: 'Return of Travel kettle (KET-STEEL)' }).fill('1');
    // 19.99, discount 5.00 × 19.99 / 59.97 → 1.67, tax (19.99 − 1.67) × 10 % → 1.83: 20.15
    const preview = dialog.getByTestId('return-preview');
    await preview.filter({ hasText: /Total\s*\$20\.15/ }).waitFor();
    assert.match(await preview.innerText(), /Subtotal\s+\$19\.99[\s\S]*Discount\s+-\$1\.67[\s\S]*Tax \(10\.00 %\)\s+\$1\.83[\s\S]*To refund\s+\$20\.15/);
    const made = page.waitForResponse(isAdminRequest('POST', 'returns'));
    await dialog.getByRole('button', { name: 'Make the return' }).click();
    const saleReturn = await (await made).json();
    assert.equal(saleReturn.total, 2015, 'the API computes what the dialog showed');
    await page.waitForURL(new RegExp(`#/returns/${saleReturn.id}/show`));
    await chip('Approved').waitFor();
    await receive(saleReturn.id);
    await refund(saleReturn.id, 2015);

    await page.getByRole('link', { name: sale.number }).first().click();
    await page.waitForURL(new RegExp(`#/offline-sales/${sale.id}/show`));
    await chip('Partially refunded').waitFor();
    await chip('Completed').waitFor();

    // A goodwill refund of 5.00: the dialog offers what is left (60.47 − 20.15) and shows the credit note.
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const refundDialog = page.getByRole('dialog', { name: 'Refund' });
    const amount = refundDialog.getByLabel('Amount');
    assert.equal(await amount.inputValue(), '40.32');
    await amount.fill('45');
    await refundDialog.getByLabel('Reason').fill('Scratched lid');
    await refundDialog.getByRole('button', { name: 'Refund $45.00' }).click();
    await refundDialog.getByText('At most what is left of what was paid, $40.32').waitFor();
    await amount.fill('5');
    // 5.00 with 10 % tax in it: 4.55 net and 0.45 tax
    const note = refundDialog.getByTestId('refund-preview');
    await note.waitFor();
    assert.match(await note.innerText(), /Net\s+\$4\.55[\s\S]*Tax \(10\.00 %\)\s+\$0\.45[\s\S]*Refund\s+\$5\.00/);
    await shot(page, 'refund-dialog');
    const refunded = page.waitForResponse(isAdminRequest('POST', `offline-sales/${sale.id}/refunds`));
    await refundDialog.getByRole('button', { name: 'Refund $5.00' }).click();
    const response = await refunded;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { amount: 500, reason: 'Scratched lid' });
    await refundDialog.waitFor({ state: 'detached' });
    await page.getByText('$5.00 refunded; $25.15 given back in all.').waitFor();
    const rows = await refundsOf({ offlineSaleId: sale.id });
    assert.deepEqual(
      rows.map((r) => [r.kind, r.amount, r.status]),
      [
        ['return', 2015, 'succeeded'],
        ['direct', 500, 'succeeded'],
      ],
    );
    await page.locator('tr', { has: page.getByText(rows[1].number, { exact: true }) }).waitFor();
  });

  test('the refunds and credit notes lists hold every amount given back, numbered without gaps', async () => {
    await page.getByRole('menuitem', { name: 'Refunds' }).click();
    await page.waitForURL(/#\/refunds/);
    const all = await refundsOf({});
    assert.equal(all.length, 4);
    for (const given of all) {
      const row = rowWith(given.number);
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(`\\${dollars(given.amount)}\\s+Refunded`));
    }
    assert.equal(await page.locator('main tbody tr').count(), 4);

    await page.getByRole('menuitem', { name: 'Credit notes' }).click();
    await page.waitForURL(/#\/credit-notes/);
    const year = today.slice(0, 4);
    for (const [n, record, total] of [
      [1, cardOrder.number, 2199],
      [2, counterOrder.number, 4998],
      [3, sale.number, 2015],
      [4, sale.number, 500],
    ]) {
      const row = rowWith(`CN-${year}-00000${n}`);
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(`${record}[\\s\\S]*\\${dollars(total)}`));
    }
    await rowWith(`CN-${year}-000004`).click();
    await page.waitForURL(/#\/credit-notes\/\d+\/show/);
    await page.getByText('Refund: Scratched lid').first().waitFor();
    const pdf = await download(page, page.getByRole('button', { name: 'Download PDF' }));
    assert.equal(pdf.name, `CN-${year}-000004.pdf`);
    await page.getByRole('link', { name: /^RF-\d{6}$/ }).waitFor();
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    await shot(page, 'credit-note-show');
  });

  test('the sales report shows the refunds of the day and the net revenue', async () => {
    await page.getByRole('menuitem', { name: 'Sales report' }).click();
    await page.waitForURL(/#\/reports\/sales/);
    await page.getByRole('group', { name: 'Group by' }).waitFor();
    const loaded = page.waitForResponse((response) => response.url().includes(`/api/admin/reports/sales?from=${today}&to=${today}`));
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(today);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(today);
    assert.equal((await loaded).status(), 200);
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Sales per period"] tbody tr').length === 2);
    const total = await page.getByRole('table', { name: 'Sales per period' }).locator('tbody tr').last().innerText();
    const cells = total.split('\t').map((cell) => cell.trim());
    const revenue = cardOrder.total + counterOrder.total + sale.total;
    const refunds = 2199 + 4998 + 2015 + 500;
    // Total, online, in-store, total revenue, refunds, net revenue
    assert.deepEqual(cells.slice(0, 6), [
      'Total',
      dollars(cardOrder.total + counterOrder.total),
      dollars(sale.total),
      dollars(revenue),
      dollars(refunds),
      dollars(revenue - refunds),
    ]);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });

  test('check:invariants is clean over the data the paths left', async () => {
    await browser.close();
    browser = undefined;
    const { code, output } = await api.checkInvariants();
    assert.equal(code, 0, output);
  });
});
