// The sales, purchasing and in-store screens' pure logic, in Node (no browser): the live totals
// preview against the API's own rounding (libs/core money.ts), form values → API bodies, error
// re-addressing and the order status moves. esbuild bundles the TypeScript modules on the fly.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import fc from 'fast-check';
import { repoRoot } from '../support/api-process.js';

const src = join(repoRoot, 'apps/admin/src');

describe('sales logic of the admin SPA', () => {
  let dir;
  let m;

  before(async () => {
    const entry = `
      export * as totals from ${JSON.stringify(join(src, 'common-sales/totals.ts'))};
      export * as saleForm from ${JSON.stringify(join(src, 'offline-sales/saleForm.ts'))};
      export * as purchaseForm from ${JSON.stringify(join(src, 'purchases/purchaseForm.ts'))};
      export * as orderStatus from ${JSON.stringify(join(src, 'orders/orderStatus.ts'))};
      export * as apiMoney from ${JSON.stringify(join(repoRoot, 'libs/core/src/money.ts'))};
    `;
    const result = await build({
      stdin: { contents: entry, resolveDir: src, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      tsconfig: join(repoRoot, 'apps/admin/tsconfig.json'),
    });
    dir = await mkdtemp(join(tmpdir(), 'chance-sales-logic-'));
    const file = join(dir, 'sales-logic.mjs');
    await writeFile(file, result.outputFiles[0].contents);
    m = await import(pathToFileURL(file).href);
  });

  after(() => rm(dir, { recursive: true, force: true }));

  test('roundHalfUp rounds exactly like the API, halves away from zero', () => {
    const { roundHalfUp } = m.apiMoney; // the SPA's totals use the API's own
    assert.equal(roundHalfUp(5235, 1000), 5);
    assert.equal(roundHalfUp(52350, 10_000), 5);
    assert.equal(roundHalfUp(5_235_000, 1_000_000), 5);
    assert.equal(roundHalfUp(15, 10), 2);
    assert.equal(roundHalfUp(-15, 10), -2);
    assert.equal(roundHalfUp(14, 10), 1);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        assert.equal(roundHalfUp(n, d), m.apiMoney.roundHalfUp(n, d));
      }),
    );
  });

  test('the sale preview computes tax on (subtotal − discount) at the store rate, like the API', () => {
    const { saleTotals } = m.totals;
    // 3 × 12.50 − 2.60 = 34.90; 15 % = 5.235 → 5.24
    assert.deepEqual(saleTotals([{ quantity: 3, unitPrice: 1250 }], 260, 1500), {
      subtotal: 3750,
      discount: 260,
      taxTotal: 524,
      total: 4014,
      incomplete: 0,
    });
    // Incomplete lines (no price yet, typed text) are left out and counted.
    assert.deepEqual(saleTotals([{ quantity: 2, unitPrice: 500 }, { quantity: 1 }, { quantity: 1, unitPrice: '1.' }], null, 0), {
      subtotal: 1000,
      discount: 0,
      taxTotal: 0,
      total: 1000,
      incomplete: 2,
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 500 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (lines, discountSeed, taxRateBps) => {
          const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
          const discount = Math.min(discountSeed, subtotal);
          const totals = saleTotals(lines, discount, taxRateBps);
          const tax = m.apiMoney.applyBasisPoints(subtotal - discount, taxRateBps);
          assert.equal(totals.subtotal, subtotal);
          assert.equal(totals.taxTotal, tax);
          assert.equal(totals.total, subtotal - discount + tax);
        },
      ),
    );
  });

  test('the purchase preview adds the bill’s shipping and tax to Σ quantity × unit cost', () => {
    const { purchaseTotals } = m.totals;
    assert.deepEqual(
      purchaseTotals(
        [
          { quantity: 6, unitCost: 1250 },
          { quantity: 3, unitCost: 1800 },
        ],
        450,
        200,
      ),
      { subtotal: 12900, shippingCost: 450, taxTotal: 200, total: 13550, incomplete: 0 },
    );
  });

  test('a sale body carries only what the API accepts', () => {
    const body = m.saleForm.toSaleBody({
      customerId: 4,
      lines: [{ variantId: 7, quantity: 2, unitPrice: 1250, productName: 'Mug', sku: 'MUG', attributes: {}, stock: 9 }],
      discount: 0,
      paidAmount: null,
      paymentMethod: 'card',
    });
    assert.deepEqual(body, { customerId: 4, lines: [{ variantId: 7, quantity: 2, unitPrice: 1250 }] });
    assert.deepEqual(m.saleForm.toSaleBody({ customerId: 4, lines: [{ variantId: 7, quantity: 1, unitPrice: 100 }], discount: 10, paidAmount: 50 }), {
      customerId: 4,
      lines: [{ variantId: 7, quantity: 1, unitPrice: 100 }],
      discount: 10,
      paidAmount: 50,
      paymentMethod: 'cash',
    });
  });

  test('an OUT_OF_STOCK answer lands under the quantity of the line with that variant', () => {
    const errors = m.saleForm.saleFormErrors(
      { 'variant.9': 'only 1 in stock', root: { serverError: 'Only 1 in stock for variant 9' } },
      { lines: [{ variantId: 7 }, { variantId: 9, productName: 'Enamel mug', sku: 'MUG-RED' }] },
    );
    assert.deepEqual(errors, {
      'lines.1.quantity': 'Only 1 in stock',
      root: { serverError: 'Not enough stock. Enamel mug — MUG-RED: only 1 in stock.' },
    });
    assert.deepEqual(m.saleForm.saleFormErrors({ 'lines.0.quantity': 'must not be less than 1' }, { lines: [{}] }), {
      'lines.0.quantity': 'must not be less than 1',
    });
  });

  test('purchase bodies: create takes the editable fields, update sends lines only when a line changed', () => {
    const values = {
      supplierId: 3,
      status: 'ordered',
      lines: [{ variantId: 5, quantity: 2, unitCost: 700, productName: 'Shelf', sku: 'S', attributes: {}, id: 11, lineTotal: 1400 }],
      shippingCost: null,
      taxTotal: 90,
      notes: ' back door ',
    };
    assert.deepEqual(m.purchaseForm.toCreateBody(values), {
      supplierId: 3,
      status: 'ordered',
      lines: [{ variantId: 5, quantity: 2, unitCost: 700 }],
      shippingCost: 0,
      taxTotal: 90,
      notes: 'back door',
    });
    const previous = {
      status: 'ordered',
      lines: [{ id: 11, variantId: 5, quantity: 2, unitCost: 700, productName: 'Shelf', sku: 'S', attributes: {}, lineTotal: 1400 }],
    };
    assert.equal(m.purchaseForm.toUpdateBody(values, previous).lines, undefined, 'unchanged lines are not sent');
    assert.equal(m.purchaseForm.toUpdateBody(values, previous).status, undefined, 'status changes only from draft');
    const changed = m.purchaseForm.toUpdateBody({ ...values, lines: [{ ...values.lines[0], quantity: 3 }] }, previous);
    assert.deepEqual(changed.lines, [{ variantId: 5, quantity: 3, unitCost: 700 }]);
    assert.equal(m.purchaseForm.toUpdateBody(values, { ...previous, status: 'draft' }).status, 'ordered');
  });

  test('orders offer only the moves the API allows', () => {
    const { nextStatuses, canCancel, canTakePayment } = m.orderStatus;
    assert.deepEqual(nextStatuses('pending'), ['processing']);
    assert.deepEqual(nextStatuses('processing'), ['shipped']);
    assert.deepEqual(nextStatuses('shipped'), ['delivered']);
    assert.deepEqual(nextStatuses('delivered'), []);
    assert.deepEqual(nextStatuses('cancelled'), []);
    assert.equal(canCancel({ status: 'processing' }), true);
    assert.equal(canCancel({ status: 'shipped' }), false);
    assert.equal(canTakePayment({ status: 'cancelled', balanceDue: 100 }), false);
    assert.equal(canTakePayment({ status: 'shipped', balanceDue: 0 }), false);
    assert.equal(canTakePayment({ status: 'pending', balanceDue: 1 }), true);
  });
});
