import fc from 'fast-check';
import { effectivePrices, freeSlug, slugify, SLUG, stockSignalPayloads, stockSignals } from './catalog-rules.js';

describe('effectivePrices', () => {
  it('falls back to the product for each price separately', () => {
    expect(effectivePrices({ price: null, costPrice: null }, { price: 1000, costPrice: 600 })).toEqual({ price: 1000, costPrice: 600 });
    expect(effectivePrices({ price: 1200, costPrice: null }, { price: 1000, costPrice: 600 })).toEqual({ price: 1200, costPrice: 600 });
    expect(effectivePrices({ price: 0, costPrice: 0 }, { price: 1000, costPrice: 600 })).toEqual({ price: 0, costPrice: 0 });
  });
});

describe('stockSignals', () => {
  it.each([
    [0, 5, 2, ['back_in_stock']],
    [0, 1, 2, ['back_in_stock']],
    [5, 2, 2, ['low_stock']],
    [5, 0, 2, ['low_stock']],
    [2, 1, 2, []],
    [3, 4, 2, []],
    [3, 3, 2, []],
    [1, 0, 0, ['low_stock']],
  ])('%i → %i with threshold %i signals %j', (before, after, threshold, expected) => {
    expect(stockSignals(before, after, threshold)).toEqual(expected);
  });

  it('signals low stock at most once along any falling path', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }), fc.nat(10), (start, takes, threshold) => {
        let stock = start;
        let lows = 0;
        for (const take of takes) {
          const next = Math.max(0, stock - take);
          lows += stockSignals(stock, next, threshold).filter((s) => s === 'low_stock').length;
          stock = next;
        }
        expect(lows).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('stockSignalPayloads', () => {
  const variant = { variantId: 11, productId: 4, productName: 'Mug', sku: 'MUG-1' };

  it('tells staff of low stock with the product’s name and SKU, and the stock it fell to', () => {
    expect(stockSignalPayloads({ ...variant, before: 5, after: 2, threshold: 2 })).toEqual({
      low: [{ productId: 4, variantId: 11, productName: 'Mug', sku: 'MUG-1', stock: 2, threshold: 2 }],
      back: [],
    });
  });

  it('tells who waits that it is back in stock', () => {
    expect(stockSignalPayloads({ ...variant, before: 0, after: 7, threshold: 2 })).toEqual({
      low: [],
      back: [{ productId: 4, variantId: 11, reason: 'back_in_stock', stock: 7, threshold: 2 }],
    });
  });

  it('raises one payload per signal, of its kind, and nothing else', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(10), (before, after, threshold) => {
        const signals = stockSignals(before, after, threshold);
        const { low, back } = stockSignalPayloads({ ...variant, before, after, threshold });
        expect(low).toHaveLength(signals.filter((s) => s === 'low_stock').length);
        expect(back).toHaveLength(signals.filter((s) => s === 'back_in_stock').length);
        for (const payload of [...low, ...back]) expect(payload).toMatchObject({ productId: 4, variantId: 11, stock: after, threshold });
      }),
    );
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify("Men's Shirt — Blue/XL")).toBe('men-s-shirt-blue-xl');
    expect(slugify('Crème Brûlée')).toBe('creme-brulee');
    expect(slugify('***')).toBe('item');
  });
  it('always matches the slug pattern', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(slugify(s)).toMatch(SLUG)));
  });
});

describe('freeSlug', () => {
  it('takes the base, then numbers it, never handing one out twice', () => {
    const taken = new Set(['mug', 'mug-2']);
    expect(freeSlug('mug', taken)).toBe('mug-3');
    expect(freeSlug('mug', taken)).toBe('mug-4');
    expect(freeSlug('cup', taken)).toBe('cup');
    expect(freeSlug('cup', taken)).toBe('cup-2');
  });

  it('always yields a valid, unused slug of at most 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 40 }), (names) => {
        const taken = new Set<string>();
        const slugs = names.map((name) => freeSlug(slugify(name), taken));
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) {
          expect(slug).toMatch(SLUG);
          expect(slug.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
