import { runCli } from './support/api-process.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  token = await api.login(ADMIN.email, ADMIN.password);
  await api.request('PUT', '/api/admin/settings', { token, body: { taxRateBps: 1750 } });
  const { variantIds } = await productWithStock(api, token, { name: 'Checked', price: 1333, costPrice: 500, shippingCost: 99, stock: 40 });
  await api.request('POST', '/api/admin/coupons', { token, body: { code: 'CHECK5', discountType: 'percentage', discountValue: 500, usageLimit: 10 } });
  const orders = [];
  for (let i = 0; i < 4; i++)
    orders.push((await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: i + 1 }], i % 2 ? 'CHECK5' : undefined))).body);
  await api.request('POST', `/api/admin/orders/${orders[0].id}/payments`, { token, body: { amount: 100, method: 'cash' } });
  await api.request('POST', `/api/admin/orders/${orders[1].id}/mark-paid`, { token, body: {} });
  await api.request('POST', `/api/admin/orders/${orders[2].id}/payments`, { token, body: { amount: 500, method: 'card' } });
  await api.request('POST', `/api/admin/orders/${orders[2].id}/cancel`, { token });
  const customer = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Checker', phone: '123456' } })).body;
  const sale = (
    await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId: customer.id, lines: [{ variantId: variantIds[0], quantity: 2 }], discount: 33, paidAmount: 1000 },
    })
  ).body;
  await api.request('POST', `/api/admin/offline-sales/${sale.id}/payments`, { token, body: { amount: 200, method: 'cash' } });
  const supplier = (await api.request('POST', '/api/admin/suppliers', { token, body: { name: 'Checks Ltd' } })).body;
  const purchase = (
    await api.request('POST', '/api/admin/purchases', {
      token,
      body: { supplierId: supplier.id, lines: [{ variantId: variantIds[0], quantity: 5, unitCost: 480 }] },
    })
  ).body;
  await api.request('POST', `/api/admin/purchases/${purchase.id}/receive`, { token });
});
afterAll(() => api.close());

