import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';
import { productWithStock } from './support/shop.js';

// The store's product list with its answer cache on (STORE_CACHE_TTL_MS; tests run with it off
// elsewhere): a repeat is the first answer's bytes, and still carries every header a fresh
// answer has. Real HTTP, the real app, its own database.
let api: TestApi;
let token: string;
const shop = 'https://shop.example';

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off', STORE_CACHE_TTL_MS: '600000', CORS_ORIGINS: shop });
  token = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

it('serves a store product list page again, as it was, with the security, CORS, request-id and list headers of a fresh answer', async () => {
  const { productId } = await productWithStock(api, token, { name: 'Cached Mug', price: 1200, stock: 5 });
  const path = '/api/store/products?sort=["id","DESC"]&range=[0,9]';
  const first = await api.request<Array<{ id: number; name: string }>>('GET', path, { headers: { origin: shop } });
  expect(first.status).toBe(200);
  expect(first.body[0]).toMatchObject({ id: productId, name: 'Cached Mug' });

  // renamed behind the cache's back: the page asked for again is the one served a moment ago
  await api.db.pool.query(`UPDATE products SET name = 'Renamed Mug' WHERE id = $1`, [productId]);
  const again = await api.request<Array<{ id: number; name: string }>>('GET', path, { headers: { origin: shop } });
  expect(again.status).toBe(200);
  expect(again.text).toBe(first.text);
  for (const header of ['content-range', 'content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'access-control-allow-origin']) {
    expect([header, again.headers.get(header)]).toEqual([header, first.headers.get(header)]);
  }
  expect(again.headers.get('access-control-allow-origin')).toBe(shop);
  expect(again.headers.get('content-range')).toMatch(/^products 0-\d+\/\d+$/);
  expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));

  // another page, and the product itself, are read fresh
  const other = await api.request<Array<{ name: string }>>('GET', '/api/store/products?sort=["id","DESC"]&range=[0,4]');
  expect(other.body[0].name).toBe('Renamed Mug');
  const product = await api.request<{ name: string }>('GET', `/api/store/products/${productId}`);
  expect(product.body.name).toBe('Renamed Mug');
});
