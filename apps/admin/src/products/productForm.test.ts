// The product form's values and the API's bodies: own prices (null = the product's), attributes as
// a map in the API and rows in the form, no stock on update, variants sent only when changed.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { changedFields } from '../providers/changes';
import type { Product } from '../types';
import {
  attributesToRows,
  newProductDefaults,
  rowsToAttributes,
  toCreateBody,
  toProductFormValues,
  toUpdateBody,
  type AttributeRow,
  type ProductFormValues,
} from './productForm';

const storedProduct = (): Product => ({
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
    {
      id: 11,
      sku: 'LIN-M',
      attributes: { size: 'M' },
      price: 1999,
      costPrice: 850,
      ownPrice: null,
      ownCostPrice: null,
      stock: 5,
      lowStock: true,
      imageId: null,
    },
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
      imageId: null,
    },
  ],
  images: [],
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
});

describe('product form values and API bodies', () => {
  test('attributes: a map in the API, a list of rows in the form; empty names dropped, text trimmed', () => {
    assert.deepEqual(attributesToRows({ size: 'M', color: 'red' }), [
      { key: 'size', value: 'M' },
      { key: 'color', value: 'red' },
    ]);
    assert.deepEqual(attributesToRows(null), []);
    assert.deepEqual(rowsToAttributes([{ key: ' size ', value: ' M ' }, { key: '', value: 'lost' }, { key: 'ram' }, null] as Partial<AttributeRow>[]), {
      size: 'M',
      ram: '',
    });
    assert.deepEqual(rowsToAttributes(attributesToRows({ a: '1', b: '2' })), { a: '1', b: '2' });
  });

  test('the edit form holds own prices (null = inherited), attribute rows and the current stock', () => {
    const values = toProductFormValues(storedProduct());
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

  test('a new product starts without a cost price, so the form asks for one instead of saving 0', () => {
    const defaults = newProductDefaults();
    assert.equal(defaults.costPrice, null);
    // the other amounts keep their everyday defaults
    assert.deepEqual([defaults.shippingCost, defaults.estimatedDeliveryDays, defaults.isActive], [0, 3, true]);
  });

  test('create: opening stock per variant, own prices or null, an empty slug left to the API', () => {
    // An emptied input holds null (react-admin), where the form's types say string.
    const body = toCreateBody({
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
    } as unknown as Partial<ProductFormValues>);
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
    const stored = storedProduct();
    const values = { ...toProductFormValues(stored), name: 'Linen shirt, short sleeves' };
    const body = toUpdateBody(values, stored);
    assert.equal('variants' in body, false);
    assert.deepEqual(changedFields(body, stored), { name: 'Linen shirt, short sleeves' });
  });

  test('update: a changed variant sends the full list, with own prices and never stock or read-only fields', () => {
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
    assert.deepEqual(Object.keys(changedFields(body, stored)), ['variants']);
  });

  test('update: removing a variant sends the remaining ones', () => {
    const stored = storedProduct();
    const values = toProductFormValues(stored);
    values.variants.splice(0, 1);
    assert.deepEqual(
      toUpdateBody(values, stored).variants!.map((v) => v.id),
      [12],
    );
  });
});
