import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OutboxRelay } from '@chance/core';
import { ROOT } from './support/api-process.js';
import { eventually } from './support/eventually.js';
import { ADDRESS, guestCartWith, guestCheckout, productWithStock } from './support/shop.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

// Webhooks (docs/api.md#webhooks), against real HTTP receivers in this process. The API allows private
// URLs here (the receivers listen on 127.0.0.1), retries after 200 ms (then 800 ms, ...), and gives
// endpoints 3 s; a second API keeps the private-address guard on.

type Verify = (secret: string, rawBody: string, signature: string, toleranceSeconds?: number) => boolean;

let api: TestApi;
let token: string;
let verifyChanceSignature: Verify;
const receivers: WebhookReceiver[] = [];
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

/** The signature check of docs/api.md, "Verifying a signature", run as an integrator would copy it. */
async function exampleFromDocs(): Promise<Verify> {
  const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const code = /<!-- example: verify-signature[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!code) throw new Error('docs/api.md has no verify-signature example');
  const file = join(mkdtempSync(join(tmpdir(), 'chance-doc-')), 'verify.mjs');
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)).verifyChanceSignature;
}

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

async function webhook(url: string, events: string[], extra: Record<string, unknown> = {}): Promise<{ id: number; secret: string }> {
  const reply = await api.request('POST', '/api/admin/webhooks', { token, body: { url, events, ...extra } });
  if (reply.status !== 201) throw new Error(`webhook: ${reply.status} ${reply.text}`);
  return { id: reply.body.id, secret: reply.body.secret };
}

const deliveries = async (webhookId: number) =>
  (await api.request('GET', `/api/admin/webhook-deliveries?filter=${enc({ webhookId })}&sort=${enc(['id', 'ASC'])}&range=[0,99]`, { token })).body as any[];

async function placedOrder(): Promise<any> {
  const { variantIds } = await productWithStock(api, token, { name: `Hooked ${Date.now()}`, price: 2500, stock: 100 });
  const order = await guestCheckout(api, await guestCartWith(api, [{ variantId: variantIds[0], quantity: 2 }]));
  expect(order.status).toBe(201);
  return order.body;
}

beforeAll(async () => {
  api = await startTestApi({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_FIRST_DELAY_MS: '200', WEBHOOK_TIMEOUT_MS: '3000' });
  token = await api.login(ADMIN.email, ADMIN.password);
  verifyChanceSignature = await exampleFromDocs();
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await api.close();
});