describe('invariant checker', () => {
  it('finds every invariant holding after a mix of sales, payments, cancellations and receipts', async () => {
    await expectIntegrity(api);
  });

  it('keeps each order’s and sale’s cost of goods from the cost snapshots, and flags one that differs', async () => {
    // cost 5.00 a unit: the four orders took 1, 2, 3 and 4 units, the sale 2
    const orders = (await api.db.pool.query('SELECT number, cost_of_goods::int AS cost FROM orders ORDER BY id')).rows;
    expect(orders.map((o) => o.cost)).toEqual([500, 1000, 1500, 2000]);
    const [sale] = (await api.db.pool.query('SELECT number, cost_of_goods::int AS cost FROM offline_sales')).rows;
    expect(sale.cost).toBe(1000);

    await api.db.pool.query('UPDATE orders SET cost_of_goods = cost_of_goods + 1 WHERE number = $1', [orders[1].number]);
    await api.db.pool.query('UPDATE offline_sales SET cost_of_goods = 0 WHERE number = $1', [sale.number]);
    const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
    const broken = Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    expect(broken).toEqual({ 'order-totals': [orders[1].number], 'offline-sale-payments': [sale.number] });
    await api.db.pool.query('UPDATE orders SET cost_of_goods = cost_of_goods - 1 WHERE number = $1', [orders[1].number]);
    await api.db.pool.query('UPDATE offline_sales SET cost_of_goods = 1000 WHERE number = $1', [sale.number]);
    await expectIntegrity(api);
  });

  it('flags a day whose revenue ledger differs from its orders', async () => {
    const [{ id }] = (
      await api.db.pool.query(
        `INSERT INTO revenue_changes (day, channel, revenue, records, gross_profit) VALUES ('2026-01-02', 'online', 100, 0, 0) RETURNING id`,
      )
    ).rows;
    const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
    const broken = Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    expect(broken).toEqual({ 'revenue-days': ['online 2026-01-02'] });
    await api.db.pool.query('DELETE FROM revenue_changes WHERE id = $1', [id]);
    await expectIntegrity(api);
  });

  it('flags a customer whose maintained figures differ from the records they sum', async () => {
    const customer = await api.registerCustomer('figures@example.com');
    const shopper = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Figured', phone: '555-0404' } })).body;
    await api.request('POST', '/api/admin/offline-sales', {
      token,
      body: { customerId: shopper.id, lines: [{ variantId: (await api.db.pool.query('SELECT id FROM variants LIMIT 1')).rows[0].id, quantity: 1 }] },
    });
    expect((await api.request('PUT', `/api/admin/offline-customers/${shopper.id}`, { token, body: { userId: customer.id } })).status).toBe(200);
    await expectIntegrity(api);
    const broken = async () => {
      const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
      return Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    };
    await api.db.pool.query('UPDATE customer_accounts SET lifetime_value = lifetime_value + 1 WHERE user_id = $1', [customer.id]);
    expect(await broken()).toEqual({ 'customer-figures': [customer.email] });
    await api.db.pool.query('UPDATE customer_accounts SET outstanding_balance = 0, offline_customer_id = NULL WHERE user_id = $1', [customer.id]);
    expect(await broken()).toEqual({ 'customer-figures': [customer.email] });
    // the repair of docs/operations.md sums them again from the records
    await api.db.pool.query('SELECT recompute_customer_account($1)', [customer.id]);
    await expectIntegrity(api);
    // a sale's figures changed behind the triggers' back are flagged too
    await api.db.pool.query('ALTER TABLE offline_sales DISABLE TRIGGER offline_sales_customer_figures');
    try {
      await api.db.pool.query(`UPDATE customer_accounts a SET outstanding_balance = s.total FROM offline_sales s WHERE a.user_id = $1 AND s.customer_id = $2`, [
        customer.id,
        shopper.id,
      ]);
      await expectIntegrity(api);
      await api.db.pool.query('UPDATE offline_sales SET paid_amount = 1 WHERE customer_id = $1', [shopper.id]);
      expect((await broken())['customer-figures']).toEqual([customer.email]);
      await api.db.pool.query('UPDATE offline_sales SET paid_amount = 0 WHERE customer_id = $1', [shopper.id]);
    } finally {
      await api.db.pool.query('ALTER TABLE offline_sales ENABLE TRIGGER offline_sales_customer_figures');
    }
    await expectIntegrity(api);
  });

  describe('card payments', () => {
    const broken = async () => {
      const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
      return Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    };
    // orders[0] is partially paid (1.00 in cash)
    const partlyPaid = async () =>
      (await api.db.pool.query(`SELECT id, number, total FROM orders WHERE payment_status = 'partially_paid' ORDER BY id LIMIT 1`)).rows[0];
    const pendingPayment = async (order: { id: number }, amount: number, age: string) =>
      (
        await api.db.pool.query(
          `INSERT INTO payments (order_id, amount, method, status, provider_key, request_key, next_check_at, created_at)
           VALUES ($1, $2, 'card', 'pending', gen_random_uuid()::text, gen_random_uuid()::text, now(), now() - $3::interval) RETURNING id`,
          [order.id, amount, age],
        )
      ).rows[0].id;

    it('flags a card payment left pending for more than an hour', async () => {
      const order = await partlyPaid();
      const recent = await pendingPayment(order, 10, '5 minutes');
      expect(await broken()).toEqual({});
      const old = await pendingPayment(order, 10, '2 hours');
      expect(await broken()).toEqual({ 'card-payments-settled': [`payment ${old} (${order.number})`] });
      await api.db.pool.query('DELETE FROM payments WHERE id = ANY($1)', [[recent, old]]);
      await expectIntegrity(api);
    });

    it('flags an order whose pending card payment exceeds its balance', async () => {
      const order = await partlyPaid();
      const id = await pendingPayment(order, order.total, '1 minute');
      expect(await broken()).toEqual({ 'order-payments': [order.number] });
      await api.db.pool.query('DELETE FROM payments WHERE id = $1', [id]);
      await expectIntegrity(api);
    });

    it('flags a paid amount that is not the sum of the succeeded and refunded payments', async () => {
      const order = await partlyPaid();
      await api.db.pool.query(`UPDATE payments SET status = 'failed' WHERE order_id = $1`, [order.id]);
      expect(await broken()).toEqual({ 'order-payments': [order.number] });
      await api.db.pool.query(`UPDATE payments SET status = 'succeeded' WHERE order_id = $1`, [order.id]);
      await expectIntegrity(api);
    });

    it('flags a settled card payment whose Idempotency-Key was left in progress, and a charged one without the provider’s reference', async () => {
      const order = await partlyPaid();
      const id = await pendingPayment(order, 10, '1 minute');
      const [{ request_key: key }] = (await api.db.pool.query(`UPDATE payments SET status = 'failed' WHERE id = $1 RETURNING request_key`, [id])).rows;
      await api.db.pool.query('INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)', [`order-payment:${order.id}`, key, 'h']);
      expect(await broken()).toEqual({ 'card-payments-settled': [`payment ${id} (${order.number})`] });
      await api.db.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [`order-payment:${order.id}`, key]);
      await api.db.pool.query('DELETE FROM payments WHERE id = $1', [id]);

      const [cash] = (await api.db.pool.query(`UPDATE payments SET provider_key = 'pay_forged' WHERE order_id = $1 RETURNING id`, [order.id])).rows;
      expect(await broken()).toEqual({ 'card-payments-settled': [`payment ${cash.id} (${order.number})`] });
      await api.db.pool.query(`UPDATE payments SET provider_key = NULL WHERE id = $1`, [cash.id]);
      await expectIntegrity(api);
    });
  });

  describe('refunds, returns and credit notes (docs/api.md#refunds-and-returns)', () => {
    const broken = async () => {
      const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
      return Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    };
    let order: { id: number; number: string; total: number; lines: { id: number }[] };
    let returnId: number;

    beforeAll(async () => {
      const { variantIds } = await productWithStock(api, token, { name: 'Returned', price: 1000, costPrice: 400, stock: 10 });
      order = (await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 2 }]))).body;
      await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token, body: {} });
      const made = (
        await api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] } })
      ).body;
      returnId = made.id;
      await api.request('POST', `/api/admin/returns/${returnId}/receive`, { token, body: {} });
      expect((await api.request('POST', `/api/admin/returns/${returnId}/refund`, { token, body: {} })).body.status).toBe('refunded');
      expect((await api.request('POST', `/api/admin/orders/${order.id}/refunds`, { token, body: { amount: 100, reason: 'Goodwill' } })).status).toBe(201);
    });

    it('holds after returns and refunds', () => expectIntegrity(api));

    it('flags a record with more refunded (or being refunded) than was paid', async () => {
      const [{ id }] = (
        await api.db.pool.query(
          `INSERT INTO refunds (number, order_id, record_number, kind, draws, amount, method, via_provider, charge_reference, reason, status, credit_note,
                                provider_key, next_check_at)
           VALUES ('RF-999999', $1, $2, 'direct', '[]', $3, 'card', true, 'forged', 'forged', 'pending', '{}', 'rf_forged', now()) RETURNING id`,
          [order.id, order.number, order.total],
        )
      ).rows;
      expect(await broken()).toEqual({ 'refunds-within-paid': [order.number] });
      await api.db.pool.query('DELETE FROM refunds WHERE id = $1', [id]);
      await expectIntegrity(api);
    });

    it('flags a line with more units in returns than were sold', async () => {
      await api.db.pool.query('UPDATE return_lines SET quantity = quantity + 5 WHERE return_id = $1', [returnId]);
      expect(await broken()).toEqual({ 'returned-within-sold': [`${order.number} line ${order.lines[0].id}`] });
      await api.db.pool.query('UPDATE return_lines SET quantity = quantity - 5 WHERE return_id = $1', [returnId]);
      await expectIntegrity(api);
    });

    it('flags credit notes that do not add up to the record’s succeeded refunds, and a gap in their numbers', async () => {
      const [note] = (await api.db.pool.query('SELECT id, number, total FROM credit_notes WHERE order_id = $1 ORDER BY id LIMIT 1', [order.id])).rows;
      const [refund] = (await api.db.pool.query('SELECT number FROM refunds WHERE credit_note_id = $1', [note.id])).rows;
      await api.db.pool.query('UPDATE credit_notes SET total = total + 1 WHERE id = $1', [note.id]);
      expect(await broken()).toEqual({ 'credit-notes-match-refunds': [order.number, `${refund.number} (${order.number})`] });
      await api.db.pool.query('UPDATE credit_notes SET total = total - 1 WHERE id = $1', [note.id]);

      const year = note.number.slice(3, 7);
      await api.db.pool.query(`UPDATE credit_notes SET number = $2 WHERE id = $1`, [note.id, `CN-${year}-999999`]);
      expect(await broken()).toEqual({ 'credit-note-numbers': [`CN ${year}`] });
      await api.db.pool.query(`UPDATE credit_notes SET number = $2 WHERE id = $1`, [note.id, note.number]);
      await expectIntegrity(api);
    });
  });

  it('names the records that break an invariant, over HTTP and from the command line', async () => {
    const [{ id, sku }] = (await api.db.pool.query('SELECT id, sku FROM variants LIMIT 1')).rows;
    await api.db.pool.query('UPDATE variants SET stock = stock + 1 WHERE id = $1', [id]); // stock typed over, bypassing the ledger
    await api.db.pool.query(`UPDATE coupons SET times_used = times_used + 1 WHERE code = 'CHECK5'`);
    const report = (await api.request('GET', '/api/admin/reports/integrity', { token })).body;
    expect(report.ok).toBe(false);
    const broken = Object.fromEntries(report.checks.filter((c: any) => c.violations > 0).map((c: any) => [c.name, c.examples.map((e: any) => e.record)]));
    expect(broken).toEqual({ 'stock-equals-ledger': [`variant ${id} (${sku})`], 'coupon-usage': ['CHECK5'] });

    const cli = await runCli('check-invariants', [], { DATABASE_URL: api.db.url });
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('VIOLATIONS FOUND');
    expect(cli.output).toContain(`variant ${id} (${sku})`);
    await api.db.pool.query('UPDATE variants SET stock = stock - 1 WHERE id = $1', [id]);
    await api.db.pool.query(`UPDATE coupons SET times_used = times_used - 1 WHERE code = 'CHECK5'`);
    const clean = await runCli('check-invariants', [], { DATABASE_URL: api.db.url });
    expect([clean.code, clean.output]).toEqual([0, expect.stringContaining('all invariants hold')]);
  });
});
