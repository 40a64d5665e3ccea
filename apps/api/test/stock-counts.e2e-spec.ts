import { productWithStock } from './support/shop.js';
import { ADMIN, expectIntegrity, startTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;
let token: string;
let customerId: number;

const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const stockOf = async (variantId: number) => (await api.db.pool.query('SELECT stock FROM variants WHERE id = $1', [variantId])).rows[0].stock as number;
const countMovements = async (variantId: number) =>
  (await api.db.pool.query(`SELECT delta, reference, note FROM stock_movements WHERE variant_id = $1 AND reason = 'stock_count' ORDER BY id`, [variantId]))
    .rows;
/** The database's clock, as the movements' created_at are. */
const dbNow = async () => ((await api.db.pool.query('SELECT clock_timestamp() AS now')).rows[0].now as Date).toISOString();

const sell = (variantId: number, quantity = 1) =>
  api.request('POST', '/api/admin/offline-sales', { token, body: { customerId, lines: [{ variantId, quantity }] } });

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_RELAY: 'off' });
  token = await api.login(ADMIN.email, ADMIN.password);
  customerId = (await api.request('POST', '/api/admin/offline-customers', { token, body: { name: 'Counter Customer', phone: '555-0142' } })).body.id;
});
afterAll(() => api.close());

describe('stock counts', () => {
  it('a count of 3 where the stock is 5 leaves 3 and a stock_count movement of −2; listed with its lines', async () => {
    const { productId, variantIds } = await productWithStock(api, token, {
      name: 'Counted Candle',
      price: 900,
      variants: [
        { sku: 'CANDLE-S', attributes: { size: 'S' }, stock: 5 },
        { sku: 'CANDLE-L', attributes: { size: 'L' }, stock: 7 },
      ],
    });
    const [small, large] = variantIds;
    const reply = await api.request('POST', '/api/admin/stock-counts', {
      token,
      body: {
        note: 'Shelf B',
        lines: [
          { variantId: small, counted: 3 },
          { variantId: large, counted: 7 },
        ],
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(Number),
      number: expect.stringMatching(/^SC-\d{6}$/),
      note: 'Shelf B',
      startedAt: null,
      createdAt: expect.any(String),
      createdById: expect.any(Number),
      lines: [
        expect.objectContaining({
          variantId: small,
          productId,
          productName: 'Counted Candle',
          sku: 'CANDLE-S',
          attributes: { size: 'S' },
          expected: 5,
          counted: 3,
          delta: -2,
          stockBefore: 5,
          stockAfter: 3,
        }),
        expect.objectContaining({ variantId: large, sku: 'CANDLE-L', expected: 7, counted: 7, delta: 0, stockBefore: 7, stockAfter: 7 }),
      ],
    });
    expect(await stockOf(small)).toBe(3);
    expect(await countMovements(small)).toEqual([{ delta: -2, reference: reply.body.number, note: 'Shelf B' }]);
    expect(await countMovements(large)).toEqual([]); // no difference, no movement
    const movements = await api.request('GET', `/api/admin/stock-movements?filter=${enc({ variantId: small, reason: 'stock_count' })}`, { token });
    expect(movements.body).toEqual([expect.objectContaining({ delta: -2, reason: 'stock_count', reference: reply.body.number })]);

    const list = await api.request('GET', `/api/admin/stock-counts?filter=${enc({ variantId: small })}`, { token });
    expect(list.headers.get('content-range')).toBe('stock-counts 0-0/1');
    expect(list.body).toEqual([reply.body]);
    expect((await api.request('GET', `/api/admin/stock-counts/${reply.body.id}`, { token })).body).toEqual(reply.body);
    expect((await api.request('GET', `/api/admin/stock-counts?filter=${enc({ q: 'shelf b' })}`, { token })).body.map((c: any) => c.id)).toEqual([
      reply.body.id,
    ]);
    expect((await api.request('GET', '/api/admin/stock-counts/999999', { token })).status).toBe(404);
    await expectIntegrity(api);
  });

  it('applies a count to the stock it started from: a sale while counting is not counted twice', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Busy Shelf Item', price: 500, stock: 5 });
    const [variantId] = variantIds;
    const startedAt = await dbNow();
    expect((await sell(variantId)).status).toBe(201); // sold while the shelf was being counted: 4 left
    const reply = await api.request('POST', '/api/admin/stock-counts', { token, body: { startedAt, lines: [{ variantId, counted: 3 }] } });
    expect(reply.status).toBe(201);
    expect(reply.body.lines[0]).toMatchObject({ expected: 5, counted: 3, delta: -2, stockBefore: 4, stockAfter: 2 });
    expect(reply.body.startedAt).toBe(startedAt);
    expect(await stockOf(variantId)).toBe(2);
  });

  it('refuses with 409 a line that cannot have been right, recording nothing', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Sold Out While Counting', price: 500, stock: 5 });
    const [variantId] = variantIds;
    const startedAt = await dbNow();
    expect((await sell(variantId, 4)).status).toBe(201); // 1 left; the count says 2 were there at the start: 3 missing, 1 − 3 < 0
    const countsBefore = (await api.db.pool.query('SELECT count(*)::int AS n FROM stock_counts')).rows[0].n;
    const reply = await api.request('POST', '/api/admin/stock-counts', { token, body: { startedAt, lines: [{ variantId, counted: 2 }] } });
    expect([reply.status, reply.body.code]).toEqual([409, 'CONFLICT']);
    expect(reply.body.errors).toEqual({
      'lines.0.counted': 'counted 2 when the count started at 5, but only 1 are left after what moved since: count this variant again',
    });
    expect(await stockOf(variantId)).toBe(1);
    expect(await countMovements(variantId)).toEqual([]);
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM stock_counts')).rows[0].n).toBe(countsBefore);
  });

  it('refuses bad counts with field messages and changes nothing', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Validated Vase', price: 500, stock: 4 });
    const [variantId] = variantIds;
    const refused = async (body: unknown) => {
      const reply = await api.request('POST', '/api/admin/stock-counts', { token, body });
      return [reply.status, reply.body.errors];
    };
    expect(
      await refused({
        lines: [
          { variantId, counted: 1 },
          { variantId, counted: 2 },
        ],
      }),
    ).toEqual([400, { 'lines.1.variantId': 'is listed twice' }]);
    expect(
      await refused({
        lines: [
          { variantId, counted: 1 },
          { variantId: 987654, counted: 2 },
        ],
      }),
    ).toEqual([400, { 'lines.1.variantId': 'does not exist' }]);
    expect((await refused({ lines: [{ variantId, counted: -1 }] }))[1]).toHaveProperty(['lines.0.counted']);
    expect((await refused({ lines: [] }))[1]).toHaveProperty('lines');
    expect((await refused({ lines: [{ variantId, counted: 1, stock: 9 }] }))[1]).toHaveProperty(['lines.0.stock'], 'is not allowed');
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await refused({ startedAt: future, lines: [{ variantId, counted: 1 }] })).toEqual([400, { startedAt: 'must not be in the future' }]);
    // dates outside the years 1900–9999 are refused like any bad value, never a 500
    for (const startedAt of ['0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', 'yesterday']) {
      expect(await refused({ startedAt, lines: [{ variantId, counted: 1 }] })).toEqual([400, { startedAt: expect.any(String) }]);
    }
    expect(await stockOf(variantId)).toBe(4);
    expect(await countMovements(variantId)).toEqual([]);
  });

  it('lands on the same stock whichever commits first, when sales race a count', async () => {
    const { variantIds } = await productWithStock(api, token, { name: 'Raced Item', price: 500, stock: 20 });
    const [variantId] = variantIds;
    const startedAt = await dbNow();
    // the shelf held 18 when counting began (2 missing); 5 sales go through while the count is saved
    const [count, ...sales] = await Promise.all([
      api.request('POST', '/api/admin/stock-counts', { token, body: { startedAt, lines: [{ variantId, counted: 18 }] } }),
      ...Array.from({ length: 5 }, () => sell(variantId)),
    ]);
    expect(count.status).toBe(201);
    expect(sales.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);
    expect(count.body.lines[0]).toMatchObject({ expected: 20, counted: 18, delta: -2 });
    expect(await stockOf(variantId)).toBe(13);
    await expectIntegrity(api);
  });
});
