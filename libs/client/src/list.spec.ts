import fc from 'fast-check';
import { listQuery, pageOf, pageRange, parseContentRange } from './list.js';

describe('parseContentRange', () => {
  it('reads the resource, the inclusive range and the total', () => {
    expect(parseContentRange('products 0-24/319')).toEqual({ resource: 'products', start: 0, end: 24, total: 319 });
    expect(parseContentRange('service-types 5-5/6')).toEqual({ resource: 'service-types', start: 5, end: 5, total: 6 });
  });

  it('reads an empty result', () => {
    expect(parseContentRange('products */0')).toEqual({ resource: 'products', start: 0, end: -1, total: 0 });
    expect(parseContentRange('orders */12')).toEqual({ resource: 'orders', start: 0, end: -1, total: 12 });
  });

  it('is null for a missing or malformed header', () => {
    for (const header of [null, undefined, '', 'products', 'products 0-24', 'products a-b/3', 'products 5-1/9', 'bytes=0-1/2']) {
      expect(parseContentRange(header)).toBeNull();
    }
  });

  it('reads back every header the API writes', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(100), fc.nat(10_000), (start, count, extra) => {
        const total = start + count + extra;
        const header = count === 0 ? `products */${total}` : `products ${start}-${start + count - 1}/${total}`;
        const parsed = parseContentRange(header)!;
        expect(parsed.total).toBe(total);
        if (count > 0) expect(parsed.end - parsed.start + 1).toBe(count);
      }),
    );
  });
});

describe('listQuery and pages', () => {
  it('writes sort, range and filter as JSON, leaving out empty filters', () => {
    expect(listQuery({ sort: ['price', 'ASC'], range: [0, 23], filter: { q: 'shirt', categoryId: 3, inStock: undefined, price_gte: '' } })).toEqual({
      sort: '["price","ASC"]',
      range: '[0,23]',
      filter: '{"q":"shirt","categoryId":3}',
    });
    expect(listQuery({ filter: { q: '' } })).toEqual({});
  });

  it('pages count from zero, inclusive ranges', () => {
    expect(pageRange(0, 24)).toEqual([0, 23]);
    expect(pageRange(2, 10)).toEqual([20, 29]);
  });

  it('a page takes its total from the header, or from its rows without one', () => {
    expect(pageOf(['a', 'b'], 'products 10-11/40')).toEqual({ items: ['a', 'b'], total: 40, start: 10, end: 11 });
    expect(pageOf(['a'], null)).toEqual({ items: ['a'], total: 1, start: 0, end: 0 });
  });
});
