import fc from 'fast-check';
import { exportHeader, guard, readHeader, readRow, unguard, writeRow, type ExportRow } from './product-csv.js';

const HEADER = [
  'sku',
  'product',
  'category',
  'description',
  'price',
  'costPrice',
  'shippingCost',
  'estimatedDeliveryDays',
  'isActive',
  'stock',
  'attribute:size',
];

describe('readHeader', () => {
  it('maps the known columns and the attribute columns', () => {
    const { header, errors } = readHeader(HEADER);
    expect(errors).toEqual([]);
    expect(header!.columns.price).toBe(4);
    expect(header!.attributes).toEqual([{ name: 'size', index: 10 }]);
  });

  it('names unknown, repeated and missing columns on line 1', () => {
    expect(readHeader(['sku', 'product', 'Price', 'sku', 'attribute:']).errors).toEqual([
      { row: 1, column: 'Price', message: expect.stringContaining('is not a known column') },
      { row: 1, column: 'sku', message: 'is repeated' },
      { row: 1, column: 'attribute:', message: expect.stringContaining('names no attribute') },
      { row: 1, column: 'category', message: 'column is missing' },
      { row: 1, column: 'price', message: 'column is missing' },
    ]);
  });
});

describe('readRow', () => {
  const { header } = readHeader(HEADER);
  const cells = (overrides: Record<number, string> = {}) =>
    ['MUG-1', 'Mug', 'Kitchen', 'A mug, "big"', '1999', '800', '300', '2', 'true', '12', 'L'].map((v, i) => overrides[i] ?? v);

  it('types every cell', () => {
    expect(readRow(header!, cells(), 7)).toEqual({
      errors: [],
      row: {
        row: 7,
        sku: 'MUG-1',
        product: 'Mug',
        category: 'Kitchen',
        description: 'A mug, "big"',
        price: 1999,
        costPrice: 800,
        shippingCost: 300,
        estimatedDeliveryDays: 2,
        isActive: true,
        stock: 12,
        attributes: { size: 'L' },
      },
    });
  });

  it('leaves out the optional cells left empty', () => {
    const { row } = readRow(header!, cells({ 5: '', 6: '', 7: ' ', 8: '', 9: '', 10: '' }), 3);
    expect(row).toEqual({ row: 3, sku: 'MUG-1', product: 'Mug', category: 'Kitchen', description: 'A mug, "big"', price: 1999, attributes: {} });
  });

  it('names each bad cell by its column', () => {
    const { row, errors } = readRow(header!, cells({ 0: ' ', 4: '12.50', 5: '-1', 7: '400', 8: 'maybe', 9: '1e3' }), 9);
    expect(row).toBeUndefined();
    expect(errors).toEqual([
      { row: 9, column: 'sku', message: 'is required' },
      { row: 9, column: 'price', message: 'must be a whole number of minor units (1999 for 19.99)' },
      { row: 9, column: 'costPrice', message: 'must be a whole number of minor units (1999 for 19.99)' },
      { row: 9, column: 'estimatedDeliveryDays', message: 'must be at most 365' },
      { row: 9, column: 'stock', message: 'must be a whole number' },
      { row: 9, column: 'isActive', message: 'must be true or false' },
    ]);
    expect(readRow(header!, cells({ 4: '' }), 2).errors).toEqual([{ row: 2, column: 'price', message: 'is required' }]);
    expect(readRow(header!, cells({ 4: '99999999999' }), 2).errors).toEqual([{ row: 2, column: 'price', message: 'must be at most 2000000000' }]);
    expect(readRow(header!, cells().slice(0, 5), 4).errors).toEqual([{ row: 4, column: null, message: 'has 5 cells where the header has 11' }]);
    expect(readRow(header!, cells({ 1: 'Mu\u0000g' }), 5).errors).toEqual([{ row: 5, column: 'product', message: 'must not contain NUL characters' }]);
  });
});

describe('writing and reading back', () => {
  it('guards formula-like text and unguards it', () => {
    expect(guard('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guard('-5% off')).toBe(`'-5% off`);
    expect(guard("'=already")).toBe(`''=already`);
    expect(guard("it's fine")).toBe("it's fine");
    expect(unguard(`'=HYPERLINK("x")`)).toBe('=HYPERLINK("x")');
    expect(unguard("'plain")).toBe("'plain");
  });

  const text = fc.string({ maxLength: 40 }).filter((s) => !s.includes('\u0000'));
  const trimmed = text.map((s) => s.trim()).filter((s) => s.length > 0);
  const exportRow: fc.Arbitrary<ExportRow> = fc.record({
    sku: trimmed,
    product: trimmed,
    category: trimmed,
    description: text,
    price: fc.nat(2_000_000_000),
    costPrice: fc.nat(2_000_000_000),
    shippingCost: fc.nat(2_000_000_000),
    estimatedDeliveryDays: fc.nat(365),
    isActive: fc.boolean(),
    stock: fc.nat(1_000_000_000),
    attributes: fc.dictionary(fc.constantFrom('size', 'color'), trimmed, { maxKeys: 2 }),
  });

  it('reads what it wrote: the same values, whatever the text', () => {
    fc.assert(
      fc.property(exportRow, (written) => {
        const names = ['color', 'size'];
        const { header } = readHeader(exportHeader(names));
        const { row, errors } = readRow(header!, writeRow(written, names), 2);
        expect(errors).toEqual([]);
        expect(row).toEqual({ row: 2, ...written });
      }),
    );
  });
});
