import fc from 'fast-check';
import { eventually } from './support/eventually.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;
let categoryId: number;

const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

async function createProduct(body: Record<string, unknown>) {
  const reply = await api.request('POST', '/api/admin/products', { token, body: { categoryId, price: 1000, ...body } });
  if (reply.status !== 201) throw new Error(`${reply.status} ${reply.text}`);
  return reply.body;
}

async function stockState(variantId: number) {
  const { rows } = await api.db.pool.query(
    'SELECT v.stock, COALESCE((SELECT sum(delta) FROM stock_movements WHERE variant_id = v.id), 0)::int AS ledger FROM variants v WHERE v.id = $1',
    [variantId],
  );
  return rows[0] as { stock: number; ledger: number };
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  const category = await api.request('POST', '/api/admin/categories', { token, body: { name: 'Shirts & Tops' } });
  expect(category.status).toBe(201);
  expect(category.body.slug).toBe('shirts-tops');
  categoryId = category.body.id;
});
afterAll(() => api.close());

describe('categories', () => {
  it('nests under a parent, refuses cycles, unknown parents and taken slugs', async () => {
    const child = await api.request('POST', '/api/admin/categories', { token, body: { name: 'Polo shirts', parentId: categoryId } });
    expect(child.body).toMatchObject({ parentId: categoryId, slug: 'polo-shirts' });
    const cycle = await api.request('PUT', `/api/admin/categories/${categoryId}`, { token, body: { parentId: child.body.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors.parentId).toBeDefined();
    expect((await api.request('POST', '/api/admin/categories', { token, body: { name: 'X', parentId: 99999 } })).body.errors).toEqual({
      parentId: 'does not exist',
    });
    expect((await api.request('POST', '/api/admin/categories', { token, body: { name: 'Again', slug: 'polo-shirts' } })).body.errors).toEqual({
      slug: 'is already used by another category',
    });
    const inUse = await api.request('DELETE', `/api/admin/categories/${categoryId}`, { token });
    expect([inUse.status, inUse.body.code]).toEqual([409, 'CONFLICT']);
    const removed = await api.request('DELETE', `/api/admin/categories/${child.body.id}`, { token });
    expect(removed.body.id).toBe(child.body.id);
  });

  it('answers a name the database refuses (spaces only) with a message under the name, and saves nothing', async () => {
    const count = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM categories')).rows[0].n as number;
    const before = await count();
    const created = await api.request('POST', '/api/admin/categories', { token, body: { name: '   ', slug: 'blank-name' } });
    expect([created.status, created.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(created.body.errors)).toEqual(['name']);
    expect(await count()).toBe(before);
    const renamed = await api.request('PUT', `/api/admin/categories/${categoryId}`, { token, body: { name: '  ' } });
    expect([renamed.status, renamed.body.code, Object.keys(renamed.body.errors ?? {})]).toEqual([400, 'VALIDATION_FAILED', ['name']]);
    expect((await api.request('GET', `/api/admin/categories/${categoryId}`, { token })).body.name).toBe('Shirts & Tops');
  });
});

describe('products and variants', () => {
  it('creates a product without variants as one default variant holding the stock, recorded as an initial movement', async () => {
    const product = await createProduct({ name: 'Plain Mug', costPrice: 400, stock: 12, shippingCost: 250, estimatedDeliveryDays: 2 });
    expect(product).toMatchObject({
      name: 'Plain Mug',
      slug: 'plain-mug',
      price: 1000,
      costPrice: 400,
      stock: 12,
      shippingCost: 250,
      estimatedDeliveryDays: 2,
      isActive: true,
    });
    expect(product.variants).toHaveLength(1);
    expect(product.variants[0]).toMatchObject({ price: 1000, costPrice: 400, ownPrice: null, ownCostPrice: null, stock: 12, attributes: {} });
    const movements = await api.request('GET', `/api/admin/stock-movements?filter=${enc({ variantId: product.variants[0].id })}`, { token });
    expect(movements.body).toEqual([
      expect.objectContaining({
        delta: 12,
        reason: 'initial',
        variantId: product.variants[0].id,
        productId: product.id,
        productName: 'Plain Mug',
        sku: product.variants[0].sku,
      }),
    ]);
  });

  it('gives variants the product’s prices unless they have their own', async () => {
    const product = await createProduct({
      name: 'Logo Tee',
      price: 2000,
      costPrice: 800,
      variants: [
        { sku: 'TEE-S', attributes: { size: 'S' }, stock: 3 },
        { sku: 'TEE-XL', attributes: { size: 'XL' }, price: 2400, costPrice: null, stock: 1 },
      ],
    });
    expect(product.stock).toBe(4);
    expect(product.variants.map((v: any) => [v.sku, v.price, v.ownPrice, v.costPrice, v.ownCostPrice])).toEqual([
      ['TEE-S', 2000, null, 800, null],
      ['TEE-XL', 2400, 2400, 800, null],
    ]);
    const cheaper = await api.request('PUT', `/api/admin/products/${product.id}`, { token, body: { price: 1800 } });
    expect(cheaper.body.variants.map((v: any) => v.price)).toEqual([1800, 2400]);
    const events = await api.db.pool.query(
      `SELECT payload FROM outbox_events WHERE type = 'product.updated' AND (payload->>'productId')::int = $1 ORDER BY id`,
      [product.id],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      { productId: product.id, reason: 'edited' },
      { productId: product.id, variantId: product.variants[0].id, reason: 'price_dropped', oldPrice: 2000, newPrice: 1800 },
    ]);
  });

  it('edits variants inline: updates, adds, removes empty ones, refuses removing stocked ones', async () => {
    const product = await createProduct({
      name: 'Cap',
      variants: [
        { sku: 'CAP-RED', attributes: { color: 'red' }, stock: 2 },
        { sku: 'CAP-BLUE', attributes: { color: 'blue' } },
      ],
    });
    const [red, blue] = product.variants;
    const edited = await api.request('PUT', `/api/admin/products/${product.id}`, {
      token,
      body: {
        variants: [
          { id: red.id, sku: 'CAP-RED', attributes: { color: 'crimson' }, price: 900 },
          { sku: 'CAP-GREEN', attributes: { color: 'green' } },
        ],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.variants.map((v: any) => [v.sku, v.attributes.color, v.price, v.stock])).toEqual([
      ['CAP-RED', 'crimson', 900, 2],
      ['CAP-GREEN', 'green', 1000, 0],
    ]);
    expect((await api.db.pool.query('SELECT 1 FROM variants WHERE id = $1', [blue.id])).rowCount).toBe(0);
    const refused = await api.request('PUT', `/api/admin/products/${product.id}`, { token, body: { variants: [{ sku: 'CAP-ONLY' }] } });
    expect([refused.status, refused.body.code]).toEqual([409, 'CONFLICT']);
  });

  it('refuses stock in a product update and duplicate or taken SKUs, changing nothing', async () => {
    const product = await createProduct({ name: 'Socks', stock: 5 });
    const withStock = await api.request('PUT', `/api/admin/products/${product.id}`, { token, body: { name: 'Renamed', stock: 50 } });
    expect(withStock.status).toBe(400);
    expect(withStock.body.errors).toEqual({ stock: 'is not allowed' });
    const variantStock = await api.request('PUT', `/api/admin/products/${product.id}`, {
      token,
      body: { variants: [{ id: product.variants[0].id, sku: 'X', stock: 9 }] },
    });
    expect(variantStock.body.errors).toEqual({ 'variants.0.stock': 'is not allowed' });
    const taken = await api.request('POST', '/api/admin/products', { token, body: { name: 'Other', categoryId, price: 1, variants: [{ sku: 'tee-s' }] } });
    expect(taken.body.errors).toEqual({ 'variants.0.sku': 'is already used by another variant' });
    const twice = await api.request('POST', '/api/admin/products', {
      token,
      body: { name: 'Other', categoryId, price: 1, variants: [{ sku: 'A1' }, { sku: 'a1' }] },
    });
    expect(twice.body.errors).toEqual({ 'variants.1.sku': 'is listed twice' });
    const after = await api.request('GET', `/api/admin/products/${product.id}`, { token });
    expect(after.body).toMatchObject({ name: 'Socks', stock: 5 });
    expect((await api.db.pool.query(`SELECT 1 FROM products WHERE name = 'Other'`)).rowCount).toBe(0);
  });

  it.each([
    [{ price: -1 }, 'price'],
    [{ price: 10.5 }, 'price'],
    [{ price: '1000' }, 'price'],
    [{ categoryId: 424242 }, 'categoryId'],
    [{ estimatedDeliveryDays: 1.5 }, 'estimatedDeliveryDays'],
    [{ variants: [{ sku: 'Z', attributes: ['red'] }] }, 'variants.0.attributes'],
    [{ variants: [{ sku: 'Z', attributes: { size: 5 } }] }, 'variants.0.attributes'],
    [{ variants: [] }, 'variants'],
  ])('refuses %j with a message on %s', async (body, field) => {
    const reply = await api.request('POST', '/api/admin/products', { token, body: { name: 'Bad', categoryId, price: 100, ...body } });
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.errors)).toContain(field);
  });
});

describe('the stock ledger', () => {
  it('keeps stock equal to the sum of movements after any mix of adjustments, never below zero', async () => {
    const product = await createProduct({ name: 'Ledger Item', stock: 5 });
    const variantId = product.variants[0].id;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
          { minLength: 1, maxLength: 8 },
        ),
        async (deltas) => {
          for (const delta of deltas) {
            const before = await stockState(variantId);
            const reply = await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId, delta, note: 'property test' } });
            const after = await stockState(variantId);
            if (before.stock + delta < 0) {
              expect([reply.status, reply.body.code]).toEqual([409, 'OUT_OF_STOCK']);
              expect(after.stock).toBe(before.stock);
            } else {
              expect(reply.status).toBe(201);
              expect(reply.body).toMatchObject({ variantId, delta, reason: 'adjustment', note: 'property test', createdById: expect.any(Number) });
              expect(after.stock).toBe(before.stock + delta);
            }
            expect(after.stock).toBe(after.ledger);
            expect(after.stock).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('never goes below zero under concurrent removals', async () => {
    const product = await createProduct({ name: 'Contended', stock: 10 });
    const variantId = product.variants[0].id;
    const replies = await Promise.all(
      Array.from({ length: 25 }, () => api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId, delta: -1, note: 'race' } })),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(10);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await stockState(variantId)).toEqual({ stock: 0, ledger: 0 });
  });

  it('refuses a zero, unknown-variant or note-less adjustment', async () => {
    const product = await createProduct({ name: 'Adjust Me', stock: 1 });
    const variantId = product.variants[0].id;
    expect((await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId, delta: 0, note: 'x' } })).body.errors).toEqual({
      delta: 'must not be 0',
    });
    expect((await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId: 999999, delta: 1, note: 'x' } })).body.errors).toEqual({
      variantId: 'does not exist',
    });
    expect((await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId, delta: 1 } })).body.errors).toEqual({
      note: expect.any(String),
    });
  });

  it('publishes low-stock and back-in-stock events once per crossing', async () => {
    const product = await createProduct({ name: 'Signal', stock: 8, lowStockThreshold: 3 });
    const variantId = product.variants[0].id;
    for (const delta of [-4, -2, -1, -1, 2]) {
      expect((await api.request('POST', '/api/admin/stock-adjustments', { token, body: { variantId, delta, note: 'signal' } })).status).toBe(201);
    }
    const { rows } = await api.db.pool.query(`SELECT type, payload->>'stock' AS stock FROM outbox_events WHERE (payload->>'variantId')::int = $1 ORDER BY id`, [
      variantId,
    ]);
    expect(rows.map((r) => [r.type, Number(r.stock)])).toEqual([
      ['stock.low', 2],
      ['product.updated', 2],
    ]);
  });
});

