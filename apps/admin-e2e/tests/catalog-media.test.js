// Catalog media and bulk work in the admin SPA (docs/api.md#catalog-media), in Chromium against the real,
// built API (run `npm run build` first): images dropped and chosen on the product page, reordered,
// captioned and deleted, shown in the product list and on the storefront's product page; a CSV
// import whose dry run names the bad row, then the fixed file imported; a stock count made with a
// "scanner" (a SKU typed and Enter); low-stock variants turned into one draft purchase per supplier.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage } from '../support/browser.js';
import { adminToken, createProduct, download, isAdminRequest, placeGuestOrder, request, screenshots, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'media.admin@chance.test', password: 'e2e-Admin-passw0rd' };

/** A real picture: a gradient-free coloured field, as PNG. */
const png = (width, height, background) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

describe('catalog media, import, stock counts and reordering in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  let lamp;
  const pageErrors = [];

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    lamp = await createProduct(api.baseUrl, token, {
      name: 'Brass desk lamp',
      price: 6500,
      costPrice: 2500,
      variants: [{ sku: 'LAMP-BRASS', attributes: { finish: 'brass' }, stock: 5 }],
    });
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await signIn(page, api.baseUrl, admin);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const gallery = () => page.getByRole('list', { name: 'Images' });
  const tiles = () => gallery().getByRole('listitem');
  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();

  test('images are dropped and chosen on the product page, reordered, captioned and deleted', async () => {
    await page.goto(`${api.baseUrl}/#/products/${lamp.id}/show`);
    await page.getByText('No images yet.').waitFor();

    // drag and drop: a file dropped on the gallery
    const front = await png(1200, 900, { r: 200, g: 150, b: 40 });
    const dropped = page.waitForResponse(isAdminRequest('POST', `products/${lamp.id}/images`));
    const transfer = await page.evaluateHandle(
      ({ bytes, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
        return data;
      },
      { bytes: [...front], name: 'front.png' },
    );
    await page.getByTestId('image-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    assert.equal((await dropped).status(), 201);
    await tiles().first().locator('img').waitFor();

    // the file chooser: two more at once
    const chosen = page.waitForResponse(isAdminRequest('POST', `products/${lamp.id}/images`));
    await page.getByTestId('image-file-input').setInputFiles([
      { name: 'side.png', mimeType: 'image/png', buffer: await png(800, 800, { r: 40, g: 90, b: 200 }) },
      { name: 'back.png', mimeType: 'image/png', buffer: await png(600, 900, { r: 30, g: 160, b: 70 }) },
    ]);
    assert.equal((await chosen).status(), 201);
    await page.getByLabel('Image 3', { exact: true }).waitFor();
    let images = (await request(api.baseUrl, 'GET', `/api/admin/products/${lamp.id}`, { token })).json.images;
    assert.deepEqual(
      images.map((i) => [i.position, i.width, i.height]),
      [
        [0, 1200, 900],
        [1, 800, 800],
        [2, 600, 900],
      ],
    );

    // a text file named like a picture is refused by the API, with its reason
    const refused = page.waitForResponse(isAdminRequest('POST', `products/${lamp.id}/images`));
    await page.getByTestId('image-file-input').setInputFiles([{ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just words') }]);
    assert.equal((await refused).status(), 400);
    await notification().filter({ hasText: 'notes.jpg: is not a JPEG, PNG or WebP image' }).waitFor();

    // alt text, saved when the field is left
    const altSaved = page.waitForResponse(isAdminRequest('PUT', `products/${lamp.id}/images/${images[0].id}`));
    await page.getByLabel('Alt text of image 1').fill('The lamp from the front');
    await page.getByLabel('Alt text of image 1').press('Enter');
    assert.deepEqual((await altSaved).request().postDataJSON(), { alt: 'The lamp from the front' });

    // the last one moves forward
    const moved = page.waitForResponse(isAdminRequest('PUT', `products/${lamp.id}/images/${images[2].id}`));
    await tiles().nth(2).getByRole('button', { name: 'Move earlier' }).click();
    assert.deepEqual((await moved).request().postDataJSON(), { position: 1 });
    images = (await request(api.baseUrl, 'GET', `/api/admin/products/${lamp.id}`, { token })).json.images;
    assert.deepEqual(
      images.map((i) => [i.width, i.height]),
      [
        [1200, 900],
        [600, 900],
        [800, 800],
      ],
    );
    await shot(page, 'media-product-gallery');

    // the last one is deleted, after a confirmation
    await tiles().nth(2).getByRole('button', { name: 'Delete image' }).click();
    const deleted = page.waitForResponse(isAdminRequest('DELETE', `products/${lamp.id}/images/${images[2].id}`));
    await page.getByRole('button', { name: 'Delete' }).click();
    assert.equal((await deleted).status(), 200);
    await page.getByLabel('Image 3', { exact: true }).waitFor({ state: 'detached' });
    assert.equal((await fetch(`${api.baseUrl}${images[2].url}`)).status, 404);

    // the list shows the first image's thumbnail
    await page.goto(`${api.baseUrl}/#/products`);
    const thumbnail = page.locator('tr', { hasText: 'Brass desk lamp' }).locator('img');
    await thumbnail.waitFor();
    assert.equal(await thumbnail.getAttribute('src'), images[0].thumbnailUrl);
    assert.ok(await thumbnail.evaluate((img) => img.complete && img.naturalWidth > 0), 'the thumbnail loads');
    await shot(page, 'media-product-list');
    assert.deepEqual(pageErrors, []);
  });

  test('the storefront shows the product with its pictures', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(`${api.baseUrl}/shop/products/${lamp.id}`);
    const main = shop.getByRole('figure', { name: 'Pictures of Brass desk lamp' }).getByRole('img', { name: 'The lamp from the front' });
    await main.waitFor();
    const images = (await request(api.baseUrl, 'GET', `/api/store/products/${lamp.id}`)).json.images;
    assert.equal(await main.getAttribute('src'), images[0].url);
    assert.ok(await main.evaluate((img) => img.complete && img.naturalWidth === 1200), 'the large size is served');
    await shop.goto(`${api.baseUrl}/shop/products`);
    const card = shop.locator('article', { hasText: 'Brass desk lamp' }).locator('img');
    await card.waitFor();
    assert.equal(await card.getAttribute('src'), images[0].thumbnailUrl);
    await shop.close();
  });

  test('an order line shows the thumbnail it recorded', async () => {
    const order = await placeGuestOrder(api.baseUrl, { variantId: lamp.variants[0].id, quantity: 1, email: 'thumb.buyer@chance.test' });
    const thumbnailUrl = (await request(api.baseUrl, 'GET', `/api/store/products/${lamp.id}`)).json.images[0].thumbnailUrl;
    assert.equal(order.lines[0].thumbnailUrl, thumbnailUrl);
    await page.goto(`${api.baseUrl}/#/orders/${order.id}/show`);
    const picture = page.locator('tr', { hasText: 'LAMP-BRASS' }).locator('img');
    await picture.waitFor();
    assert.equal(await picture.getAttribute('src'), thumbnailUrl);
    // the sale is cancelled again: the stock checks below start from 5
    assert.equal((await request(api.baseUrl, 'POST', `/api/admin/orders/${order.id}/cancel`, { token })).status, 200);
  });

  test('an import names the bad row and column in its dry run; the fixed file is imported', async () => {
    const rows = (price) =>
      [
        'sku,product,category,description,price,costPrice,stock,attribute:size',
        'DESK-S,Standing desk,Office,"Oak, adjustable",45000,21000,4,S',
        `DESK-L,Standing desk,Office,"Oak, adjustable",${price},24000,2,L`,
        'CHAIR-1,Task chair,Office,,18900,8000,7,',
      ].join('\n') + '\n';
    await page.getByRole('menuitem', { name: 'Import / export' }).click();
    await page.waitForURL(/#\/catalog\/import/);
    const exported = await download(page, page.getByRole('button', { name: 'Download products.csv' }));
    assert.equal(exported.name, 'products.csv');
    const lines = exported.bytes.toString('utf8').trim().split('\n');
    assert.equal(lines[0], 'sku,product,category,description,price,costPrice,shippingCost,estimatedDeliveryDays,isActive,stock,attribute:finish');
    assert.deepEqual(lines.slice(1), ['LAMP-BRASS,Brass desk lamp,Brass desk lamp category,,6500,2500,0,2,true,5,brass']);
    const checked = page.waitForResponse((r) => r.url().includes('/api/admin/imports/products?dryRun=true'));
    await page.getByTestId('import-file-input').setInputFiles({ name: 'office.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('520.00')) });
    assert.equal((await checked).status(), 200);
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    assert.deepEqual(await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))), [
      ['3', 'price', 'must be a whole number of minor units (1999 for 19.99)'],
    ]);
    assert.equal(await page.getByRole('button', { name: /^Import \d+ rows$/ }).count(), 0, 'a file with problems cannot be imported');
    await shot(page, 'media-import-errors');
    assert.equal((await request(api.baseUrl, 'GET', `/api/admin/products?filter=${encodeURIComponent('{"q":"Standing desk"}')}`, { token })).json.length, 0);

    const again = page.waitForResponse((r) => r.url().includes('/api/admin/imports/products?dryRun=true'));
    await page.getByTestId('import-file-input').setInputFiles({ name: 'office.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('52000')) });
    await again;
    await page.getByText('3 to create').waitFor();
    const imported = page.waitForResponse((r) => r.url().includes('/api/admin/imports/products?dryRun=false'));
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    assert.deepEqual(await (await imported).json(), { created: 3, updated: 0, unchanged: 0, errors: [] });
    await page.getByText('Imported: 3 created, 0 updated, 0 unchanged.').waitFor();
    const desks = (await request(api.baseUrl, 'GET', `/api/admin/products?filter=${encodeURIComponent('{"q":"Standing desk"}')}`, { token })).json;
    assert.deepEqual(
      desks[0].variants.map((v) => [v.sku, v.price, v.stock, v.attributes]),
      [
        ['DESK-S', 45000, 4, { size: 'S' }],
        ['DESK-L', 52000, 2, { size: 'L' }],
      ],
    );
    await shot(page, 'media-import-done');
  });

  test('a stock count with a scanner: each SKU + Enter adds one; 3 counted where 5 are in stock leaves 3', async () => {
    await page.getByRole('menuitem', { name: 'Stock counts' }).click();
    await page.waitForURL(/#\/stock-counts/);
    await page.getByRole('link', { name: 'Count stock' }).click();
    const scanner = page.getByLabel('Scan or type a SKU, then Enter');
    await scanner.waitFor();
    for (const code of ['LAMP-BRASS', 'lamp-brass', 'LAMP-BRASS']) {
      await scanner.fill(code);
      await scanner.press('Enter');
    }
    await page.getByLabel('Counted LAMP-BRASS').waitFor();
    await page.waitForFunction(() => document.querySelector('input[aria-label="Counted LAMP-BRASS"]')?.value === '3');
    await scanner.fill('NO-SUCH-SKU');
    await scanner.press('Enter');
    await page.getByText('No variant has the SKU NO-SUCH-SKU').waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Front shelf');
    await shot(page, 'media-stock-count');
    const saved = page.waitForResponse(isAdminRequest('POST', 'stock-counts'));
    await page.getByRole('button', { name: 'Save count' }).click();
    const response = await saved;
    assert.equal(response.status(), 201);
    const body = response.request().postDataJSON();
    assert.equal(body.note, 'Front shelf');
    assert.deepEqual(body.lines, [{ variantId: lamp.variants[0].id, counted: 3 }]);
    assert.match(body.startedAt, /^\d{4}-\d{2}-\d{2}T/);
    const count = await response.json();
    await page.waitForURL(new RegExp(`#/stock-counts/${count.id}/show`));
    await page.getByText(`Stock count ${count.number}`).first().waitFor();
    const line = page.locator('tr', { hasText: 'LAMP-BRASS' });
    assert.match(await line.innerText(), /5\s+3\s+-2\s+3/);
    const variant = (await request(api.baseUrl, 'GET', `/api/admin/products/${lamp.id}`, { token })).json.variants[0];
    assert.equal(variant.stock, 3);
    const movements = (
      await request(
        api.baseUrl,
        'GET',
        `/api/admin/stock-movements?filter=${encodeURIComponent(JSON.stringify({ variantId: variant.id, reason: 'stock_count' }))}`,
        { token },
      )
    ).json;
    assert.deepEqual(
      movements.map((m) => [m.delta, m.reference]),
      [[-2, count.number]],
    );
    await shot(page, 'media-stock-count-saved');
  });

  test('low-stock variants become one draft purchase per last supplier', async () => {
    const supplier = async (name) => (await request(api.baseUrl, 'POST', '/api/admin/suppliers', { body: { name }, token })).json.id;
    const acme = await supplier('Acme Lighting');
    const bolt = await supplier('Bolt Furniture');
    const bought = async (supplierId, variantId, unitCost) => {
      const purchase = await request(api.baseUrl, 'POST', '/api/admin/purchases', {
        body: { supplierId, lines: [{ variantId, quantity: 1, unitCost }] },
        token,
      });
      assert.equal(purchase.status, 201, JSON.stringify(purchase.json));
      assert.equal((await request(api.baseUrl, 'POST', `/api/admin/purchases/${purchase.json.id}/receive`, { token })).status, 200);
    };
    const desks = (await request(api.baseUrl, 'GET', `/api/admin/products?filter=${encodeURIComponent('{"q":"Standing desk"}')}`, { token })).json[0];
    const deskL = desks.variants.find((v) => v.sku === 'DESK-L');
    await bought(acme, lamp.variants[0].id, 2400);
    await bought(bolt, deskL.id, 23500);
    // the lamp: 3 + 1 received = 4 (threshold 5); the large desk: 2 + 1 = 3

    await page.getByRole('menuitem', { name: 'Reorder' }).click();
    await page.waitForURL(/#\/reorder/);
    const lampRow = page.locator('tr[data-sku="LAMP-BRASS"]');
    const deskRow = page.locator('tr[data-sku="DESK-L"]');
    await lampRow.waitFor();
    assert.match(await lampRow.innerText(), /Acme Lighting/);
    await lampRow.getByRole('checkbox').check();
    await deskRow.getByRole('checkbox').check();
    await page.getByLabel('Quantity of DESK-L').fill('4');
    await shot(page, 'media-reorder');
    const posted = [];
    page.on('request', (r) => r.method() === 'POST' && /\/api\/admin\/purchases$/.test(new URL(r.url()).pathname) && posted.push(r.postDataJSON()));
    await page.getByRole('button', { name: 'Create purchases' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Draft purchases created' });
    await created.waitFor();
    const suggestedLamp = (await request(api.baseUrl, 'GET', '/api/admin/reports/reorder', { token })).json.find((l) => l.sku === 'LAMP-BRASS');
    assert.deepEqual(
      posted.sort((a, b) => a.supplierId - b.supplierId),
      [
        { supplierId: acme, status: 'draft', lines: [{ variantId: lamp.variants[0].id, quantity: suggestedLamp.suggestedQuantity, unitCost: 2400 }] },
        { supplierId: bolt, status: 'draft', lines: [{ variantId: deskL.id, quantity: 4, unitCost: 23500 }] },
      ].sort((a, b) => a.supplierId - b.supplierId),
    );
    const drafts = (await request(api.baseUrl, 'GET', `/api/admin/purchases?filter=${encodeURIComponent('{"status":"draft"}')}`, { token })).json;
    assert.deepEqual(drafts.map((p) => p.supplierId).sort(), [acme, bolt].sort());
    assert.equal(suggestedLamp.onOrder, suggestedLamp.suggestedQuantity);
    await shot(page, 'media-reorder-created');
    await created.getByRole('link').first().click();
    await page.waitForURL(/#\/purchases\/\d+\/show/);
    assert.deepEqual(pageErrors, []);
  });
});
