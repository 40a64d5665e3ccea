import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './support/test-api.js';

// The API serves the built storefront (apps/storefront) at /shop/, as it serves the admin SPA at /:
// its files, and its index.html for client-side routes, so a reload of /shop/products/12 works.
let api: TestApi;
let dist: string;
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/shop/assets/index-abc123.js"></script></body></html>';

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'chance-storefront-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets/index-abc123.js'), 'console.log("shop")');
  api = await startTestApi({}, { storefrontDistDir: dist });
});
afterAll(async () => {
  await api.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the storefront at /shop/', () => {
  it('serves its index page, revalidated on every visit, with the security headers', async () => {
    const page = await fetch(`${api.url}/shop/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toBe(INDEX);
  });

  it('answers client-side routes with the same page, so reloads and shared links work', async () => {
    for (const path of ['/shop/products/12', '/shop/orders/3?placed=1', '/shop/account/notifications']) {
      const page = await fetch(`${api.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(INDEX);
    }
    const bare = await fetch(`${api.url}/shop`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/shop/');
  });

  it('serves hashed assets cached for good; a missing asset is the contract’s 404, not the page', async () => {
    const asset = await fetch(`${api.url}/shop/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("shop")');
    for (const path of ['/shop/assets/gone-123.js', '/shop/favicon.ico']) {
      const missing = await fetch(`${api.url}${path}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });

  it('leaves the API and the admin routes alone', async () => {
    const health = await fetch(`${api.url}/api/health`);
    expect(health.status).toBe(200);
    const unknown = await fetch(`${api.url}/api/shop/anything`);
    expect(unknown.status).toBe(404);
  });
});
