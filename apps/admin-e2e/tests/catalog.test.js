// Catalog, stock, coupons and carts in the admin SPA, in Chromium against the real, built API
// (run `npm run build` first): a category and a product with two variants created through the
// forms, the products list, a stock adjustment and its movement, a product edit that sends the
// variants without stock, coupons with a server-side validation error, and the carts views.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiPost, repoRoot, startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';

const screenshots = join(repoRoot, 'apps/admin-e2e/screenshots');
const admin = { email: 'catalog.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const staff = { email: 'catalog.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Sam Stock' };
const shopper = { email: 'cleo.shopper@chance.test', password: 'e2e-Shopper-passw0rd', fullName: 'Cleo Shopper' };
const category = 'Linen shirts';
const product = 'Linen shirt';

describe('catalog, stock, coupons and carts in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  const pageErrors = [];
  /** Filled as the tests go. */
  const created = { productId: null, variantM: null, variantL: null, customerId: null };

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();
  const adminApi = (path) => new RegExp(`/api/admin/${path}(\\?|$)`);
  const isRequest = (method, path) => (response) => response.request().method() === method && adminApi(path).test(new URL(response.url()).pathname);
  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });

  /** 3998 → "$39.98" (what the SPA shows for USD, the default currency). */
  const dollars = (cents) => `$${Math.trunc(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

  /** A full-page screenshot from the top, without a focused input's outline or the skip link. */
  async function shot(name) {
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  async function adminToken() {
    const login = await apiPost(api.baseUrl, '/api/auth/login', admin);
    assert.equal(login.status, 200, JSON.stringify(login.json));
    return login.json.accessToken;
  }

  async function getJson(path, token, headers = {}) {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    });
    return { status: response.status, json: await response.json() };
  }

  async function postJson(path, body, headers) {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  }

  async function pickAutocomplete(label, optionText) {
    const input = page.getByLabel(label, { exact: false }).first();
    await input.click();
    await input.fill(optionText.slice(0, 5));
    await page.getByRole('option', { name: optionText }).click();
  }

  test('the admin signs in and finds the catalog and sales screens in the menu', async () => {
    await page.goto(`${api.baseUrl}/#/login`);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Welcome').waitFor();
    for (const name of ['Products', 'Categories', 'Stock movements', 'Coupons', 'Carts']) {
      await page.getByRole('menuitem', { name }).waitFor();
    }
  });

  test('a category is created through the form', async () => {
    await page.getByRole('menuitem', { name: 'Categories' }).click();
    await page.waitForURL(/#\/categories/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill(category);
    await page.locator('textarea[name="description"]').fill('Light shirts for summer');
    const saved = page.waitForResponse(isRequest('POST', 'categories'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      name: category,
      description: 'Light shirts for summer',
      parentId: null,
    });
    await page.waitForURL(/#\/categories$/);
    await rowWith(category).waitFor();
    assert.match(await rowWith(category).innerText(), /linen-shirts/);
  });

  test('a product with two sizes is created through the form: integer money, attributes as a map, opening stock', async () => {
    await page.goto(`${api.baseUrl}/#/products/create`);
    await page.locator('input[name="name"]').fill(product);
    await pickAutocomplete('Category', category);
    await page.locator('input[name="price"]').fill('19.99');
    await page.locator('input[name="costPrice"]').fill('8.5');

    // Variant 1: size M, the product's prices, 5 in stock.
    await page.locator('input[name="variants.0.sku"]').fill('LIN-M');
    await page.getByRole('button', { name: 'Add attribute' }).first().click();
    await page.locator('input[name="variants.0.attributes.0.key"]').fill('size');
    await page.locator('input[name="variants.0.attributes.0.value"]').fill('M');
    await page.locator('input[name="variants.0.stock"]').fill('5');
    // The own-price input tells what an empty one means.
    await page.getByText('Empty: inherits $19.99').first().waitFor();

    // Variant 2: size L, its own price, 3 in stock.
    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.locator('input[name="variants.1.sku"]').fill('LIN-L');
    await page.locator('input[name="variants.1.price"]').fill('21.50');
    await page.getByRole('button', { name: 'Add attribute' }).nth(1).click();
    await page.locator('input[name="variants.1.attributes.0.key"]').fill('size');
    await page.locator('input[name="variants.1.attributes.0.value"]').fill('L');
    await page.locator('input[name="variants.1.stock"]').fill('3');
    await shot('catalog-product-form');

    const saved = page.waitForResponse(isRequest('POST', 'products'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    const body = response.request().postDataJSON();
    assert.equal(body.price, 1999);
    assert.equal(body.costPrice, 850);
    assert.equal(body.slug, undefined, 'an empty slug is left to the API');
    assert.deepEqual(body.variants, [
      { sku: 'LIN-M', attributes: { size: 'M' }, price: null, costPrice: null, stock: 5 },
      { sku: 'LIN-L', attributes: { size: 'L' }, price: 2150, costPrice: null, stock: 3 },
    ]);
    const stored = await response.json();
    created.productId = stored.id;
    created.variantM = stored.variants.find((v) => v.sku === 'LIN-M').id;
    created.variantL = stored.variants.find((v) => v.sku === 'LIN-L').id;

    // The product page: effective prices, own or the product's.
    await page.waitForURL(new RegExp(`#/products/${created.productId}/show`));
    const large = rowWith('LIN-L');
    await large.waitFor();
    assert.match(await large.innerText(), /\$21\.50\s+own/);
    assert.match(await rowWith('LIN-M').innerText(), /\$19\.99\s+as the product/);
    assert.match(await rowWith('LIN-M').innerText(), /size: M/);
  });

  test('the products list shows the product with its total stock, price and category', async () => {
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.waitForURL(/#\/products(\?.*)?$/); // the list, not the product page we came from
    await page.locator('input[name="q"]').fill('linen');
    const row = rowWith(product);
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /\$19\.99/);
    assert.match(text, new RegExp(category));
    assert.match(text, /\b8\b/, 'stock is 5 + 3');
    assert.match(text, /LIN-M, LIN-L/);
    await shot('catalog-products-list');
  });

  test('adjusting a variant’s stock records a movement that the movements list names', async () => {
    await rowWith(product).click();
    await page.waitForURL(new RegExp(`#/products/${created.productId}/show`));
    await rowWith('LIN-M').getByRole('button', { name: 'Adjust stock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
    await dialog.waitFor();
    await dialog.getByLabel('Change (units)').fill('-7');
    await dialog.getByRole('button', { name: 'Save adjustment' }).click();
    // Below zero is refused before anything is sent.
    await dialog.getByText('Only 5 in stock').waitFor();
    await dialog.getByLabel('Change (units)').fill('-2');
    await dialog.getByLabel('Reason').fill('Two damaged in the stockroom');
    await dialog.getByText('Stock after the adjustment: 3').waitFor();
    await shot('catalog-adjust-stock');
    const adjusted = page.waitForResponse(isRequest('POST', 'stock-adjustments'));
    await dialog.getByRole('button', { name: 'Save adjustment' }).click();
    const response = await adjusted;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      variantId: created.variantM,
      delta: -2,
      note: 'Two damaged in the stockroom',
    });
    await dialog.waitFor({ state: 'detached' });
    await notification().waitFor();
    assert.match(await notification().innerText(), /LIN-M changed by -2, now 3/);
    // the page reloads the product after the adjustment: wait for its new figures (any "3" in the
    // table would not do: LIN-L had 3 before), then check the variant's own row
    await page.waitForFunction(() => /Total stock\s+6\b/.test(document.querySelector('main')?.innerText ?? ''));
    assert.match(await rowWith('LIN-M').innerText(), /\b3\b/);

    await rowWith('LIN-M').getByRole('link', { name: 'Movements' }).click();
    await page.waitForURL(/#\/stock-movements/);
    const movement = rowWith('Two damaged in the stockroom');
    await movement.waitFor();
    // Who made it: the user by name, and of what: the variant by its product (references, loaded after the row).
    await movement.getByRole('link', { name: 'Administrator' }).waitFor();
    await movement.getByText(product, { exact: true }).waitFor();
    const text = await movement.innerText();
    assert.match(text, /-2/);
    assert.match(text, /Manual adjustment/);
    assert.match(text, new RegExp(product));
    assert.match(text, /LIN-M/);
    // The opening stock of the same variant is listed too, and nothing of the other variant.
    const list = await page.locator('main table').innerText();
    assert.match(list, /Opening stock/);
    assert.doesNotMatch(list, /LIN-L/);
    await shot('catalog-stock-movements');
  });

  test('editing the product sends the full variant list without stock when a variant changes', async () => {
    await page.goto(`${api.baseUrl}/#/products/${created.productId}`);
    const ownPrice = page.locator('input[name="variants.1.price"]');
    await ownPrice.waitFor();
    assert.equal(await ownPrice.inputValue(), '21.50');
    await page.getByText('In stock: 3').first().waitFor();
    await ownPrice.fill('');
    await page.locator('input[name="variants.1.sku"]').fill('LIN-L2');
    const saved = page.waitForResponse(isRequest('PUT', `products/${created.productId}`));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), {
      variants: [
        { id: created.variantM, sku: 'LIN-M', attributes: { size: 'M' }, price: null, costPrice: null },
        { id: created.variantL, sku: 'LIN-L2', attributes: { size: 'L' }, price: null, costPrice: null },
      ],
    });
    await page.waitForURL(new RegExp(`#/products/${created.productId}/show`));
    await rowWith('LIN-L2').waitFor();
    assert.match(await rowWith('LIN-L2').innerText(), /\$19\.99\s+as the product/);
    await shot('catalog-product-show');
  });

  test('deleting a category that products use is refused with the API’s reason', async () => {
    await page.goto(`${api.baseUrl}/#/categories`);
    await rowWith(category).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const refused = page.waitForResponse(isRequest('DELETE', 'categories/\\d+'));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const response = await refused;
    assert.equal(response.status(), 409, await response.text());
    assert.equal(response.request().headers()['content-type'], undefined, 'a DELETE declares no body');
    await notification().waitFor();
    assert.equal(await notification().innerText(), (await response.json()).message);
    assert.match(page.url(), /#\/categories\/\d+$/);
  });

  test('a coupon is created through the form; a duplicate code shows the API’s message under the input', async () => {
    await page.goto(`${api.baseUrl}/#/coupons/create`);
    await page.locator('input[name="code"]').fill('SUMMER15');
    await page.locator('textarea[name="description"]').fill('Summer sale');
    await page.locator('input[name="discountValue"]').fill('15');
    await page.locator('input[name="maxDiscount"]').fill('20');
    await page.locator('input[name="minPurchase"]').fill('50');
    const saved = page.waitForResponse(isRequest('POST', 'coupons'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    const body = response.request().postDataJSON();
    assert.equal(body.discountType, 'percentage');
    assert.equal(body.discountValue, 1500, '15 % is 1500 basis points');
    assert.equal(body.maxDiscount, 2000);
    assert.equal(body.minPurchase, 5000);
    await page.waitForURL(/#\/coupons$/);
    const row = rowWith('SUMMER15');
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /15 % up to \$20\.00/);
    assert.match(text, /\$50\.00/);
    assert.match(text, /Active/);

    // The same code in other letters: the API refuses it and says why, under the input.
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="code"]').fill('summer15');
    await page.getByLabel('Fixed amount').check();
    await page.locator('input[name="discountValue"]').fill('5');
    const refused = page.waitForResponse(isRequest('POST', 'coupons'));
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = await refused;
    assert.equal(refusal.status(), 400);
    const refusalBody = refusal.request().postDataJSON();
    assert.equal(refusalBody.discountValue, 500);
    assert.equal(refusalBody.maxDiscount, null, 'a fixed discount has no cap');
    const message = (await refusal.json()).errors.code;
    assert.ok(message);
    const codeError = page.locator('.ra-input-code .MuiFormHelperText-root.Mui-error');
    await codeError.waitFor();
    assert.equal(await codeError.innerText(), message);
    await shot('coupon-validation');

    await page.goto(`${api.baseUrl}/#/coupons`);
    await rowWith('SUMMER15').waitFor();
    await shot('coupons-list');
  });

  test('carts: a guest cart and a customer cart in the list, a cart’s lines and totals on its page', async () => {
    // A guest cart through the store API.
    const cart = await postJson('/api/store/carts', {});
    assert.equal(cart.status, 201, JSON.stringify(cart.json));
    const guest = { 'X-Cart-Token': cart.json.token };
    const added = await postJson(`/api/store/carts/${cart.json.id}/items`, { variantId: created.variantM, quantity: 2 }, guest);
    assert.equal(added.status, 201, JSON.stringify(added.json));
    // A signed-in customer's cart.
    const registered = await apiPost(api.baseUrl, '/api/auth/register', shopper);
    assert.equal(registered.status, 201, JSON.stringify(registered.json));
    created.customerId = registered.json.user.id;
    const mine = await getJson('/api/store/carts/mine', registered.json.accessToken);
    assert.equal(mine.status, 200, JSON.stringify(mine.json));
    const customerItem = await postJson(
      `/api/store/carts/${mine.json.id}/items`,
      { variantId: created.variantL, quantity: 1 },
      { Authorization: `Bearer ${registered.json.accessToken}` },
    );
    assert.equal(customerItem.status, 201, JSON.stringify(customerItem.json));
    const stored = await getJson(`/api/admin/carts/${cart.json.id}`, await adminToken());

    await page.getByRole('menuitem', { name: 'Carts' }).click();
    await page.waitForURL(/#\/carts/);
    const guestRow = page.locator('tr', { has: page.getByText('Guest', { exact: true }) });
    await guestRow.waitFor();
    assert.match(await guestRow.innerText(), /2 items/);
    assert.ok(await guestRow.getByText(dollars(stored.json.total), { exact: true }).isVisible());
    const customerRow = rowWith(shopper.fullName);
    await customerRow.waitFor();
    assert.match(await customerRow.innerText(), /1 item/);
    await shot('carts-list');

    await guestRow.click();
    await page.waitForURL(new RegExp(`#/carts/${cart.json.id}/show`));
    const line = rowWith('LIN-M');
    await line.waitFor();
    const lineText = await line.innerText();
    assert.match(lineText, new RegExp(product));
    assert.match(lineText, /size: M/);
    assert.match(lineText, /\$19\.99/);
    assert.match(lineText, /\$39\.98/);
    const totals = await page.getByRole('table', { name: 'Totals' }).innerText();
    assert.match(totals, /Subtotal\s+\$39\.98/);
    assert.match(totals, /Total\s+\$\d+\.\d{2}/);
    await shot('cart-show');
  });

  test('staff use the same screens; customer names stay with admins (staff may not read users)', async () => {
    const staffUser = await apiPost(api.baseUrl, '/api/admin/users', { ...staff, role: 'staff' }, await adminToken());
    assert.equal(staffUser.status, 201, JSON.stringify(staffUser.json));
    await signOut(page);
    await page.locator('input[name="email"]').fill(staff.email);
    await page.locator('input[name="password"]').fill(staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Welcome, ${staff.fullName}`).waitFor();

    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.waitForURL(/#\/products/);
    const row = rowWith(product);
    await row.waitFor();
    assert.match(await row.innerText(), /\$19\.99/, 'amounts in the store currency for staff too');

    await page.getByRole('menuitem', { name: 'Carts' }).click();
    await page.waitForURL(/#\/carts/);
    await page.getByText(`Customer #${created.customerId}`, { exact: true }).waitFor();
    await page.getByText('Guest', { exact: true }).waitFor();
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
