// Logic of the catalog screens that needs no browser: product form values to API bodies (own
// prices, attributes as a map, no stock on update, variants only when changed), the variants
// lookup over the products list, and the wording of stock movement references.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadSpaModules } from '../support/spa-modules.js';

let spa;
before(async () => {
  spa = await loadSpaModules();
});
after(() => spa?.cleanup());

const storedProduct = () => ({
  id: 7,
  name: 'Linen shirt',
  slug: 'linen-shirt',
  description: '',
  categoryId: 3,
  price: 1999,
  costPrice: 850,
  shippingCost: 0,
  estimatedDeliveryDays: 3,
  isActive: true,
  lowStockThreshold: null,
  effectiveLowStockThreshold: 5,
  stock: 8,
  lowStock: false,
  variants: [
    { id: 11, sku: 'LIN-M', attributes: { size: 'M' }, price: 1999, costPrice: 850, ownPrice: null, ownCostPrice: null, stock: 5, lowStock: true },
    {
      id: 12,
      sku: 'LIN-L',
      attributes: { size: 'L', color: 'white' },
      price: 2150,
      costPrice: 850,
      ownPrice: 2150,
      ownCostPrice: null,
      stock: 3,
      lowStock: true,
    },
  ],
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
});

describe('product form values and API bodies', () => {
  test('attributes: a map in the API, a list of rows in the form; empty names dropped, text trimmed', () => {
    const { attributesToRows, rowsToAttributes } = spa.productForm;
    assert.deepEqual(attributesToRows({ size: 'M', color: 'red' }), [
      { key: 'size', value: 'M' },
      { key: 'color', value: 'red' },
    ]);
    assert.deepEqual(attributesToRows(null), []);
    assert.deepEqual(rowsToAttributes([{ key: ' size ', value: ' M ' }, { key: '', value: 'lost' }, { key: 'ram' }, null]), {
      size: 'M',
      ram: '',
    });
    assert.deepEqual(rowsToAttributes(attributesToRows({ a: '1', b: '2' })), { a: '1', b: '2' });
  });

  test('the edit form holds own prices (null = inherited), attribute rows and the current stock', () => {
    const values = spa.productForm.toProductFormValues(storedProduct());
    assert.deepEqual(values.variants, [
      { id: 11, sku: 'LIN-M', attributes: [{ key: 'size', value: 'M' }], price: null, costPrice: null, stock: 5 },
      {
        id: 12,
        sku: 'LIN-L',
        attributes: [
          { key: 'size', value: 'L' },
          { key: 'color', value: 'white' },
        ],
        price: 2150,
        costPrice: null,
        stock: 3,
      },
    ]);
    assert.equal(values.price, 1999);
    assert.equal('lowStock' in values, false);
    assert.equal('effectiveLowStockThreshold' in values, false);
  });

  test('create: opening stock per variant, own prices or null, an empty slug left to the API', () => {
    const body = spa.productForm.toCreateBody({
      name: ' Linen shirt ',
      slug: null,
      description: null,
      categoryId: 3,
      price: 1999,
      costPrice: null,
      shippingCost: 0,
      estimatedDeliveryDays: 3,
      isActive: true,
      lowStockThreshold: null,
      variants: [
        { sku: 'LIN-M ', attributes: [{ key: 'size', value: 'M' }], price: null, costPrice: null, stock: 5 },
        { sku: 'LIN-L', attributes: [], price: 2150, costPrice: 900, stock: null },
      ],
    });
    assert.deepEqual(body, {
      name: 'Linen shirt',
      description: '',
      categoryId: 3,
      price: 1999,
      costPrice: 0,
      shippingCost: 0,
      estimatedDeliveryDays: 3,
      isActive: true,
      lowStockThreshold: null,
      variants: [
        { sku: 'LIN-M', attributes: { size: 'M' }, price: null, costPrice: null, stock: 5 },
        { sku: 'LIN-L', attributes: {}, price: 2150, costPrice: 900, stock: 0 },
      ],
    });
  });

  test('update: untouched variants are not sent; the data provider then sends only changed fields', () => {
    const { toProductFormValues, toUpdateBody } = spa.productForm;
    const stored = storedProduct();
    const values = { ...toProductFormValues(stored), name: 'Linen shirt, short sleeves' };
    const body = toUpdateBody(values, stored);
    assert.equal('variants' in body, false);
    assert.deepEqual(spa.changes.changedFields(body, stored), { name: 'Linen shirt, short sleeves' });
  });

  test('update: a changed variant sends the full list, with own prices and never stock or read-only fields', () => {
    const { toProductFormValues, toUpdateBody } = spa.productForm;
    const stored = storedProduct();
    const values = toProductFormValues(stored);
    values.variants[1].price = null; // back to the product's price
    values.variants.push({ sku: 'LIN-S', attributes: [{ key: 'size', value: 'S' }], price: null, costPrice: null, stock: 0 });
    const body = toUpdateBody(values, stored);
    assert.deepEqual(body.variants, [
      { id: 11, sku: 'LIN-M', attributes: { size: 'M' }, price: null, costPrice: null },
      { id: 12, sku: 'LIN-L', attributes: { size: 'L', color: 'white' }, price: null, costPrice: null },
      { sku: 'LIN-S', attributes: { size: 'S' }, price: null, costPrice: null },
    ]);
    for (const variant of body.variants) {
      for (const key of ['stock', 'ownPrice', 'ownCostPrice', 'lowStock']) assert.equal(key in variant, false, key);
    }
    for (const key of ['stock', 'lowStock', 'effectiveLowStockThreshold', 'id', 'createdAt', 'updatedAt']) {
      assert.equal(key in body, false, key);
    }
    assert.deepEqual(Object.keys(spa.changes.changedFields(body, stored)), ['variants']);
  });

  test('update: removing a variant sends the remaining ones', () => {
    const { toProductFormValues, toUpdateBody } = spa.productForm;
    const stored = storedProduct();
    const values = toProductFormValues(stored);
    values.variants.splice(0, 1);
    assert.deepEqual(
      toUpdateBody(values, stored).variants.map((v) => v.id),
      [12],
    );
  });
});

