// `npm run docs:screenshots`: regenerates the pictures of docs/admin-guide.md (docs/images/*.png).
//
// Builds nothing itself (the npm script runs `npm run build` first). It seeds a throwaway embedded
// PostgreSQL with demo data (tools/seed at a small scale: two years of orders, in-store sales,
// purchases and bookings), adds the few named records the guide talks about through the API, starts
// the built API on that database, and drives the admin SPA in Chromium (the browser tests' launcher:
// 1280×800, headless) through the daily tasks the guide describes, taking one picture per step. Every
// wait is for something only the next screen shows, so a picture never catches a half-drawn page.
// Nothing is pasted by hand: change the SPA, run the script, commit the pictures.
import { chmod, mkdir, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startApi } from '../../apps/admin-e2e/support/api-process.js';
import { launchBrowser, openPage } from '../../apps/admin-e2e/support/browser.js';
import { adminToken, placeGuestOrder, request } from '../../apps/admin-e2e/support/sales-fixtures.js';
import { seed } from '../seed/seed.js';
import { BENCH_ADMIN } from '../seed/phases/people.js';

const IMAGES = join(repoRoot, 'docs/images');
/** 0.001: about 1,000 online orders, 200 in-store sales, 50 products over two years: a lived-in shop, seeded in seconds. */
const SCALE = 0.001;
const MANAGER = { email: 'maria@chance-store.example', password: 'demo-Manager-passw0rd', fullName: 'Maria Lopez' };

const log = (message) => console.log(`[docs:screenshots] ${message}`);

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'chance-docs-screenshots-'));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must reach the cluster folder.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  log(`seeding demo data (scale ${SCALE}) in ${dataDir}`);
  await seed({ scale: SCALE, dataDir, log: (line) => log(line) });

  const api = await startApi({ adminEmail: BENCH_ADMIN.email, adminPassword: BENCH_ADMIN.password, dataDir });
  let browser;
  try {
    log(`API on ${api.baseUrl}`);
    const named = await namedRecords(api.baseUrl);
    browser = await launchBrowser();
    const page = await openPage(browser, []);
    await mkdir(IMAGES, { recursive: true });
    await tour(page, api.baseUrl, named);
  } finally {
    await browser?.close();
    await api.stop();
  }
  const files = (await readdir(IMAGES)).filter((name) => name.endsWith('.png'));
  let total = 0;
  for (const name of files) total += (await stat(join(IMAGES, name))).size;
  log(`${files.length} pictures in docs/images, ${(total / 1024).toFixed(0)} KiB in all`);
}