describe('endpoints', () => {
  it('shows the signing secret once and keeps it sealed', async () => {
    const target = await receiver();
    const { id, secret } = await webhook(`${target.url}/hooks`, ['order.placed'], { description: 'ERP' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const shown = [
      (await api.request('GET', '/api/admin/webhooks', { token })).text,
      (await api.request('GET', `/api/admin/webhooks/${id}`, { token })).text,
    ].join();
    expect(shown).not.toContain(secret);
    expect((await api.request('GET', `/api/admin/webhooks/${id}`, { token })).body).toEqual({
      id,
      url: `${target.url}/hooks`,
      events: ['order.placed'],
      description: 'ERP',
      isActive: true,
      failingSince: null,
      deactivatedAt: null,
      createdAt: expect.any(String),
    });
    const { rows } = await api.db.pool.query('SELECT row_to_json(w)::text AS row FROM webhooks w WHERE id = $1', [id]);
    expect(rows[0].row).not.toContain(secret.slice(6));
    const audit = (await api.request('GET', `/api/admin/audit-logs?filter=${enc({ resource: 'webhooks', resourceId: id })}`, { token })).body;
    expect(audit[0].changes.sealedSecret).toEqual(['[hidden]', '[changed]']);
  });

  it('refuses unknown events, no events, ping as a subscription and non-http URLs, changing nothing', async () => {
    const before = (await api.db.pool.query('SELECT count(*)::int AS n FROM webhooks')).rows[0].n;
    for (const body of [
      { url: 'http://127.0.0.1:9/x', events: ['order.shipped'] },
      { url: 'http://127.0.0.1:9/x', events: [] },
      { url: 'http://127.0.0.1:9/x', events: ['ping'] },
      { url: 'http://127.0.0.1:9/x', events: ['order.placed', 'order.placed'] },
      { url: 'ftp://127.0.0.1/x', events: ['order.placed'] },
      { url: 'not a url', events: ['order.placed'] },
      { url: 'http://127.0.0.1:9/x', events: ['order.placed'], secret: 'whsec_mine' },
    ]) {
      const reply = await api.request('POST', '/api/admin/webhooks', { token, body });
      expect([JSON.stringify(body), reply.status, reply.body.code]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
    }
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM webhooks')).rows[0].n).toBe(before);
  });

  it('is for admins only', async () => {
    await api.request('POST', '/api/admin/users', {
      token,
      body: { email: 'hooks-staff@shop.test', password: 'staff-password', fullName: 'S', role: 'staff' },
    });
    const staff = await api.login('hooks-staff@shop.test', 'staff-password');
    for (const path of ['/api/admin/webhooks', '/api/admin/webhook-deliveries']) expect((await api.request('GET', path, { token: staff })).status).toBe(403);
  });
});

describe('deliveries', () => {
  it('a checkout delivers order.placed to a subscribed receiver, signed with its secret, with the order as the admin API shows it', async () => {
    const orders = await receiver();
    const other = await receiver();
    const { id, secret } = await webhook(`${orders.url}/orders`, ['order.placed', 'order.cancelled']);
    await webhook(`${other.url}/purchases`, ['purchase.received']);
    const order = await placedOrder();
    const [call] = await eventually(async () => {
      expect(orders.calls).toHaveLength(1);
      return orders.calls;
    });
    expect(call.path).toBe('/orders');
    expect(call.headers['content-type']).toBe('application/json');
    expect(verifyChanceSignature(secret, call.body, String(call.headers['chance-signature']))).toBe(true);
    expect(verifyChanceSignature('whsec_someone-else', call.body, String(call.headers['chance-signature']))).toBe(false);
    expect(verifyChanceSignature(secret, call.body.replace('order.placed', 'order.updated'), String(call.headers['chance-signature']))).toBe(false);
    expect(Object.keys(call.json)).toEqual(['id', 'type', 'createdAt', 'data']);
    expect(call.json).toMatchObject({ id: call.headers['chance-event-id'], type: 'order.placed', createdAt: expect.stringMatching(/Z$/) });
    expect(call.json.id).toMatch(/^evt_[0-9a-f]{32}$/);
    const admin = (await api.request('GET', `/api/admin/orders/${order.id}`, { token })).body;
    expect(call.json.data).toEqual(admin);
    expect(other.calls).toHaveLength(0);
    const [logged] = await eventually(async () => {
      const rows = await deliveries(id);
      expect(rows.map((d) => d.status)).toEqual(['succeeded']);
      return rows;
    });
    expect(logged).toMatchObject({
      webhookId: id,
      eventId: call.json.id,
      type: 'order.placed',
      attempt: 1,
      responseStatus: 200,
      responseBody: 'ok',
      error: null,
    });
    expect(logged.durationMs).toEqual(expect.any(Number));
  });

  it('a return and its refund deliver return.updated at each move and refund.created, with the return and the refund as the admin API shows them', async () => {
    const target = await receiver();
    const { secret } = await webhook(`${target.url}/money`, ['refund.created', 'return.updated']);
    const order = await placedOrder();
    for (const status of ['processing', 'shipped', 'delivered']) await api.request('POST', `/api/admin/orders/${order.id}/status`, { token, body: { status } });
    expect((await api.request('POST', `/api/admin/orders/${order.id}/mark-paid`, { token, body: { method: 'cash' } })).status).toBe(200);
    const made = await api.request('POST', '/api/admin/returns', { token, body: { orderId: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] } });
    expect(made.status).toBe(201);
    expect((await api.request('POST', `/api/admin/returns/${made.body.id}/receive`, { token })).status).toBe(200);
    const refunded = await api.request('POST', `/api/admin/returns/${made.body.id}/refund`, { token, body: { method: 'cash' } });
    expect(refunded.status).toBe(200);

    const calls = await eventually(async () => {
      // staff make it approved, then receive and refund it: three moves
      expect(target.calls.map((c) => c.json.type).sort()).toEqual(['refund.created', 'return.updated', 'return.updated', 'return.updated']);
      return target.calls;
    });
    for (const call of calls) expect(verifyChanceSignature(secret, call.body, String(call.headers['chance-signature']))).toBe(true);
    const ret = (await api.request('GET', `/api/admin/returns/${made.body.id}`, { token })).body;
    expect(ret.status).toBe('refunded');
    const refund = (await api.request('GET', `/api/admin/refunds/${ret.refundId}`, { token })).body;
    expect(calls.find((c) => c.json.type === 'refund.created')!.json.data).toEqual(refund);
    expect(refund).toMatchObject({ returnId: ret.id, recordNumber: order.number, amount: ret.refundAmount });
    // each return.updated carries the return as it is when it is sent: the last one shows it refunded
    for (const call of calls.filter((c) => c.json.type === 'return.updated')) expect(call.json.data).toMatchObject({ id: ret.id, number: ret.number });
    expect(new Set(calls.map((c) => c.json.id)).size).toBe(calls.length);
  });

  it('a phone order delivers nothing while a draft, order.placed once placed, and order.updated for an edit, with the order as the admin API shows it', async () => {
    const target = await receiver();
    const { secret } = await webhook(`${target.url}/phone`, ['order.placed', 'order.updated']);
    const { variantIds } = await productWithStock(api, token, { name: `Phoned ${Date.now()}`, price: 1500, stock: 20 });
    const drafted = await api.request('POST', '/api/admin/orders', {
      token,
      body: {
        email: 'phone.hook@example.com',
        lines: [{ variantId: variantIds[0], quantity: 1 }],
        shippingAddress: ADDRESS,
        paymentMethod: 'cash_on_delivery',
      },
    });
    expect(drafted.status).toBe(201);
    const changed = await api.request('PUT', `/api/admin/orders/${drafted.body.id}`, { token, body: { lines: [{ variantId: variantIds[0], quantity: 2 }] } });
    expect(changed.status).toBe(200);
    const placed = await api.request('POST', `/api/admin/orders/${drafted.body.id}/place`, { token, headers: { 'idempotency-key': randomUUID() } });
    expect(placed.status).toBe(200);
    const edited = await api.request('PUT', `/api/admin/orders/${drafted.body.id}`, {
      token,
      body: { lines: [{ lineId: placed.body.lines[0].id, variantId: variantIds[0], quantity: 3 }] },
    });
    expect(edited.status).toBe(200);

    const calls = await eventually(async () => {
      // the draft's creation and change are the shop's work in progress: nobody hears of them
      expect(target.calls.map((c) => c.json.type).sort()).toEqual(['order.placed', 'order.updated']);
      return target.calls;
    });
    for (const call of calls) expect(verifyChanceSignature(secret, call.body, String(call.headers['chance-signature']))).toBe(true);
    const sent = (type: string) => calls.find((c) => c.json.type === type)!.json.data;
    expect(sent('order.placed')).toMatchObject({ id: drafted.body.id, number: placed.body.number });
    const admin = (await api.request('GET', `/api/admin/orders/${drafted.body.id}`, { token })).body;
    expect(admin.lines[0].quantity).toBe(3);
    expect(sent('order.updated')).toEqual(admin);
  });

  it('retries a receiver answering 500 twice, then 200: three attempts, all listed, one event id and one body', async () => {
    const flaky = await receiver();
    flaky.answer((_, index) => (index < 2 ? { status: 500, body: 'busy' } : 200));
    const { id, secret } = await webhook(`${flaky.url}/flaky`, ['order.placed']);
    await placedOrder();
    const rows = await eventually(async () => {
      const rows = await deliveries(id);
      expect(rows.map((d) => [d.attempt, d.status, d.responseStatus])).toEqual([
        [1, 'failed', 500],
        [2, 'failed', 500],
        [3, 'succeeded', 200],
      ]);
      return rows;
    }, 20_000);
    expect(flaky.calls).toHaveLength(3);
    expect(new Set(flaky.calls.map((c) => c.headers['chance-event-id'])).size).toBe(1);
    expect(new Set(flaky.calls.map((c) => c.body)).size).toBe(1);
    expect(new Set(rows.map((d) => d.eventId))).toEqual(new Set([flaky.calls[0].headers['chance-event-id']]));
    for (const call of flaky.calls) expect(verifyChanceSignature(secret, call.body, String(call.headers['chance-signature']))).toBe(true);
    expect(rows[0]).toMatchObject({ responseBody: 'busy', error: 'answered 500' });
    // the delays grow: 200 ms after the first failure, 800 ms after the second
    const due = rows.map((d) => new Date(d.dueAt).getTime());
    expect(due[1] - new Date(rows[0].createdAt).getTime()).toBeGreaterThanOrEqual(200);
    expect(due[2] - due[1]).toBeGreaterThanOrEqual(800);

    // a retry asked for by hand sends the same event again
    const retried = await api.request('POST', `/api/admin/webhook-deliveries/${rows[0].id}/retry`, { token });
    expect([retried.status, retried.body.attempt, retried.body.status, retried.body.eventId]).toEqual([202, 4, 'pending', rows[0].eventId]);
    await eventually(async () => expect(flaky.calls).toHaveLength(4));
    expect(flaky.calls[3].headers['chance-event-id']).toBe(rows[0].eventId);
    expect(flaky.calls[3].body).toBe(flaky.calls[0].body);
    await eventually(async () => expect((await deliveries(id)).map((d) => d.status)).toEqual(['failed', 'failed', 'succeeded', 'succeeded']));
    expect((await api.request('POST', '/api/admin/webhook-deliveries/999999/retry', { token })).status).toBe(404);
  });

  it('pings an endpoint whatever it subscribes to, and while it is inactive', async () => {
    const target = await receiver();
    const { id, secret } = await webhook(`${target.url}/ping`, ['stock.low'], { isActive: false });
    const ping = await api.request('POST', `/api/admin/webhooks/${id}/ping`, { token });
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ webhookId: id, type: 'ping', attempt: 1, status: 'pending' });
    await eventually(async () => expect(target.calls).toHaveLength(1));
    const [call] = target.calls;
    expect(call.json).toMatchObject({ id: ping.body.eventId, type: 'ping', data: { webhookId: id } });
    expect(verifyChanceSignature(secret, call.body, String(call.headers['chance-signature']))).toBe(true);
    await eventually(async () => expect((await api.request('GET', `/api/admin/webhook-deliveries/${ping.body.id}`, { token })).body.status).toBe('succeeded'));
    expect((await api.request('POST', '/api/admin/webhooks/999999/ping', { token })).status).toBe(404);
  });

  it('does not follow redirects: a 3xx is a failed attempt, and its target hears nothing', async () => {
    const elsewhere = await receiver();
    const redirecting = await receiver();
    redirecting.answer(() => ({ status: 302, headers: { location: `${elsewhere.url}/stolen` } }));
    const { id } = await webhook(`${redirecting.url}/moved`, ['stock.low']);
    const ping = (await api.request('POST', `/api/admin/webhooks/${id}/ping`, { token })).body;
    await eventually(async () => {
      const attempt = (await api.request('GET', `/api/admin/webhook-deliveries/${ping.id}`, { token })).body;
      expect(attempt).toMatchObject({ status: 'failed', responseStatus: 302, error: expect.stringContaining('redirects are not followed') });
    });
    expect(elsewhere.calls).toHaveLength(0);
  });

  it('gives up on an attempt after the timeout', async () => {
    const silent = await receiver();
    silent.answer(() => 'hang');
    const { id } = await webhook(`${silent.url}/silent`, ['stock.low']);
    const ping = (await api.request('POST', `/api/admin/webhooks/${id}/ping`, { token })).body;
    await eventually(async () => {
      const attempt = (await api.request('GET', `/api/admin/webhook-deliveries/${ping.id}`, { token })).body;
      expect(attempt).toMatchObject({ status: 'failed', responseStatus: null, error: 'no answer within 3000 ms' });
    });
    silent.release();
  });

  it('keeps delivering to other endpoints while one hangs, holding at most 4 of its attempts at once', async () => {
    const slow = await receiver();
    const fast = await receiver();
    slow.answer(() => 'hang');
    await webhook(`${slow.url}/slow`, ['product.updated']);
    await webhook(`${fast.url}/fast`, ['product.updated']);
    const { productId } = await productWithStock(api, token, { name: 'Busy product', price: 100, stock: 1 });
    for (let i = 0; i < 8; i++)
      expect((await api.request('PUT', `/api/admin/products/${productId}`, { token, body: { description: `edit ${i}` } })).status).toBe(200);
    await eventually(async () => expect(fast.calls.filter((c) => c.json.data.id === productId).length).toBeGreaterThanOrEqual(8));
    expect(slow.maxOpen()).toBeLessThanOrEqual(4);
    expect(slow.maxOpen()).toBeGreaterThan(0);
    slow.answer(() => 200);
    slow.release();
  });

  it('deactivates an endpoint failing for 24 hours straight, closes its waiting attempts and tells the admins', async () => {
    const broken = await receiver();
    broken.answer(() => 503);
    const { id } = await webhook(`${broken.url}/broken`, ['order.placed']);
    await placedOrder();
    await eventually(async () => expect((await deliveries(id)).length).toBeGreaterThanOrEqual(2));
    expect((await api.request('GET', `/api/admin/webhooks/${id}`, { token })).body.failingSince).toEqual(expect.any(String));
    // the failures began a day ago: the next one deactivates it
    await api.db.pool.query(`UPDATE webhooks SET failing_since = now() - interval '25 hours' WHERE id = $1`, [id]);
    await eventually(async () => {
      const endpoint = (await api.request('GET', `/api/admin/webhooks/${id}`, { token })).body;
      expect(endpoint).toMatchObject({ isActive: false, deactivatedAt: expect.any(String) });
    }, 20_000);
    await eventually(async () => {
      const rows = await deliveries(id);
      expect(rows.every((d) => d.status === 'failed')).toBe(true);
    });
    const notified = await eventually(async () => {
      const list = (await api.request('GET', '/api/me/notifications', { token })).body as any[];
      const found = list.find((n) => n.title === 'Webhook deactivated' && n.link?.id === id);
      expect(found).toBeDefined();
      return found;
    });
    expect(notified).toMatchObject({ type: 'message', link: { resource: 'webhooks', id } });
    expect(notified.body).toContain(`${broken.url}/broken`);
    // nothing more is attempted while it is inactive; re-activating forgives the failures
    const count = (await deliveries(id)).length;
    await placedOrder();
    await api.app.get(OutboxRelay).drain();
    expect((await deliveries(id)).length).toBe(count);
    const reactivated = await api.request('PUT', `/api/admin/webhooks/${id}`, { token, body: { isActive: true } });
    expect(reactivated.body).toMatchObject({ isActive: true, failingSince: null, deactivatedAt: null });
  });

  it('deleting an endpoint deletes its delivery log', async () => {
    const target = await receiver();
    const { id } = await webhook(`${target.url}/gone`, ['stock.low']);
    await api.request('POST', `/api/admin/webhooks/${id}/ping`, { token });
    await eventually(async () => expect(target.calls).toHaveLength(1));
    expect((await api.request('DELETE', `/api/admin/webhooks/${id}`, { token })).body.id).toBe(id);
    expect(await deliveries(id)).toEqual([]);
    expect((await api.request('GET', `/api/admin/webhooks/${id}`, { token })).status).toBe(404);
  });
});

