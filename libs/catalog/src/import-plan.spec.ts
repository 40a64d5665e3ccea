import fc from 'fast-check';
import { planImport, type CatalogState, type ExistingProduct, type ExistingVariant } from './import-plan.js';
import type { ImportRow } from './product-csv.js';

function stateOf(products: ExistingProduct[], categories: { id: number; name: string }[]): CatalogState {
  const group = <T>(items: T[], key: (t: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  return {
    variantsBySku: new Map(products.flatMap((p) => p.variants).map((v) => [v.sku.toLowerCase(), v])),
    products: new Map(products.map((p) => [p.id, p])),
    productIdsByName: new Map([...group(products, (p) => p.name.toLowerCase())].map(([k, ps]) => [k, ps.map((p) => p.id)])),
    categoriesByName: group(categories, (c) => c.name.toLowerCase()),
  };
}

const variant = (over: Partial<ExistingVariant> & { id: number; productId: number; sku: string }): ExistingVariant => ({
  attributes: {},
  price: null,
  costPrice: null,
  stock: 0,
  position: 0,
  ...over,
});

const mug: ExistingProduct = {
  id: 10,
  name: 'Mug',
  categoryId: 1,
  description: 'A mug',
  price: 1000,
  costPrice: 400,
  shippingCost: 200,
  estimatedDeliveryDays: 3,
  isActive: true,
  variants: [
    variant({ id: 100, productId: 10, sku: 'MUG-S', attributes: { size: 'S' }, stock: 5, position: 0 }),
    variant({ id: 101, productId: 10, sku: 'MUG-L', attributes: { size: 'L' }, price: 1200, stock: 2, position: 1 }),
  ],
};
const categories = [
  { id: 1, name: 'Kitchen' },
  { id: 2, name: 'Garden' },
];

/** The rows the export writes for a product (effective prices, all product fields). */
const exported = (p: ExistingProduct, firstLine = 2): ImportRow[] =>
  p.variants.map((v, i) => ({
    row: firstLine + i,
    sku: v.sku,
    product: p.name,
    category: categories.find((c) => c.id === p.categoryId)!.name,
    description: p.description,
    price: v.price ?? p.price,
    costPrice: v.costPrice ?? p.costPrice,
    shippingCost: p.shippingCost,
    estimatedDeliveryDays: p.estimatedDeliveryDays,
    isActive: p.isActive,
    stock: v.stock,
    attributes: v.attributes,
  }));

const nothingWritten = {
  newCategories: [],
  newProducts: [],
  productUpdates: [],
  newVariants: [],
  variantUpdates: [],
  stockLevels: [],
  editedProducts: [],
  priceDrops: [],
};

describe('planImport', () => {
  it('leaves an exported catalog unchanged and writes nothing', () => {
    const plan = planImport(exported(mug), stateOf([mug], categories));
    expect(plan).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [], ...nothingWritten });
  });

  it('creates a product with its variants, its category, own prices only where they differ, and opening stock', () => {
    const rows: ImportRow[] = [
      { row: 2, sku: 'HOSE-10', product: 'Hose', category: 'Outdoor', price: 2500, costPrice: 900, stock: 4, attributes: { length: '10m' } },
      { row: 3, sku: 'HOSE-20', product: 'Hose', category: 'outdoor', price: 3500, stock: 0, attributes: { length: '20m' } },
    ];
    const plan = planImport(rows, stateOf([mug], categories));
    expect(plan.errors).toEqual([]);
    expect([plan.created, plan.updated, plan.unchanged]).toEqual([2, 0, 0]);
    expect(plan.newCategories).toEqual([{ key: 'outdoor', name: 'Outdoor' }]);
    expect(plan.newProducts).toEqual([
      {
        key: 'nhose',
        name: 'Hose',
        category: { key: 'outdoor' },
        description: '',
        price: 2500,
        costPrice: 900,
        shippingCost: 0,
        estimatedDeliveryDays: 3,
        isActive: true,
      },
    ]);
    expect(plan.newVariants).toEqual([
      { product: { key: 'nhose' }, sku: 'HOSE-10', attributes: { length: '10m' }, price: null, costPrice: null, position: 0, stock: 4 },
      { product: { key: 'nhose' }, sku: 'HOSE-20', attributes: { length: '20m' }, price: 3500, costPrice: null, position: 1, stock: 0 },
    ]);
  });

  it('updates by SKU: a new price, a stock level, a product field; a new SKU of a known product name joins it', () => {
    const rows: ImportRow[] = [
      { row: 2, sku: 'mug-s', product: 'Mug', category: 'Kitchen', price: 1100, stock: 5 },
      { row: 3, sku: 'MUG-L', product: 'Mug', category: 'Kitchen', price: 1200, stock: 9, shippingCost: 250 },
      { row: 4, sku: 'MUG-XL', product: 'Mug', category: 'Kitchen', price: 1400 },
    ];
    const plan = planImport(rows, stateOf([mug], categories));
    expect(plan.errors).toEqual([]);
    expect([plan.created, plan.updated, plan.unchanged]).toEqual([1, 2, 0]);
    // the product's price follows its first variant; MUG-L keeps an own price, MUG-S inherits
    expect(plan.productUpdates).toEqual([
      {
        id: 10,
        name: 'Mug',
        category: { id: 1 },
        description: 'A mug',
        price: 1100,
        costPrice: 400,
        shippingCost: 250,
        estimatedDeliveryDays: 3,
        isActive: true,
      },
    ]);
    expect(plan.variantUpdates).toEqual([]);
    expect(plan.newVariants).toEqual([{ product: { id: 10 }, sku: 'MUG-XL', attributes: {}, price: 1400, costPrice: null, position: 2, stock: 0 }]);
    expect(plan.stockLevels).toEqual([{ variantId: 101, stock: 9 }]);
    // MUG-L went from 1200 to 1200: no drop; MUG-S from 1000 to 1100: a rise
    expect(plan.priceDrops).toEqual([]);
    expect(plan.editedProducts).toEqual([10]);
  });

  it('names every variant whose effective price goes down, and a stock change alone is no edit', () => {
    const cheaper = exported(mug).map((r) => (r.sku === 'MUG-L' ? { ...r, price: 900 } : r));
    expect(planImport(cheaper, stateOf([mug], categories)).priceDrops).toEqual([{ productId: 10, variantId: 101, oldPrice: 1200, newPrice: 900 }]);
    const restocked = exported(mug).map((r) => ({ ...r, stock: 40 }));
    const plan = planImport(restocked, stateOf([mug], categories));
    expect([plan.editedProducts, plan.updated, plan.stockLevels.length]).toEqual([[], 2, 2]);
  });

  it('refuses repeated SKUs, disagreeing rows of a product and ambiguous names, by row and column', () => {
    const twin: ExistingProduct = { ...mug, id: 11, variants: [variant({ id: 110, productId: 11, sku: 'TWIN-1' })] };
    const rows: ImportRow[] = [
      { row: 2, sku: 'NEW-1', product: 'Lamp', category: 'Kitchen', price: 100, isActive: true },
      { row: 3, sku: 'new-1', product: 'Lamp', category: 'Kitchen', price: 100 },
      { row: 4, sku: 'NEW-2', product: 'Lamp', category: 'Garden', price: 100, isActive: false },
      { row: 5, sku: 'NEW-3', product: 'Mug', category: 'Kitchen', price: 100 },
    ];
    const plan = planImport(rows, stateOf([mug, twin], categories));
    expect(plan.errors).toEqual([
      { row: 3, column: 'sku', message: 'repeats the SKU of row 2' },
      { row: 4, column: 'category', message: 'differs from row 2 of the same product' },
      { row: 4, column: 'isActive', message: 'differs from row 2 of the same product' },
      { row: 5, column: 'product', message: expect.stringContaining('is the name of 2 products') },
    ]);
  });

  it('counts every row once, and an export of any catalog re-imports unchanged', () => {
    const products = fc
      .array(
        fc.record({
          price: fc.nat(100_000),
          costPrice: fc.nat(100_000),
          variants: fc.array(fc.record({ price: fc.option(fc.nat(100_000)), costPrice: fc.option(fc.nat(100_000)), stock: fc.nat(50) }), {
            minLength: 1,
            maxLength: 4,
          }),
          isActive: fc.boolean(),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((list) =>
        list.map((p, i): ExistingProduct => ({
          id: i + 1,
          name: `Product ${i}`,
          categoryId: 1 + (i % 2),
          description: i % 3 === 0 ? '' : `About ${i}`,
          price: p.price,
          costPrice: p.costPrice,
          shippingCost: i,
          estimatedDeliveryDays: i % 7,
          isActive: p.isActive,
          variants: p.variants.map((v, j) => variant({ id: (i + 1) * 10 + j, productId: i + 1, sku: `P${i}-V${j}`, position: j, ...v })),
        })),
      );
    fc.assert(
      fc.property(products, (catalog) => {
        const state = stateOf(catalog, categories);
        const rows = catalog.flatMap((p) => exported(p));
        const plan = planImport(rows, state);
        expect(plan).toEqual({ created: 0, updated: 0, unchanged: rows.length, errors: [], ...nothingWritten });
      }),
    );
  });

  it('after a price change, every variant keeps its effective price unless its row changed it', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(1), (newPrice, which) => {
        const rows = exported(mug).map((r, i) => (i === which ? { ...r, price: newPrice } : r));
        const plan = planImport(rows, stateOf([mug], categories));
        const productPrice = plan.productUpdates[0]?.price ?? mug.price;
        const ownAfter = new Map(mug.variants.map((v) => [v.id, v.price]));
        for (const u of plan.variantUpdates) ownAfter.set(u.id, u.price);
        mug.variants.forEach((v, i) => expect(ownAfter.get(v.id) ?? productPrice).toBe(rows[i].price));
        expect(plan.created + plan.updated + plan.unchanged).toBe(rows.length);
      }),
    );
  });
});