/** JSON against the API, failing loudly: the tour needs each of these records. */
async function call(baseUrl, method, path, body, token, headers) {
  const reply = await request(baseUrl, method, path, { body, token, headers });
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.json)}`);
  return reply.json;
}

/** The records the guide names, added to the seeded shop: its manager, a mug, a customer, a service, a supplier's open purchase, a new web order. */
async function namedRecords(baseUrl) {
  const token = await adminToken(baseUrl, BENCH_ADMIN);
  await call(baseUrl, 'POST', '/api/admin/users', { ...MANAGER, role: 'admin' }, token);
  const category = await call(baseUrl, 'POST', '/api/admin/categories', { name: 'Kitchenware' }, token);
  const mug = await call(
    baseUrl,
    'POST',
    '/api/admin/products',
    {
      categoryId: category.id,
      name: 'Enamel mug',
      description: 'Speckled enamel, 350 ml.',
      price: 1250,
      costPrice: 500,
      shippingCost: 300,
      estimatedDeliveryDays: 2,
      variants: [
        { sku: 'MUG-BLUE', attributes: { colour: 'blue' }, stock: 24 },
        { sku: 'MUG-RED', attributes: { colour: 'red' }, stock: 3 },
      ],
    },
    token,
  );
  const [blue, red] = mug.variants;
  await call(baseUrl, 'POST', '/api/admin/offline-customers', { name: 'Tom Baker', phone: '+1 555 0142' }, token);
  await call(baseUrl, 'POST', '/api/admin/service-types', { name: 'Boiler service', description: 'Yearly check', price: 8500, durationMinutes: 90 }, token);
  await call(baseUrl, 'POST', '/api/auth/register', { email: 'carla.jensen@example.com', password: 'demo-Customer-passw0rd', fullName: 'Carla Jensen' });
  const supplier = await call(baseUrl, 'POST', '/api/admin/suppliers', { name: 'Northwind Enamel Co.', email: 'orders@northwind.example' }, token);
  const purchase = await call(
    baseUrl,
    'POST',
    '/api/admin/purchases',
    {
      supplierId: supplier.id,
      status: 'ordered',
      lines: [
        { variantId: blue.id, quantity: 12, unitCost: 480 },
        { variantId: red.id, quantity: 12, unitCost: 480 },
      ],
    },
    token,
  );
  const order = await placeGuestOrder(baseUrl, { variantId: blue.id, quantity: 2, email: 'sam.reed@example.com', name: 'Sam Reed' });
  return { mug, purchase, order };
}

/** One picture of the viewport (1280×800), nothing focused, scrolled to the top unless told otherwise. */
async function shot(page, name, { keepFocus = false } = {}) {
  if (!keepFocus) {
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
  }
  await page.waitForFunction(() => !document.querySelector('.MuiSkeleton-root, .MuiLinearProgress-root'));
  // no focus ripple or dialog fade caught half-way
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await page.screenshot({ path: join(IMAGES, `${name}.png`) });
  log(`docs/images/${name}.png`);
}

async function tour(page, baseUrl, { mug, purchase, order }) {
  const at = (path) => page.goto(`${baseUrl}/#/${path}`);
  const rowWith = (text) => page.locator('tr', { has: page.getByText(text, { exact: true }) });
  const chip = (label) => page.locator('.MuiChip-root', { hasText: new RegExp(`^${label}$`) }).first();

  // Sign in
  await at('login');
  await page.locator('input[name="email"]').fill(MANAGER.email);
  await page.locator('input[name="password"]').fill(MANAGER.password);
  await shot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The dashboard
  await page.getByText('Welcome').waitFor();
  await page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first().waitFor();
  await shot(page, 'dashboard');

  // Find an order: the list, its Pending tab, a search by the customer's e-mail
  await at(`orders?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`);
  await page.getByRole('tab', { name: /^Pending \(\d+\)$/, selected: true }).waitFor();
  await rowWith(order.number).waitFor();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('tbody tr')];
    return rows.length > 0 && rows.every((row) => row.textContent?.includes('Pending'));
  });
  await shot(page, 'orders-pending');

  // Fulfil it: the order page, its next status
  await rowWith(order.number).click();
  await page.waitForURL(new RegExp(`#/orders/${order.id}/show`));
  await chip('Pending').waitFor();
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: 'Mark as processing' }).waitFor();
  await shot(page, 'order-change-status', { keepFocus: true });
  await page.getByRole('menuitem', { name: 'Mark as processing' }).click();
  await chip('Processing').waitFor();

  // Take a payment
  await page.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Record a payment' });
  await payment.waitFor();
  await payment.getByRole('combobox', { name: 'Method' }).click();
  await page.getByRole('option', { name: 'Cash on delivery', exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await payment.getByLabel('Reference').fill('Driver receipt 0417');
  await shot(page, 'order-record-payment', { keepFocus: true });
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await payment.waitFor({ state: 'detached' });
  await chip('Paid').waitFor();
  await chip('Delivered').waitFor();
  await shot(page, 'order-paid');

  // A sale at the counter
  await at('offline-sales/create');
  await page.getByRole('button', { name: 'Record sale' }).waitFor();
  const customer = page.getByRole('combobox', { name: /^Customer/ });
  await customer.click();
  await customer.fill('Tom');
  await page.getByRole('option', { name: /Tom Baker/ }).click();
  const product = page.getByRole('combobox', { name: /^Product/ }).first();
  await product.click();
  await product.fill('enamel');
  await page.getByRole('option', { name: /Enamel mug — MUG-BLUE/ }).click();
  await page.getByText('22 in stock').waitFor(); // 24, less the web order's 2
  await page.locator('input[name="lines.0.quantity"]').fill('2');
  await page.locator('[data-line-total]').first().filter({ hasText: '$25.00' }).waitFor();
  await page.locator('input[name="paidAmount"]').fill('10');
  await page.getByText(/^Still owed after this sale/).waitFor();
  await shot(page, 'in-store-sale');
  await page.getByRole('button', { name: 'Record sale' }).click();
  await page.getByRole('button', { name: 'Receipt PDF' }).waitFor();

  // Receive a purchase
  await at(`purchases/${purchase.id}/show`);
  await page.getByRole('button', { name: 'Receive' }).click();
  const receive = page.getByRole('dialog');
  await receive.getByText(`Receive purchase ${purchase.number}?`).waitFor();
  await shot(page, 'purchase-receive', { keepFocus: true });
  await receive.getByRole('button', { name: 'Receive goods' }).click();
  await page.getByRole('button', { name: 'Receive' }).waitFor({ state: 'detached' });

  // Book a service
  await at('bookings/create');
  const pick = async (label, typed, option) => {
    const input = page.getByRole('combobox', { name: label });
    await input.click();
    await input.fill(typed);
    await page.getByRole('option', { name: option }).click();
  };
  await pick('Customer', 'Carla', /Carla Jensen/);
  await pick('Service', 'Boiler', /Boiler service/);
  await page.locator('textarea[name="address"]').fill('8 Mill Lane, Springfield');
  await page.locator('textarea[name="notes"]').fill('Side door, ring twice');
  const visit = new Date(Date.now() + 3 * 86_400_000);
  const local = `${visit.getFullYear()}-${String(visit.getMonth() + 1).padStart(2, '0')}-${String(visit.getDate()).padStart(2, '0')}T10:30`;
  await page.locator('input[name="scheduledAt"]').fill(local);
  await shot(page, 'booking-form');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/bookings\/\d+\/show/);
  await at('bookings');
  await rowWith('Carla Jensen').first().waitFor();
  await shot(page, 'bookings-list');

  // Adjust stock
  await at(`products/${mug.id}/show`);
  await rowWith('MUG-RED').getByRole('button', { name: 'Adjust stock' }).click();
  const adjust = page.getByRole('dialog', { name: 'Adjust stock' });
  await adjust.getByLabel('Change (units)').fill('-1');
  await adjust.getByLabel('Reason').fill('Chipped on the shelf');
  await adjust.getByText('Stock after the adjustment: 14').waitFor(); // 3, plus the 12 received
  await shot(page, 'stock-adjust', { keepFocus: true });
  await adjust.getByRole('button', { name: 'Save adjustment' }).click();
  await adjust.waitFor({ state: 'detached' });

  // The sales report, by month
  await at('reports/sales');
  await page.getByRole('group', { name: 'Group by' }).waitFor();
  await page.getByRole('button', { name: 'This year' }).click(); // January to today, by month
  await page.waitForURL(/groupBy=month/);
  await page.getByRole('table', { name: 'Sales per period' }).getByRole('columnheader', { name: 'Month' }).waitFor();
  await page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first().waitFor();
  await shot(page, 'sales-report');

  // Users and roles
  await at('users');
  await rowWith(MANAGER.email).waitFor();
  await shot(page, 'users');
  await at('users/create');
  await page.locator('input[name="email"]').fill('sam.counter@chance-store.example');
  await page.locator('input[name="fullName"]').fill('Sam Counter');
  await page.locator('input[name="password"]').fill('a-Long-passw0rd');
  await page.getByRole('combobox', { name: /^Role/ }).click();
  await page.getByRole('option', { name: /^Staff$/i }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await page.locator('.MuiPopover-root').waitFor({ state: 'detached' });
  await shot(page, 'user-create');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
