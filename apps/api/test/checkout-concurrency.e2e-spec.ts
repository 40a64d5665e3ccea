import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';
import { guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { eventually } from './support/eventually.js';

// Real parallel HTTP requests against one API and one PostgreSQL; assertions on the final rows.
let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
});
afterAll(() => api.close());

it('40 simultaneous checkouts for 7 units give exactly 7 orders and stock 0', async () => {
  const { variantIds } = await productWithStock(api, token, { name: 'Hot Item', price: 1000, stock: 7 });
  const carts = await Promise.all(Array.from({ length: 40 }, () => guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }])));
  const replies = await Promise.all(carts.map((cart) => guestCheckout(api, cart)));
  expect(replies.filter((r) => r.status === 201)).toHaveLength(7);
  expect(replies.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'OUT_OF_STOCK')).toBe(true);
  const { rows } = await api.db.pool.query(
    `SELECT v.stock, (SELECT count(*)::int FROM order_lines WHERE variant_id = v.id) AS lines,
            (SELECT sum(delta)::int FROM stock_movements WHERE variant_id = v.id) AS ledger FROM variants v WHERE v.id = $1`,
    [variantIds[0]],
  );
  expect(rows[0]).toEqual({ stock: 0, lines: 7, ledger: 0 });
  expect((await api.db.pool.query('SELECT count(*)::int AS n FROM orders WHERE cart_id = ANY($1)', [carts.map((c) => c.id)])).rows[0].n).toBe(7);
});

it('a coupon limited to 3 uses under 15 simultaneous checkouts is used exactly 3 times', async () => {
  const { variantIds } = await productWithStock(api, token, { name: 'Plenty', price: 2000, stock: 1000 });
  await api.request('POST', '/api/admin/coupons', { token, body: { code: 'FIRST3', discountType: 'percentage', discountValue: 2000, usageLimit: 3 } });
  const carts = await Promise.all(Array.from({ length: 15 }, () => guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }], 'FIRST3')));
  const replies = await Promise.all(carts.map((cart, i) => guestCheckout(api, cart, { email: `buyer${i}@example.com` })));
  expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
  expect(replies.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'COUPON_USAGE_LIMIT')).toBe(true);
  const { rows } = await api.db.pool.query(
    `SELECT c.times_used, (SELECT count(*)::int FROM coupon_redemptions r WHERE r.coupon_id = c.id) AS redemptions FROM coupons c WHERE code = 'FIRST3'`,
  );
  expect(rows[0]).toEqual({ times_used: 3, redemptions: 3 });
  expect(await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantIds[0]]).then((r) => r.rows[0].stock)).toBe(997);
});

it('20 simultaneous checkouts produce 20 distinct consecutive invoice numbers', async () => {
  const { variantIds } = await productWithStock(api, token, { name: 'Numbered', price: 100, stock: 1000 });
  const carts = await Promise.all(Array.from({ length: 20 }, () => guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }])));
  const replies = await Promise.all(carts.map((cart) => guestCheckout(api, cart)));
  expect(replies.every((r) => r.status === 201)).toBe(true);
  const { rows } = await api.db.pool.query('SELECT number FROM invoices ORDER BY number');
  const sequence = rows.map((r) => Number(r.number.slice(-6)));
  expect(new Set(sequence).size).toBe(sequence.length);
  expect(sequence).toEqual(Array.from({ length: sequence.length }, (_, i) => sequence[0] + i));
  expect(sequence[0]).toBe(1);
});

it('takes the invoice number at COMMIT: a checkout waits for the invoice counter only in its COMMIT, then gets the next number', async () => {
  const { variantIds } = await productWithStock(api, token, { name: 'Late Numbered', price: 100, stock: 10 });
  const year = new Date().getUTCFullYear();
  const counter = () =>
    api.db.pool.query(`SELECT last FROM document_counters WHERE kind = 'invoice' AND year = $1`, [year]).then((r) => Number(r.rows[0].last));
  // this year's counter row exists once an invoice was numbered
  expect((await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]))).status).toBe(201);
  const cart = await guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }]);
  const holder = await api.db.pool.connect();
  let checkout: ReturnType<typeof guestCheckout> | undefined;
  try {
    // another transaction holds the invoice series' counter row
    await holder.query('BEGIN');
    const held = await holder.query(`SELECT last FROM document_counters WHERE kind = 'invoice' AND year = $1 FOR UPDATE`, [year]);
    const before = Number(held.rows[0].last);
    const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    checkout = guestCheckout(api, cart);
    // every statement of the checkout ran, the invoice's INSERT included: only its COMMIT waits on the counter
    const waiting = await eventually(async () => {
      const { rows } = await api.db.pool.query(`SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))`, [
        holderPid,
      ]);
      if (rows.length === 0) throw new Error('no checkout waits on the counter yet');
      return rows.map((r) => r.query);
    });
    expect(waiting).toEqual(['COMMIT']);
    await holder.query('ROLLBACK');
    const reply = await checkout;
    expect(reply.status).toBe(201);
    const { rows } = await api.db.pool.query('SELECT number FROM invoices WHERE id = $1', [reply.body.invoiceId]);
    expect(rows).toEqual([{ number: `INV-${year}-${String(before + 1).padStart(6, '0')}` }]);
    expect(await counter()).toBe(before + 1);
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    holder.release();
    await checkout;
  }
});

it('one customer racing checkouts with a once-per-customer coupon uses it once', async () => {
  const { variantIds } = await productWithStock(api, token, { name: 'Per Person', price: 3000, stock: 100 });
  await api.request('POST', '/api/admin/coupons', { token, body: { code: 'ONEEACH', discountType: 'fixed', discountValue: 500, perCustomerLimit: 1 } });
  const carts = await Promise.all(Array.from({ length: 6 }, () => guestCartWith(api, [{ variantId: variantIds[0], quantity: 1 }], 'ONEEACH')));
  const replies = await Promise.all(carts.map((cart) => guestCheckout(api, cart, { email: 'same.person@example.com' })));
  expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
  expect(replies.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'COUPON_CUSTOMER_LIMIT')).toBe(true);
});

it('leaves every invariant of the data holding', () => expectIntegrity(api));