describe('the store', () => {
  let hidden: any;
  beforeAll(async () => {
    hidden = await createProduct({ name: 'Secret Prototype', isActive: false, costPrice: 111, stock: 3 });
  });

  it('never shows cost prices', async () => {
    const list = await api.request('GET', `/api/store/products?range=${enc([0, 99])}`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.text).not.toMatch(/costPrice|ownCostPrice|cost_price/);
    const one = await api.request('GET', `/api/store/products/${list.body[0].id}`);
    expect(one.text).not.toMatch(/costPrice/);
    expect(one.body.variants[0]).toEqual({
      id: expect.any(Number),
      sku: expect.any(String),
      attributes: expect.any(Object),
      price: expect.any(Number),
      stock: expect.any(Number),
      imageId: null,
    });
  });

  it('hides inactive products from lists and answers 404 for them', async () => {
    const list = await api.request('GET', `/api/store/products?range=${enc([0, 99])}`);
    expect(list.body.map((p: any) => p.id)).not.toContain(hidden.id);
    expect((await api.request('GET', `/api/store/products/${hidden.id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/store/products?filter=${enc({ q: 'secret' })}`)).body).toEqual([]);
  });

  it('filters by category, search and stock, and sorts by price', async () => {
    const other = await api.request('POST', '/api/admin/categories', { token, body: { name: 'Kitchen' } });
    await createProduct({ name: 'Kettle', categoryId: other.body.id, price: 3500, stock: 0, sku: 'KETTLE-STEEL' });
    await createProduct({ name: 'Teapot', categoryId: other.body.id, price: 2500, stock: 4 });
    const inCategory = await api.request('GET', `/api/store/products?filter=${enc({ categoryId: other.body.id })}&sort=${enc(['price', 'DESC'])}`);
    expect(inCategory.body.map((p: any) => p.name)).toEqual(['Kettle', 'Teapot']);
    expect(inCategory.headers.get('content-range')).toBe('products 0-1/2');
    const inStock = await api.request('GET', `/api/store/products?filter=${enc({ categoryId: other.body.id, inStock: true })}`);
    expect(inStock.body.map((p: any) => p.name)).toEqual(['Teapot']);
    const bySku = await api.request('GET', `/api/store/products?filter=${enc({ q: 'kettle-st' })}`);
    expect(bySku.body.map((p: any) => p.name)).toEqual(['Kettle']);
    const categories = await api.request('GET', '/api/store/categories');
    expect(categories.body.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Kitchen', 'Shirts & Tops']));
  });

  it('lists a category’s products with those of every category below it; the admin list keeps the exact category', async () => {
    const garden = (await api.request('POST', '/api/admin/categories', { token, body: { name: 'Garden' } })).body;
    const tools = (await api.request('POST', '/api/admin/categories', { token, body: { name: 'Garden Tools', parentId: garden.id } })).body;
    const spades = (await api.request('POST', '/api/admin/categories', { token, body: { name: 'Spades', parentId: tools.id } })).body;
    const elsewhere = (await api.request('POST', '/api/admin/categories', { token, body: { name: 'Not Garden' } })).body;
    await createProduct({ name: 'Garden Chair', categoryId: garden.id, price: 4000, stock: 2 });
    await createProduct({ name: 'Garden Rake', categoryId: tools.id, price: 1500, stock: 2 });
    await createProduct({ name: 'Garden Spade', categoryId: spades.id, price: 2000, stock: 2 });
    await createProduct({ name: 'Garden Gnome', categoryId: elsewhere.id, price: 900, stock: 2 });
    await createProduct({ name: 'Garden Secret', categoryId: spades.id, price: 900, stock: 2, isActive: false });

    const names = async (filter: Record<string, unknown>) => {
      const reply = await api.request('GET', `/api/store/products?filter=${enc(filter)}&sort=${enc(['name', 'ASC'])}`);
      expect(reply.status).toBe(200);
      return { names: reply.body.map((p: any) => p.name), range: reply.headers.get('content-range') };
    };
    expect(await names({ categoryId: garden.id })).toEqual({ names: ['Garden Chair', 'Garden Rake', 'Garden Spade'], range: 'products 0-2/3' });
    expect((await names({ categoryId: tools.id })).names).toEqual(['Garden Rake', 'Garden Spade']);
    expect((await names({ categoryId: spades.id })).names).toEqual(['Garden Spade']);
    expect((await names({ categoryId: [spades.id, elsewhere.id] })).names).toEqual(['Garden Gnome', 'Garden Spade']);
    expect((await names({ categoryId: garden.id, price_lte: 1500 })).names).toEqual(['Garden Rake']);
    expect((await names({ categoryId: 2_000_000_000 })).names).toEqual([]);
    const admin = await api.request('GET', `/api/admin/products?filter=${enc({ categoryId: garden.id })}`, { token });
    expect(admin.body.map((p: any) => p.name)).toEqual(['Garden Chair']);
  });

  it('finds an active product by its slug, and never an inactive one', async () => {
    const bySlug = await api.request('GET', `/api/store/products?filter=${enc({ slug: 'garden-rake' })}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.map((p: any) => p.name)).toEqual(['Garden Rake']);
    expect((await api.request('GET', `/api/store/products?filter=${enc({ slug: 'garden-secret' })}`)).body).toEqual([]);
    expect((await api.request('GET', `/api/store/products?filter=${enc({ slug: 'garden' })}`)).body).toEqual([]); // exact, not a search
  });

  it('finds a category by its slug', async () => {
    const bySlug = await api.request('GET', `/api/store/categories?filter=${enc({ slug: 'garden-tools' })}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toHaveLength(1);
    expect(bySlug.body[0]).toMatchObject({ name: 'Garden Tools', slug: 'garden-tools', parentId: expect.any(Number) });
    expect((await api.request('GET', `/api/store/categories?filter=${enc({ slug: 'no-such-aisle' })}`)).body).toEqual([]);
    const bad = await api.request('GET', `/api/store/categories?filter=${enc({ slug: 42 })}`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('caps store pages at 100 rows', async () => {
    expect((await api.request('GET', `/api/store/products?range=${enc([0, 100])}`)).status).toBe(400);
    expect((await api.request('GET', `/api/store/products?range=${enc([0, 99])}`)).status).toBe(200);
  });
});

describe('admin product list', () => {
  it('filters low stock, searches, fetches by ids, and pages with Content-Range', async () => {
    const low = await api.request('GET', `/api/admin/products?filter=${enc({ lowStock: true })}&range=${enc([0, 999])}`, { token });
    expect(low.body.length).toBeGreaterThan(0);
    expect(low.body.every((p: any) => p.lowStock && p.variants.some((v: any) => v.lowStock))).toBe(true);
    const some = await api.request('GET', `/api/admin/products?filter=${enc({ id: low.body.slice(0, 2).map((p: any) => p.id) })}`, { token });
    expect(some.body.map((p: any) => p.id).sort()).toEqual(
      low.body
        .slice(0, 2)
        .map((p: any) => p.id)
        .sort(),
    );
    const page = await api.request('GET', `/api/admin/products?sort=${enc(['name', 'ASC'])}&range=${enc([1, 2])}`, { token });
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('content-range')).toMatch(/^products 1-2\/\d+$/);
    expect((await api.request('GET', `/api/admin/products?range=${enc([0, 1000])}`, { token })).status).toBe(400);
  });

  it('runs the same number of queries for 1 row as for many (variants in one query, no N+1)', async () => {
    const count = async (range: [number, number]) => {
      const before = api.queries.length;
      const reply = await api.request('GET', `/api/admin/products?range=${enc(range)}`, { token });
      return { queries: api.queries.length - before, rows: reply.body.length };
    };
    // both pages full, so both also count the total (a short first page needs no count query)
    const one = await count([0, 0]);
    const many = await count([0, 5]);
    expect(one.rows).toBe(1);
    expect(many.rows).toBe(6);
    expect(one.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(one.queries);
    const store = async (range: [number, number]) => {
      const before = api.queries.length;
      await api.request('GET', `/api/store/products?range=${enc(range)}`);
      return api.queries.length - before;
    };
    expect(await store([0, 3])).toBe(await store([0, 0]));
  });

  it('deletes a product and returns it', async () => {
    const product = await createProduct({ name: 'Doomed', stock: 1 });
    const reply = await api.request('DELETE', `/api/admin/products/${product.id}`, { token });
    expect(reply.body.id).toBe(product.id);
    expect((await api.request('GET', `/api/admin/products/${product.id}`, { token })).status).toBe(404);
  });

  it('is closed to customers and anonymous callers', async () => {
    const customer = await api.registerCustomer();
    expect((await api.request('GET', '/api/admin/products', { token: customer.token })).status).toBe(403);
    expect((await api.request('POST', '/api/admin/stock-adjustments', { body: { variantId: 1, delta: 1, note: 'x' } })).status).toBe(401);
  });
});

describe('the store’s micro-cache', () => {
  it('serves the same product page for STORE_CACHE_TTL_MS, then the fresh one', async () => {
    // a TTL long enough that the stale read below cannot miss it on a slow machine
    const cached = await startTestApi({ OUTBOX_RELAY: 'off', STORE_CACHE_TTL_MS: '3000' });
    try {
      const adminToken = await cached.login(ADMIN.email, ADMIN.password);
      const category = (await cached.request('POST', '/api/admin/categories', { token: adminToken, body: { name: 'Cached' } })).body;
      const list = () => cached.request('GET', `/api/store/products?filter=${enc({ categoryId: category.id })}`);
      expect((await list()).body).toEqual([]);
      await cached.request('POST', '/api/admin/products', { token: adminToken, body: { name: 'Fresh', categoryId: category.id, price: 100 } });
      expect((await list()).body).toEqual([]); // still the cached page
      await eventually(async () => expect((await list()).body.map((p: any) => p.name)).toEqual(['Fresh']), 20_000);
    } finally {
      await cached.close();
    }
  });
});