describe('the private-address guard (WEBHOOK_ALLOW_PRIVATE_URLS unset)', () => {
  let guarded: TestApi;
  let guardedToken: string;
  beforeAll(async () => {
    guarded = await startTestApi({ WEBHOOK_RETRY_FIRST_DELAY_MS: '60000' });
    guardedToken = await guarded.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => guarded.close());

  it('refuses URLs that resolve to loopback, private, link-local or unique-local addresses, IPv4-mapped ones included', async () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'http://localhost:8080/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://172.16.5.4/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]/hook',
      'http://[fd00::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://0.0.0.0/hook',
      'http://100.64.0.1/hook',
    ]) {
      const reply = await guarded.request('POST', '/api/admin/webhooks', { token: guardedToken, body: { url, events: ['order.placed'] } });
      expect([url, reply.status, reply.body.errors?.url]).toEqual([url, 400, expect.stringContaining('private')]);
    }
    expect((await guarded.db.pool.query('SELECT count(*)::int AS n FROM webhooks')).rows[0].n).toBe(0);
  });

  it('checks the address again when delivering: an endpoint that now resolves to a private address gets nothing', async () => {
    const target = await receiver();
    const created = await guarded.request('POST', '/api/admin/webhooks', {
      token: guardedToken,
      body: { url: 'http://93.184.215.14/hook', events: ['order.placed'] },
    });
    expect(created.status).toBe(201);
    const port = new URL(target.url).port;
    // as if its name had been pointed at this machine after it was saved (DNS rebinding)
    for (const url of [`http://127.0.0.1:${port}/rebound`, `http://localhost:${port}/rebound`]) {
      await guarded.db.pool.query('UPDATE webhooks SET url = $2 WHERE id = $1', [created.body.id, url]);
      const ping = (await guarded.request('POST', `/api/admin/webhooks/${created.body.id}/ping`, { token: guardedToken })).body;
      await eventually(async () => {
        const attempt = (await guarded.request('GET', `/api/admin/webhook-deliveries/${ping.id}`, { token: guardedToken })).body;
        expect(attempt).toMatchObject({ status: 'failed', responseStatus: null, error: expect.stringContaining('not a public address') });
      });
    }
    expect(target.calls).toHaveLength(0);
  });
});
