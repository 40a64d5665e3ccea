import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { productWithStock } from './support/shop.js';
import { uploadFile } from './support/uploads.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;

const HEADER = ['sku', 'product', 'category', 'description', 'price', 'costPrice', 'shippingCost', 'estimatedDeliveryDays', 'isActive', 'stock'];
const csv = (records: unknown[][]) => stringify(records);
const importCsv = (text: string, dryRun: boolean) =>
  uploadFile(api, `/api/admin/imports/products?dryRun=${dryRun}`, token, text, { filename: 'products.csv', type: 'text/csv' });

async function exportCsv(): Promise<string> {
  const reply = await fetch(`${api.url}/api/admin/exports/products.csv`, { headers: { authorization: `Bearer ${token}` } });
  expect(reply.status).toBe(200);
  return reply.text();
}

/** Everything an import may touch, to prove a run changed nothing. */
async function catalogSnapshot() {
  const q = async (sql: string) => (await api.db.pool.query(sql)).rows;
  return {
    products: await q('SELECT * FROM products ORDER BY id'),
    variants: await q('SELECT * FROM variants ORDER BY id'),
    categories: await q('SELECT * FROM categories ORDER BY id'),
    movements: await q('SELECT count(*)::int AS n FROM stock_movements'),
    audit: await q('SELECT count(*)::int AS n FROM audit_logs'),
    outbox: await q('SELECT count(*)::int AS n FROM outbox_events'),
  };
}