describe('the variants lookup (names for stock movements)', () => {
  const products = Array.from({ length: 2500 }, (_, index) => ({
    id: index + 1,
    name: `Product ${index + 1}`,
    variants: [
      { id: (index + 1) * 10, sku: `P${index + 1}-M`, attributes: { size: 'M' }, stock: 1 },
      { id: (index + 1) * 10 + 1, sku: `P${index + 1}-XL`, attributes: { size: 'XL' }, stock: 0 },
    ],
  }));

  /** A fake http client answering GET /api/admin/products like the API (range, q, id filters). */
  function fakeHttp(calls) {
    return async (url) => {
      const query = new URL(url, 'http://x').searchParams;
      const [from, to] = JSON.parse(query.get('range'));
      const filter = JSON.parse(query.get('filter'));
      calls.push({ from, to, filter });
      let rows = products;
      if (filter.q) {
        const q = filter.q.toLowerCase();
        rows = rows.filter((p) => p.name.toLowerCase().includes(q) || p.variants.some((v) => v.sku.toLowerCase().includes(q)));
      }
      if (filter.id) rows = rows.filter((p) => filter.id.includes(p.id));
      const page = rows.slice(from, to + 1);
      return {
        status: 200,
        headers: new Headers({ 'Content-Range': `products ${from}-${from + page.length - 1}/${rows.length}` }),
        body: '',
        json: page,
      };
    };
  }

  test('getMany reads pages of products until every variant is found, and names them by product', async () => {
    const calls = [];
    const lookup = spa.variantLookup.createVariantLookup(fakeHttp(calls), '/api/admin');
    const { data } = await lookup.getMany({ ids: [20, 15001] });
    assert.deepEqual(
      data.map((v) => [v.id, v.productId, v.productName, v.sku]),
      [
        [20, 2, 'Product 2', 'P2-M'],
        [15001, 1500, 'Product 1500', 'P1500-XL'],
      ],
    );
    assert.deepEqual(
      calls.map((c) => [c.from, c.to]),
      [
        [0, 999],
        [1000, 1999],
      ],
      'stops once all are found, in pages the API allows',
    );
    assert.equal(spa.variantLookup.variantLabel(data[1]), 'Product 1500 · P1500-XL (size: XL)');
  });

  test('getMany of a variant that no longer exists reads to the end and returns the others', async () => {
    const calls = [];
    const lookup = spa.variantLookup.createVariantLookup(fakeHttp(calls), '/api/admin');
    const { data } = await lookup.getMany({ ids: [10, 999999] });
    assert.deepEqual(
      data.map((v) => v.id),
      [10],
    );
    assert.equal(calls.length, 3);
  });

  test('getList searches products by name or SKU, and falls back to attribute values', async () => {
    const lookup = spa.variantLookup.createVariantLookup(fakeHttp([]), '/api/admin');
    const bySku = await lookup.getList({ filter: { q: 'p7-xl' }, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' } });
    assert.deepEqual(
      bySku.data.map((v) => v.sku),
      ['P7-XL'],
    );
    const byName = await lookup.getList({ filter: { q: 'Product 12' }, pagination: { page: 1, perPage: 4 }, sort: { field: 'id', order: 'ASC' } });
    assert.equal(byName.data.length, 4);
    assert.ok(byName.data.every((v) => v.productName.startsWith('Product 12')));
    const byAttribute = await lookup.getList({ filter: { q: 'XL' }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' } });
    assert.ok(byAttribute.data.length > 0);
    assert.ok(byAttribute.data.every((v) => v.attributes.size === 'XL'));
  });
});

describe('stock movement wording', () => {
  test('references read as words', () => {
    const { referenceText, reasonLabels } = spa.stockReasons;
    assert.equal(referenceText('manual'), '');
    assert.equal(referenceText(null), '');
    assert.equal(referenceText('product:12'), 'Entered with the new product');
    assert.equal(referenceText('ORD-000042', 'order_placed'), 'Order ORD-000042');
    assert.equal(referenceText('PO-000003', 'purchase_received'), 'Purchase PO-000003');
    assert.equal(referenceText('something-else'), 'something-else');
    assert.equal(reasonLabels.offline_sale_cancelled, 'In-store sale cancelled');
  });
});
