// The `variants` lookup resource: variants named by their product, read from the products list in
// pages the API allows (the API has no variants endpoint).
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { HttpClient } from './httpClient';
import { createVariantLookup, variantLabel } from './variantLookup';

interface PageCall {
  from: number;
  to: number;
  filter: unknown;
}

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
  function fakeHttp(calls: PageCall[]): HttpClient {
    return async <T>(url: string) => {
      const query = new URL(url, 'http://x').searchParams;
      const [from, to] = JSON.parse(query.get('range')!) as [number, number];
      const filter = JSON.parse(query.get('filter')!) as { q?: string; id?: number[] };
      calls.push({ from, to, filter });
      let rows = products;
      if (filter.q) {
        const q = filter.q.toLowerCase();
        rows = rows.filter((p) => p.name.toLowerCase().includes(q) || p.variants.some((v) => v.sku.toLowerCase().includes(q)));
      }
      if (filter.id) rows = rows.filter((p) => filter.id!.includes(p.id));
      const page = rows.slice(from, to + 1);
      return {
        status: 200,
        headers: new Headers({ 'Content-Range': `products ${from}-${from + page.length - 1}/${rows.length}` }),
        body: '',
        json: page as T,
      };
    };
  }

  test('getMany reads pages of products until every variant is found, and names them by product', async () => {
    const calls: PageCall[] = [];
    const lookup = createVariantLookup(fakeHttp(calls), '/api/admin');
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
    assert.equal(variantLabel(data[1]), 'Product 1500 · P1500-XL (size: XL)');
  });

  test('getMany of a variant that no longer exists reads to the end and returns the others', async () => {
    const calls: PageCall[] = [];
    const lookup = createVariantLookup(fakeHttp(calls), '/api/admin');
    const { data } = await lookup.getMany({ ids: [10, 999999] });
    assert.deepEqual(
      data.map((v) => v.id),
      [10],
    );
    assert.equal(calls.length, 3);
  });

  test('getList searches products by name or SKU, and falls back to attribute values', async () => {
    const lookup = createVariantLookup(fakeHttp([]), '/api/admin');
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
