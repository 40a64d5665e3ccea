// The stock count screen's sheet: scans, typed counts, the body sent and the errors read back.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Product } from '../types';
import {
  MAX_COUNT_LINES,
  addScan,
  countedVariantsOf,
  differenceOf,
  emptySheet,
  isFull,
  lineErrors,
  removeLine,
  setCounted,
  toCountBody,
  variantWithSku,
} from './countSheet';

const mug = { id: 7, productName: 'Mug', sku: 'MUG-1', attributes: {}, stock: 5 };
const cup = { id: 9, productName: 'Cup', sku: 'CUP-1', attributes: { size: 'S' }, stock: 0 };
const at = new Date('2026-12-07T08:30:00.000Z');

describe('the stock count sheet', () => {
  test('each scan adds one; the last scanned comes first; the first scan starts the count', () => {
    let sheet = addScan(emptySheet, mug, at);
    sheet = addScan(sheet, cup, new Date('2026-12-07T08:31:00.000Z'));
    sheet = addScan(sheet, mug);
    sheet = addScan(sheet, mug);
    assert.equal(sheet.startedAt, '2026-12-07T08:30:00.000Z');
    assert.deepEqual(
      sheet.lines.map((l) => [l.variant.sku, l.counted]),
      [
        ['MUG-1', 3],
        ['CUP-1', 1],
      ],
    );
    assert.equal(differenceOf(sheet.lines[0]), -2);
    assert.equal(differenceOf(sheet.lines[1]), 1);
  });

  test('typed counts must be whole and not negative; removing the last line forgets the start', () => {
    let sheet = addScan(emptySheet, mug, at);
    assert.equal(setCounted(sheet, 7, 12).lines[0].counted, 12);
    assert.equal(setCounted(sheet, 7, -1), sheet);
    assert.equal(setCounted(sheet, 7, 1.5), sheet);
    sheet = removeLine(sheet, 7);
    assert.deepEqual(sheet, emptySheet);
  });

  test('the body lists the lines in scanning order with the start; errors come back to their lines', () => {
    let sheet = addScan(emptySheet, mug, at);
    sheet = addScan(sheet, cup);
    assert.deepEqual(toCountBody(sheet, '  Aisle 3 '), {
      note: 'Aisle 3',
      startedAt: '2026-12-07T08:30:00.000Z',
      lines: [
        { variantId: 7, counted: 1 },
        { variantId: 9, counted: 1 },
      ],
    });
    assert.deepEqual(toCountBody(emptySheet, ' '), { lines: [] });
    assert.deepEqual([...lineErrors(sheet, { 'lines.1.counted': 'count it again', note: 'x' })], [[9, 'count it again']]);
  });

  test('a full sheet takes more of the variants it has, and no new one', () => {
    let sheet = emptySheet;
    for (let id = 1; id <= MAX_COUNT_LINES; id++) sheet = addScan(sheet, { ...mug, id, sku: `S-${id}` }, at);
    assert.equal(isFull(sheet, 1), false);
    assert.equal(isFull(sheet, MAX_COUNT_LINES + 1), true);
    assert.equal(isFull(emptySheet, 1), false);
  });

  test('a scanned SKU matches exactly, whatever its case', () => {
    const found = [{ sku: 'MUG-10' }, { sku: 'mug-1' }];
    assert.equal(variantWithSku(found, ' MUG-1 ')?.sku, 'mug-1');
    assert.equal(variantWithSku(found, 'MUG'), undefined);
  });
});

describe('the variants a SKU search finds', () => {
  test('each variant is counted with its own picture, else the product’s first, else none', () => {
    const image = (id: number) => ({ id, thumbnailUrl: `/media/${id}-thumb.webp` });
    const product = {
      id: 3,
      name: 'Mug',
      images: [image(11), image(12)],
      variants: [
        { id: 7, sku: 'MUG-RED', attributes: { color: 'red' }, stock: 5, imageId: 12 },
        { id: 8, sku: 'MUG-BLUE', attributes: { color: 'blue' }, stock: 0, imageId: null },
      ],
    } as unknown as Product;
    assert.deepEqual(
      countedVariantsOf(product).map((v) => [v.id, v.productName, v.sku, v.stock, v.thumbnailUrl]),
      [
        [7, 'Mug', 'MUG-RED', 5, '/media/12-thumb.webp'],
        [8, 'Mug', 'MUG-BLUE', 0, '/media/11-thumb.webp'],
      ],
    );
    assert.equal(
      countedVariantsOf({ ...product, images: [] }).every((v) => v.thumbnailUrl === null),
      true,
    );
  });
});