/** Records as a file, and the line each record starts on (counted from the text itself). */
function withLines(records: string[][]): { text: string; lineOf: number[] } {
  let text = '';
  const lineOf: number[] = [];
  for (const record of records) {
    lineOf.push(1 + (text.match(/\n/g)?.length ?? 0));
    text += stringify([record]);
  }
  return { text, lineOf };
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

describe('importing products from CSV', () => {
  it('a dry run counts and changes nothing; the real run creates products, variants, categories and stock through adjustments', async () => {
    const file = csv([
      [...HEADER, 'attribute:size', 'attribute:color'],
      ['TEE-S-RED', 'Import Tee', 'Imported Shirts', 'Soft, "combed" cotton', '1999', '700', '300', '2', 'true', '10', 'S', 'red'],
      ['TEE-M-RED', 'Import Tee', 'Imported Shirts', 'Soft, "combed" cotton', '2199', '', '300', '2', 'true', '', 'M', 'red'],
      ['CAP-1', 'Import Cap', 'Imported Hats', '', '999', '', '', '', 'no', '3', '', ''],
    ]);
    const before = await catalogSnapshot();
    const dry = await importCsv(file, true);
    expect([dry.status, dry.body]).toEqual([200, { created: 3, updated: 0, unchanged: 0, errors: [] }]);
    expect(await catalogSnapshot()).toEqual(before);

    const real = await importCsv(file, false);
    expect([real.status, real.body]).toEqual([200, { created: 3, updated: 0, unchanged: 0, errors: [] }]);
    const products = await api.request('GET', `/api/admin/products?filter=${encodeURIComponent(JSON.stringify({ q: 'Import' }))}&sort=["name","DESC"]`, {
      token,
    });
    expect(products.body.map((p: any) => p.name)).toEqual(['Import Tee', 'Import Cap']);
    const [tee, cap] = products.body;
    expect(tee).toMatchObject({
      price: 1999,
      costPrice: 700,
      shippingCost: 300,
      estimatedDeliveryDays: 2,
      isActive: true,
      stock: 10,
      description: 'Soft, "combed" cotton',
    });
    expect(tee.variants).toEqual([
      expect.objectContaining({ sku: 'TEE-S-RED', attributes: { size: 'S', color: 'red' }, price: 1999, ownPrice: null, costPrice: 700, stock: 10 }),
      expect.objectContaining({
        sku: 'TEE-M-RED',
        attributes: { size: 'M', color: 'red' },
        price: 2199,
        ownPrice: 2199,
        costPrice: 700,
        ownCostPrice: null,
        stock: 0,
      }),
    ]);
    expect(cap).toMatchObject({ price: 999, costPrice: 0, shippingCost: 0, estimatedDeliveryDays: 3, isActive: false, stock: 3 });
    const categories = await api.request('GET', `/api/admin/categories?filter=${encodeURIComponent(JSON.stringify({ q: 'Imported' }))}`, { token });
    expect(categories.body.map((c: any) => [c.name, c.slug]).sort()).toEqual([
      ['Imported Hats', 'imported-hats'],
      ['Imported Shirts', 'imported-shirts'],
    ]);
    const movements = await api.request('GET', `/api/admin/stock-movements?filter=${encodeURIComponent(JSON.stringify({ productId: tee.id }))}`, { token });
    expect(movements.body).toEqual([expect.objectContaining({ sku: 'TEE-S-RED', delta: 10, reason: 'adjustment', reference: 'import' })]);
    await expectIntegrity(api);
  });

  it('updates by SKU: prices, stock (as an adjustment of the difference), product fields, new variants of a known product', async () => {
    const { productId, variantIds } = await productWithStock(api, token, {
      name: 'Update Lamp',
      price: 5000,
      costPrice: 2000,
      variants: [
        { sku: 'LAMP-U-S', attributes: { size: 'S' }, stock: 8 },
        { sku: 'LAMP-U-L', attributes: { size: 'L' }, price: 7000, stock: 2 },
      ],
    });
    const category = (await api.request('GET', `/api/admin/products/${productId}`, { token })).body.categoryId;
    const categoryName = (await api.request('GET', `/api/admin/categories/${category}`, { token })).body.name;
    const file = csv([
      ['sku', 'product', 'category', 'price', 'stock', 'shippingCost'],
      ['lamp-u-s', 'Update Lamp', categoryName, '5000', '5', '450'],
      ['LAMP-U-L', 'Update Lamp', categoryName, '6500', '2', '450'],
      ['LAMP-U-XL', 'Update Lamp', categoryName, '9000', '1', '450'],
    ]);
    const reply = await importCsv(file, false);
    expect(reply.body).toEqual({ created: 1, updated: 2, unchanged: 0, errors: [] });
    const product = (await api.request('GET', `/api/admin/products/${productId}`, { token })).body;
    expect(product).toMatchObject({ price: 5000, shippingCost: 450, costPrice: 2000 });
    expect(product.variants.map((v: any) => [v.sku, v.price, v.ownPrice, v.stock])).toEqual([
      ['LAMP-U-S', 5000, null, 5],
      ['LAMP-U-L', 6500, 6500, 2],
      ['LAMP-U-XL', 9000, 9000, 1],
    ]);
    const { rows } = await api.db.pool.query(`SELECT delta, reason, reference FROM stock_movements WHERE variant_id = $1 ORDER BY id`, [variantIds[0]]);
    expect(rows).toEqual([
      { delta: 8, reason: 'initial', reference: `product:${productId}` },
      { delta: -3, reason: 'adjustment', reference: 'import' },
    ]);
    // as an edit would: the product changed, and one variant got cheaper
    const events = await api.db.pool.query(
      `SELECT payload FROM outbox_events WHERE type = 'product.updated' AND (payload->>'productId')::int = $1 ORDER BY id`,
      [productId],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      { productId, reason: 'edited' },
      { productId, variantId: variantIds[1], reason: 'price_dropped', oldPrice: 7000, newPrice: 6500 },
    ]);
    const again = await importCsv(file, true);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
  });

  it('signals stock that falls to the low-stock threshold or leaves zero, as any stock change does', async () => {
    const { productId, variantIds } = await productWithStock(api, token, {
      name: 'Signal Lamp',
      price: 5000,
      variants: [
        { sku: 'SIG-A', attributes: { size: 'A' }, stock: 9 },
        { sku: 'SIG-B', attributes: { size: 'B' }, stock: 0 },
        { sku: 'SIG-C', attributes: { size: 'C' }, stock: 8 },
        { sku: 'SIG-D', attributes: { size: 'D' }, stock: 6 },
      ],
    });
    const category = (await api.request('GET', `/api/admin/products/${productId}`, { token })).body.categoryId;
    const categoryName = (await api.request('GET', `/api/admin/categories/${category}`, { token })).body.name;
    const file = csv([
      ['sku', 'product', 'category', 'price', 'stock', 'attribute:size'],
      ['SIG-A', 'Signal Lamp', categoryName, '5000', '3', 'A'],
      ['SIG-B', 'Signal Lamp', categoryName, '5000', '4', 'B'],
      ['SIG-C', 'Signal Lamp', categoryName, '5000', '7', 'C'],
      ['SIG-D', 'Signal Lamp', categoryName, '5000', '5', 'D'],
      ['SIG-E', 'Signal Lamp', categoryName, '5000', '2', 'E'],
    ]);
    expect((await importCsv(file, false)).body).toMatchObject({ created: 1, updated: 4, errors: [] });
    const events = async (type: string) =>
      (
        await api.db.pool.query(
          `SELECT payload FROM outbox_events WHERE type = $1 AND (payload->>'productId')::int = $2 AND payload->>'reason' IS DISTINCT FROM 'edited'
            ORDER BY (payload->>'variantId')::int`,
          [type, productId],
        )
      ).rows.map((r) => r.payload);
    // A and D fall to the threshold (5) from above it, B leaves zero; C stays above it, and the new E signals nothing
    expect(await events('stock.low')).toEqual([
      { productId, variantId: variantIds[0], productName: 'Signal Lamp', sku: 'SIG-A', stock: 3, threshold: 5 },
      { productId, variantId: variantIds[3], productName: 'Signal Lamp', sku: 'SIG-D', stock: 5, threshold: 5 },
    ]);
    expect(await events('product.updated')).toEqual([{ productId, variantId: variantIds[1], reason: 'back_in_stock', stock: 4, threshold: 5 }]);
  });

  it('imports the export of a 1,000-product catalog back with 1,000 unchanged and changes nothing; one bad price names its row and column', async () => {
    const existing = (await api.db.pool.query('SELECT count(*)::int AS n FROM variants')).rows[0].n;
    const catalog: string[][] = [[...HEADER, 'attribute:edition']];
    for (let i = 0; i < 1000; i++) {
      catalog.push([
        `RT-${String(i).padStart(4, '0')}`,
        i % 97 === 0 ? `=Formula ${i}` : `Round Trip ${i}`,
        `Round Trip Category ${i % 7}`,
        i % 10 === 0 ? `Line one of ${i},\nline "two"` : i % 3 === 0 ? '' : `About ${i}`,
        String(100 + i),
        String(i % 5 === 0 ? 0 : 50 + i),
        String(i % 4),
        String(i % 30),
        i % 9 === 0 ? 'false' : 'true',
        String(i % 13),
        i % 2 === 0 ? `${1 + (i % 3)}st` : '',
      ]);
    }
    const created = await importCsv(csv(catalog), false);
    expect(created.body).toEqual({ created: 1000, updated: 0, unchanged: 0, errors: [] });

    const exported = await exportCsv();
    const records: string[][] = parse(exported);
    const roundTrip = records.filter((r, i) => i === 0 || r[0].startsWith('RT-'));
    expect(records.length - 1).toBe(existing + 1000); // every variant, across several pages of the export
    expect(roundTrip.length).toBe(1001);
    expect(roundTrip.find((r) => r[0] === 'RT-0000')![1]).toBe("'=Formula 0"); // a spreadsheet will not run it

    const before = await catalogSnapshot();
    const { text, lineOf } = withLines(roundTrip);
    expect(lineOf[1000]).toBeGreaterThan(1001); // multi-line descriptions: lines are not records
    expect((await importCsv(text, true)).body).toEqual({ created: 0, updated: 0, unchanged: 1000, errors: [] });
    expect((await importCsv(text, false)).body).toEqual({ created: 0, updated: 0, unchanged: 1000, errors: [] });
    expect(await catalogSnapshot()).toEqual(before);

    // one bad price, in a record after a multi-line one
    const bad = roundTrip.map((r) => [...r]);
    const priceColumn = bad[0].indexOf('price');
    bad[621][priceColumn] = '12.50';
    bad[622][1] = 'Renamed, but the file has an error';
    const broken = withLines(bad);
    const expectedError = { row: broken.lineOf[621], column: 'price', message: 'must be a whole number of minor units (1999 for 19.99)' };
    const dry = await importCsv(broken.text, true);
    expect(dry.body).toEqual({ created: 0, updated: 1, unchanged: 998, errors: [expectedError] });
    const real = await importCsv(broken.text, false);
    expect([real.status, real.body.code, real.body.errors]).toEqual([400, 'VALIDATION_FAILED', [expectedError]]);
    expect(real.body.message).toBe('1 problem in the file: nothing was imported');
    expect(await catalogSnapshot()).toEqual(before);
  });

  it('round-trips products made through the API: own prices, attributes, quotes and commas', async () => {
    await productWithStock(api, token, {
      name: 'API, "quoted" Mug',
      price: 1500,
      costPrice: 500,
      description: 'Two\nlines, "quoted"',
      variants: [
        { sku: 'API-MUG-1', attributes: { colour: 'blue', finish: 'matt' }, stock: 3 },
        { sku: 'API-MUG-2', attributes: { colour: 'green' }, price: 1700, costPrice: 650, stock: 0 },
        { sku: '-API-MUG-3', attributes: {}, price: 1500, stock: 1 },
      ],
    });
    const before = await catalogSnapshot();
    const result = await importCsv(await exportCsv(), false);
    expect(result.body.errors).toEqual([]);
    expect([result.body.created, result.body.updated]).toEqual([0, 0]);
    expect(await catalogSnapshot()).toEqual(before);
  });

  it('names what is wrong with a file: its header, its cells, repeated SKUs, rows that disagree', async () => {
    const header = await importCsv(csv([['sku', 'product', 'colour', 'price']]), true);
    expect(header.body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 1, column: 'colour', message: expect.stringContaining('is not a known column') },
        { row: 1, column: 'category', message: 'column is missing' },
      ],
    });
    const empty = await importCsv('', true);
    expect(empty.body.errors).toEqual([{ row: 1, column: null, message: 'the file is empty: it needs a header row' }]);
    const quotes = await importCsv('sku,product,category,price\n"A,B,C,1\n', true);
    expect(quotes.body.errors).toEqual([{ row: expect.any(Number), column: null, message: expect.stringMatching(/^is not valid CSV/) }]);

    const cells = csv([
      ['sku', 'product', 'category', 'price', 'isActive'],
      ['ERR-1', 'Error Kettle', 'Errors', '-5', 'true'],
      ['ERR-2', 'Error Kettle', 'Errors', '500', 'perhaps'],
      ['ERR-3', 'Error Kettle', 'Other Errors', '500', 'true'],
      ['err-3', 'Error Kettle', 'Errors', '500', 'true'],
      ['ERR-4', '', 'Errors', '500'],
    ]);
    const before = await catalogSnapshot();
    const reply = await importCsv(cells, false);
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { row: 2, column: 'price', message: 'must be a whole number of minor units (1999 for 19.99)' },
      { row: 3, column: 'isActive', message: 'must be true or false' },
      { row: 5, column: 'sku', message: 'repeats the SKU of row 4' },
      { row: 6, column: null, message: 'has 4 cells where the header has 5' },
    ]);
    expect(await catalogSnapshot()).toEqual(before);
    const disagree = await importCsv(
      csv([
        ['sku', 'product', 'category', 'price'],
        ['DIS-1', 'Disagreeing Kettle', 'Errors', '500'],
        ['DIS-2', 'Disagreeing Kettle', 'Other Errors', '500'],
      ]),
      true,
    );
    expect(disagree.body.errors).toEqual([{ row: 3, column: 'category', message: 'differs from row 2 of the same product' }]);
    const dryRunFlag = await uploadFile(api, '/api/admin/imports/products?dryRun=maybe', token, 'sku\n');
    expect([dryRunFlag.status, dryRunFlag.body.errors]).toEqual([400, { dryRun: 'must be true or false' }]);
    const json = await api.request('POST', '/api/admin/imports/products?dryRun=true', { token, body: { rows: [] } });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('creates each SKU once when the same file is imported twice at the same moment', async () => {
    const file = csv([
      ['sku', 'product', 'category', 'price', 'stock'],
      ...Array.from({ length: 50 }, (_, i) => [`RACE-${i}`, `Race Product ${i % 10}`, 'Race Category', String(100 + i), '3']),
    ]);
    const replies = await Promise.all([importCsv(file, false), importCsv(file, false)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(replies.map((r) => [r.body.created, r.body.unchanged]).sort()).toEqual([
      [0, 50],
      [50, 0],
    ]);
    const { rows } = await api.db.pool.query(
      `SELECT count(*)::int AS variants, count(DISTINCT product_id)::int AS products,
              (SELECT count(*)::int FROM stock_movements m JOIN variants w ON w.id = m.variant_id WHERE w.sku LIKE 'RACE-%') AS movements
         FROM variants WHERE sku LIKE 'RACE-%'`,
    );
    expect(rows[0]).toEqual({ variants: 50, products: 10, movements: 50 });
    expect((await api.db.pool.query(`SELECT count(*)::int AS n FROM categories WHERE name = 'Race Category'`)).rows[0].n).toBe(1);
  });

  it('exports as a CSV attachment, never cached', async () => {
    const reply = await fetch(`${api.url}/api/admin/exports/products.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="products.csv"');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const [header] = parse(await reply.text(), { to: 1 }) as string[][];
    expect(header.slice(0, 10)).toEqual(HEADER);
    expect((await fetch(`${api.url}/api/admin/exports/products.csv`)).status).toBe(401);
  });
});
