// Forms that keep people's work and tell them what is wrong, in Chromium against the real, built
// API (run `npm run build` first): leaving a form with unsaved changes asks first (and keeps them
// when the answer is no); "Save and add another" for products and in-store customers; a new
// product needs its cost price; a phone another in-store customer has is pointed out; a coupon's
// end date in the past is warned about; a value the database refuses is explained under its input.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, isAdminRequest, request, screenshots, shot, signIn, until } from '../support/sales-fixtures.js';

const admin = { email: 'forms.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const UNSAVED = 'This form has changes that are not saved. Leave it and lose them?';

describe('forms in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  const pageErrors = [];
  /** What the API made before the tests. */
  const made = { category: null, product: null, customer: null };
  /** The messages of the confirm dialogs the page opened, in order. */
  const dialogs = [];
  /** How the next confirm dialog is answered. */
  let answer = 'dismiss';

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    const post = async (path, body) => {
      const reply = await request(api.baseUrl, 'POST', path, { body, token });
      assert.equal(reply.status, 201, JSON.stringify(reply.json));
      return reply.json;
    };
    made.category = await post('/api/admin/categories', { name: 'Kitchen' });
    made.product = await post('/api/admin/products', { name: 'Enamel mug', categoryId: made.category.id, price: 1200, costPrice: 450, stock: 4 });
    made.customer = await post('/api/admin/offline-customers', { name: 'Ann Lee', phone: '+44 20 7946 0000' });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      if (answer === 'accept') await dialog.accept();
      else await dialog.dismiss();
    });
    await signIn(page, api.baseUrl, admin);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  /** The text under an input (its hint, or its error). */
  const helperOf = (name) => page.locator('.MuiFormControl-root', { has: page.locator(`input[name="${name}"]`) }).locator('.MuiFormHelperText-root');
  const productsRequests = [];
  const menu = (name) => page.getByRole('menuitem', { name });
  /**
   * The categories list is on screen: the page left is unmounted only once the list is drawn
   * (the router changes the address first), so the next step starts from a page without a form.
   */
  const onCategories = async () => {
    await page.waitForURL(/#\/categories/);
    await page
      .getByRole('row', { name: /Kitchen/ })
      .first()
      .waitFor();
  };

  test('leaving a product’s edit page with a changed name asks first; "no" keeps the change, "yes" leaves it unsaved', async () => {
    await page.goto(`${api.baseUrl}/#/products/${made.product.id}`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    assert.equal(await name.inputValue(), 'Enamel mug');
    await name.fill('Enamel mug, blue');

    answer = 'dismiss';
    await menu('Categories').click();
    await until(() => dialogs.length === 1);
    assert.equal(dialogs[0], UNSAVED);
    // still on the form, the change kept
    assert.match(page.url(), new RegExp(`#/products/${made.product.id}$`));
    assert.equal(await name.inputValue(), 'Enamel mug, blue');
    await shot(page, 'forms-unsaved-kept');

    answer = 'accept';
    await menu('Categories').click();
    await onCategories();
    assert.equal(dialogs.length, 2);
    const stored = await request(api.baseUrl, 'GET', `/api/admin/products/${made.product.id}`, { token });
    assert.equal(stored.json.name, 'Enamel mug', 'nothing was saved');
  });

  test('a saved form, and a form left as it was opened, are left without a question', async () => {
    await page.goto(`${api.baseUrl}/#/products/${made.product.id}`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    assert.equal(await name.inputValue(), 'Enamel mug');
    await menu('Categories').click();
    await onCategories();

    await page.goto(`${api.baseUrl}/#/products/${made.product.id}`);
    await name.waitFor();
    await name.fill('Enamel mug, white');
    const saved = page.waitForResponse(isAdminRequest('PUT', `products/${made.product.id}`));
    await page.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 200);
    await page.waitForURL(new RegExp(`#/products/${made.product.id}/show`));
    await menu('Categories').click();
    await onCategories();
    assert.equal(dialogs.length, 2, 'no new question');
  });

  test('a new product needs its cost price: none is assumed', async () => {
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && /\/api\/admin\/products$/.test(new URL(sent.url()).pathname)) productsRequests.push(sent);
    });
    await page.goto(`${api.baseUrl}/#/products/create`);
    await page.locator('input[name="name"]').fill('Tin plate');
    await page.getByLabel('Category').first().click();
    await page.getByLabel('Category').first().fill('Kitc');
    await page.getByRole('option', { name: 'Kitchen' }).click();
    await page.locator('input[name="price"]').fill('8.00');
    await page.locator('input[name="variants.0.sku"]').fill('PLATE-1');
    assert.equal(await page.locator('input[name="costPrice"]').inputValue(), '', 'no 0.00 typed for them');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await helperOf('costPrice').getByText('Required').waitFor();
    assert.equal(productsRequests.length, 0, 'nothing sent');
    await shot(page, 'forms-product-cost-required');
  });

  test('"Save and add another" saves the product and empties the form for the next one', async () => {
    await page.locator('input[name="costPrice"]').fill('3.10');
    const saved = page.waitForResponse(isAdminRequest('POST', 'products'));
    await page.getByRole('button', { name: 'Save and add another' }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.equal(response.request().postDataJSON().costPrice, 310);
    await page.getByText('Product created').waitFor();
    await until(async () => (await page.locator('input[name="name"]').inputValue()) === '');
    assert.match(page.url(), /#\/products\/create$/, 'still on the new product form');
    assert.equal(await page.locator('input[name="variants.0.sku"]').inputValue(), '');
    // the emptied form has nothing to lose
    await menu('Categories').click();
    await onCategories();
    assert.equal(dialogs.length, 2, 'no question');
  });

  test('an in-store customer with a phone someone has is pointed out, linked, and can still be saved; then the next one', async () => {
    await page.goto(`${api.baseUrl}/#/offline-customers/create`);
    await page.locator('input[name="name"]').fill('Anne Lee');
    await page.locator('input[name="phone"]').fill('+44 (20) 7946-0000');
    const hint = page.getByRole('status').filter({ hasText: 'Another in-store customer has this phone' });
    await hint.waitFor();
    assert.equal(await hint.getByRole('link', { name: 'Ann Lee' }).getAttribute('href'), `#/offline-customers/${made.customer.id}/show`);
    await shot(page, 'forms-duplicate-phone');

    const saved = page.waitForResponse(isAdminRequest('POST', 'offline-customers'));
    await page.getByRole('button', { name: 'Save and add another' }).click();
    assert.equal((await saved).status(), 201);
    await page.getByText('In-store customer created').waitFor();
    await until(async () => (await page.locator('input[name="phone"]').inputValue()) === '');
    await hint.waitFor({ state: 'detached' });

    // another number: no hint
    const searched = page.waitForResponse((response) => isAdminRequest('GET', 'offline-customers')(response) && response.url().includes('0099'));
    await page.locator('input[name="phone"]').fill('+44 20 7946 0099');
    await page.locator('input[name="name"]').fill('Bo Chen');
    await searched;
    assert.equal(await hint.count(), 0);

    // Bo Chen is not saved: leaving asks, and "yes" leaves
    answer = 'accept';
    await menu('Coupons').click();
    await page.waitForURL(/#\/coupons/);
    await page.getByRole('link', { name: 'Create' }).first().waitFor();
    assert.deepEqual(dialogs.slice(2), [UNSAVED]);
  });

  test('a coupon whose end date has passed is saved with a warning', async () => {
    await page.goto(`${api.baseUrl}/#/coupons/create`);
    await page.locator('input[name="code"]').fill('SUMMER24');
    await page.locator('input[name="discountValue"]').fill('10');
    await page.locator('input[name="validTo"]').fill('2024-08-31');
    const warning = page.getByRole('status').filter({ hasText: 'The end date 2024-08-31 has passed: this coupon will not apply to any order' });
    await warning.waitFor();
    await shot(page, 'forms-coupon-expired');
    const saved = page.waitForResponse(isAdminRequest('POST', 'coupons'));
    await page.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 201);
    // the saved coupon leads to the list once the answer is read: wait for it, or the move to the
    // list lands on the next test's page
    await page.waitForURL(/#\/coupons$/);
    await page
      .getByRole('row', { name: /SUMMER24/ })
      .first()
      .waitFor();
  });

  test('a category name the database refuses (spaces only) is explained under the name', async () => {
    await page.goto(`${api.baseUrl}/#/categories/create`);
    await page.locator('input[name="name"]').fill('   ');
    const saved = page.waitForResponse(isAdminRequest('POST', 'categories'));
    await page.getByRole('button', { name: 'Save' }).click();
    const response = await saved;
    assert.equal(response.status(), 400);
    await helperOf('name').getByText('is empty, out of range or not in the accepted form').waitFor();
    assert.match(page.url(), /#\/categories\/create$/);
    await shot(page, 'forms-category-name-refused');
  });

  test('no page error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
