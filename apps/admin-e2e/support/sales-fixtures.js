// Prerequisite data for the browser tests, created through the API (what a test is not about): an
// admin token, the store's tax rate, a product with variants, a guest order placed through the
// store API. Plus the little page helpers those tests share (sign-in, screenshots, downloads).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiPost, repoRoot } from './api-process.js';
import { STEP_TIMEOUT_MS } from './browser.js';

export const screenshots = join(repoRoot, 'apps/admin-e2e/screenshots');

/** 4025 → "$40.25" (what the SPA shows for USD, the default currency). */
export const dollars = (cents) =>
  `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100).toLocaleString('en-US')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** JSON over HTTP against the API; returns { status, json }. */
export async function request(baseUrl, method, path, { body, token, headers = {} } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

export async function adminToken(baseUrl, admin) {
  const login = await apiPost(baseUrl, '/api/auth/login', admin);
  assert.equal(login.status, 200, JSON.stringify(login.json));
  return login.json.accessToken;
}

export async function setTaxRate(baseUrl, token, taxRateBps) {
  const saved = await request(baseUrl, 'PUT', '/api/admin/settings', { body: { taxRateBps }, token });
  assert.equal(saved.status, 200, JSON.stringify(saved.json));
}

/**
 * A category and a product with the given variants ({sku, attributes, stock, price?}); returns the
 * stored product (variants with ids).
 */
export async function createProduct(baseUrl, token, { name, price, costPrice = 0, shippingCost = 0, variants }) {
  const category = await request(baseUrl, 'POST', '/api/admin/categories', {
    body: { name: `${name} category` },
    token,
  });
  assert.equal(category.status, 201, JSON.stringify(category.json));
  const product = await request(baseUrl, 'POST', '/api/admin/products', {
    body: { name, categoryId: category.json.id, price, costPrice, shippingCost, estimatedDeliveryDays: 2, variants },
    token,
  });
  assert.equal(product.status, 201, JSON.stringify(product.json));
  return product.json;
}

/** A guest order through the store API: cart, item, checkout paid on delivery. Returns the order. */
export async function placeGuestOrder(baseUrl, { variantId, quantity, email, name = 'Gus Guest' }) {
  const cart = await request(baseUrl, 'POST', '/api/store/carts', { body: {} });
  assert.equal(cart.status, 201, JSON.stringify(cart.json));
  const cartToken = { 'X-Cart-Token': cart.json.token };
  const item = await request(baseUrl, 'POST', `/api/store/carts/${cart.json.id}/items`, {
    body: { variantId, quantity },
    headers: cartToken,
  });
  assert.equal(item.status, 201, JSON.stringify(item.json));
  const order = await request(baseUrl, 'POST', '/api/store/checkout', {
    body: {
      cartId: cart.json.id,
      email,
      shippingAddress: { name, line1: '12 Harbour Road', city: 'Springfield', postalCode: '12345', country: 'US' },
      paymentMethod: 'cash_on_delivery',
    },
    headers: { ...cartToken, 'Idempotency-Key': randomUUID() },
  });
  assert.equal(order.status, 201, JSON.stringify(order.json));
  return order.json;
}

/** Clicks a button and returns the file it downloads: { name, bytes }. */
export async function download(page, button) {
  const started = page.waitForEvent('download');
  await button.click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** A full-page screenshot from the top, without a focused input's outline, once chips and menus have settled. */
export async function shot(page, name) {
  // MUI's colour transitions and closing menus have run (spinners and skeletons loop forever: not those)
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

export async function signIn(page, baseUrl, { email, password }) {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // signed in, on whatever page react-admin lands: after a logout it returns to the page the last
  // user left, not to the dashboard's "Welcome"
  await page.getByRole('button', { name: 'Profile' }).waitFor();
}

/** A response to `method` on /api/admin/<path> (path a regexp source), for waitForResponse. */
export const isAdminRequest = (method, path) => (response) =>
  response.request().method() === method && new RegExp(`/api/admin/${path}(\\?|$)`).test(new URL(response.url()).pathname);

/**
 * Polls `check` until it returns something truthy (work the API does after answering: the outbox,
 * e-mail, webhooks) and returns that; throws once `timeoutMs` has passed without.
 */
export async function until(check, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until an input shows `expected` (references and lookups fill inputs asynchronously). */
export async function waitForValue(locator, expected, timeoutMs = STEP_TIMEOUT_MS) {
  let value;
  await until(async () => (value = await locator.inputValue()) === expected, timeoutMs).catch(() => {});
  assert.equal(value, expected);
}
