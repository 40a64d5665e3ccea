import { eventually } from './support/eventually.js';
import { ADMIN, startTestApi, type TestApi } from './support/test-api.js';

// Messages kept as records (SPEC section 11, docs/api.md#messages).

let api: TestApi;
let admin: string;
let adminId: number;
let staff: { token: string; id: number };
const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Waits until the outbox has delivered everything committed so far. */
async function delivered(): Promise<void> {
  await eventually(async () => {
    const { rows } = await api.db.pool.query('SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL');
    expect(rows[0].n).toBe(0);
  });
}

const adminMessages = async (filter: Record<string, unknown> = {}, token = admin) =>
  api.request('GET', `/api/admin/messages?filter=${enc(filter)}&range=[0,99]`, { token });
const myMessages = async (token: string, query = '') => api.request('GET', `/api/me/messages${query}`, { token });
const notificationsOf = async (token: string) => (await api.request('GET', '/api/me/notifications?range=[0,99]', { token })).body as any[];
const messageCount = async () => (await api.db.pool.query('SELECT count(*)::int AS n FROM messages')).rows[0].n as number;

/** A customer with a name of their own (the snapshot tests need one). */
async function customerNamed(fullName: string): Promise<{ id: number; token: string; email: string }> {
  const email = `${fullName.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.com`;
  const reply = await api.request('POST', '/api/auth/register', { body: { email, password: 'customer-password-1', fullName } });
  expect(reply.status).toBe(201);
  return { id: reply.body.user.id, token: reply.body.accessToken, email };
}

beforeAll(async () => {
  api = await startTestApi({ OUTBOX_INTERVAL_MS: '100' });
  admin = await api.login(ADMIN.email, ADMIN.password);
  adminId = (await api.request('GET', '/api/me', { token: admin })).body.id;
  const created = await api.request('POST', '/api/admin/users', {
    token: admin,
    body: { email: 'sam@shop.test', password: 'staff-password', fullName: 'Sam Staff', role: 'staff' },
  });
  staff = { id: created.body.id, token: await api.login('sam@shop.test', 'staff-password') };
});
afterAll(() => api.close());

describe('sending keeps a record', () => {
  it("keeps a customer's message with a snapshot of their name and e-mail, and names and links them in the staff's notification", async () => {
    const ada = await customerNamed('Ada Lovelace');
    const sent = await api.request('POST', '/api/me/messages', { token: ada.token, body: { title: 'Sunday?', body: 'Do you deliver on Sunday?' } });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ accepted: true, id: expect.any(Number) });
    const listed = (await adminMessages({ userId: ada.id })).body;
    expect(listed).toEqual([
      {
        id: sent.body.id,
        direction: 'from_customer',
        userId: ada.id,
        userName: 'Ada Lovelace',
        userEmail: ada.email,
        title: 'Sunday?',
        body: 'Do you deliver on Sunday?',
        createdAt: expect.any(String),
      },
    ]);
    await delivered();
    for (const token of [admin, staff.token]) {
      const told = (await notificationsOf(token)).filter((n) => n.body === 'Do you deliver on Sunday?');
      expect(told).toEqual([
        expect.objectContaining({ type: 'message', title: 'Message from Ada Lovelace: Sunday?', link: { resource: 'customers', id: ada.id } }),
      ]);
    }
    // history is a snapshot: renaming the account later changes no kept message
    expect((await api.request('PUT', '/api/me/profile', { token: ada.token, body: { fullName: 'Ada King' } })).status).toBe(200);
    expect((await adminMessages({ userId: ada.id })).body[0].userName).toBe('Ada Lovelace');
  });

  it('keeps a message to one customer with their snapshot, and reaches their own list', async () => {
    const grace = await customerNamed('Grace Hopper');
    const sent = await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: grace.id, title: 'Yes', body: 'We deliver on Sunday.' } });
    expect(sent.status).toBe(202);
    const record = {
      id: sent.body.id,
      direction: 'to_customer',
      userId: grace.id,
      userName: 'Grace Hopper',
      userEmail: grace.email,
      title: 'Yes',
      body: 'We deliver on Sunday.',
      createdAt: expect.any(String),
    };
    expect((await adminMessages({ userId: grace.id })).body).toEqual([record]);
    const own = await myMessages(grace.token);
    expect(own.status).toBe(200);
    expect(own.body).toEqual([record]);
    expect(own.headers.get('content-range')).toBe('messages 0-0/1');
    await delivered();
    expect((await notificationsOf(grace.token)).map((n) => [n.title, n.link])).toEqual([['Yes', null]]);
  });

  it('keeps a message to every customer once, with no user, and notifies each customer', async () => {
    const before = await messageCount();
    const a = await api.registerCustomer();
    const b = await api.registerCustomer();
    const sent = await api.request('POST', '/api/admin/messages', { token: admin, body: { title: 'Sale on Friday', body: 'Everything at half price.' } });
    expect(sent.status).toBe(202);
    expect(await messageCount()).toBe(before + 1);
    const broadcasts = (await api.request('GET', `/api/admin/messages?filter=${enc({ q: 'Sale on Friday' })}`, { token: admin })).body;
    expect(broadcasts).toEqual([expect.objectContaining({ id: sent.body.id, direction: 'to_customer', userId: null, userName: null, userEmail: null })]);
    await delivered();
    for (const customer of [a, b]) expect((await notificationsOf(customer.token)).map((n) => n.title)).toEqual(['Sale on Friday']);
    // a customer's own list holds what was written to them by name or by them, not broadcasts
    expect((await myMessages(a.token)).body).toEqual([]);
  });
});

describe('the lists', () => {
  it('filter by user and direction, search, sort, and page with Content-Range', async () => {
    const c = await customerNamed('Katherine Johnson');
    const other = await customerNamed('Dorothy Vaughan');
    await api.request('POST', '/api/me/messages', { token: c.token, body: { title: 'First', body: 'one' } });
    await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: c.id, title: 'Second', body: 'two' } });
    await api.request('POST', '/api/me/messages', { token: c.token, body: { title: 'Third', body: 'three' } });
    await api.request('POST', '/api/me/messages', { token: other.token, body: { title: 'Elsewhere', body: 'not hers' } });

    expect((await adminMessages({ userId: c.id })).body.map((m: any) => m.title)).toEqual(['Third', 'Second', 'First']);
    expect((await adminMessages({ userId: c.id, direction: 'from_customer' })).body.map((m: any) => m.title)).toEqual(['Third', 'First']);
    expect((await adminMessages({ userId: c.id, direction: 'to_customer' })).body.map((m: any) => m.title)).toEqual(['Second']);
    expect((await adminMessages({ q: 'katherine' })).body.map((m: any) => m.title)).toEqual(['Third', 'Second', 'First']);
    const oldestFirst = await api.request('GET', `/api/admin/messages?filter=${enc({ userId: c.id })}&sort=${enc(['createdAt', 'ASC'])}&range=[0,1]`, {
      token: admin,
    });
    expect(oldestFirst.body.map((m: any) => m.title)).toEqual(['First', 'Second']);
    expect(oldestFirst.headers.get('content-range')).toBe('messages 0-1/3');
    // staff read the list too
    expect((await adminMessages({ userId: c.id }, staff.token)).body).toHaveLength(3);

    // the customer's own list: both directions, filterable, nobody else's
    expect((await myMessages(c.token)).body.map((m: any) => [m.direction, m.title])).toEqual([
      ['from_customer', 'Third'],
      ['to_customer', 'Second'],
      ['from_customer', 'First'],
    ]);
    expect((await myMessages(c.token, `?filter=${enc({ direction: 'to_customer' })}`)).body.map((m: any) => m.title)).toEqual(['Second']);
    expect((await myMessages(other.token)).body.map((m: any) => m.title)).toEqual(['Elsewhere']);
    // asking for another customer's messages by filter finds nothing of theirs: the list is always the caller's own
    const sneaky = await myMessages(other.token, `?filter=${enc({ id: (await adminMessages({ userId: c.id })).body.map((m: any) => m.id) })}`);
    expect(sneaky.body).toEqual([]);
    expect((await myMessages(other.token, `?filter=${enc({ userId: c.id })}`)).status).toBe(400);
  });

  it('refuses bad list queries and strangers', async () => {
    const customer = await api.registerCustomer();
    const badDirection = await adminMessages({ direction: 'sideways' });
    expect(badDirection.status).toBe(400);
    expect(badDirection.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(badDirection.body.errors)).toEqual(['filter.direction']);
    expect((await api.request('GET', '/api/admin/messages?range=[0,5000]', { token: admin })).status).toBe(400);
    expect((await api.request('GET', '/api/admin/messages', { token: customer.token })).status).toBe(403);
    expect((await api.request('GET', '/api/admin/messages')).status).toBe(401);
    expect((await api.request('GET', '/api/me/messages')).status).toBe(401);
  });
});

describe('sending', () => {
  it('is audited when the shop sends, naming the sender and the message', async () => {
    const customer = await api.registerCustomer();
    const sent = await api.request('POST', '/api/admin/messages', { token: staff.token, body: { userId: customer.id, title: 'Audited', body: 'Hello' } });
    expect(sent.status).toBe(202);
    const history = await api.request('GET', `/api/admin/audit-logs?filter=${enc({ resource: 'messages', resourceId: sent.body.id })}`, { token: admin });
    expect(history.body).toEqual([
      expect.objectContaining({
        actorId: staff.id,
        action: 'create',
        resource: 'messages',
        resourceId: sent.body.id,
        operation: 'POST /api/admin/messages',
        changes: expect.objectContaining({ direction: [null, 'to_customer'], userId: [null, customer.id], title: [null, 'Audited'], body: [null, 'Hello'] }),
      }),
    ]);
    const broadcast = await api.request('POST', '/api/admin/messages', { token: admin, body: { title: 'Audited too', body: 'Hello all' } });
    const broadcastHistory = await api.request('GET', `/api/admin/audit-logs?filter=${enc({ resource: 'messages', resourceId: broadcast.body.id })}`, {
      token: admin,
    });
    expect(broadcastHistory.body).toEqual([expect.objectContaining({ actorId: adminId, action: 'create' })]);
  });

  it('refuses bad input with field messages, and keeps nothing', async () => {
    const customer = await api.registerCustomer();
    const before = await messageCount();
    const refusals: [string, string, Record<string, unknown>, string[]][] = [
      [admin, '/api/admin/messages', { userId: 99999, title: 'x', body: 'y' }, ['userId']],
      [admin, '/api/admin/messages', { title: '   ', body: '' }, ['title', 'body']],
      [admin, '/api/admin/messages', { userId: 'one', title: 'x', body: 'y' }, ['userId']],
      [admin, '/api/admin/messages', { title: 'x'.repeat(201), body: 'y' }, ['title']],
      [admin, '/api/admin/messages', { title: 'x', body: 'y', direction: 'from_customer' }, ['direction']],
      [customer.token, '/api/me/messages', { title: 'x', body: ' \n ' }, ['body']],
      [customer.token, '/api/me/messages', { title: 'x', body: 'y', userId: 1 }, ['userId']],
    ];
    for (const [token, path, body, fields] of refusals) {
      const reply = await api.request('POST', path, { token, body });
      expect([path, body, reply.status, reply.body.code]).toEqual([path, body, 400, 'VALIDATION_FAILED']);
      expect(Object.keys(reply.body.errors).sort()).toEqual(fields.sort());
    }
    expect((await api.request('POST', '/api/admin/messages', { token: admin, body: { userId: 99999, title: 'x', body: 'y' } })).body.errors).toEqual({
      userId: 'does not exist',
    });
    // only customers write to the shop
    expect((await api.request('POST', '/api/me/messages', { token: staff.token, body: { title: 'x', body: 'y' } })).status).toBe(403);
    expect(await messageCount()).toBe(before);
  });

  it('keeps the record and its event in one transaction: a failed attempt leaves neither, its retry one of each', async () => {
    const customer = await customerNamed('Mary Jackson');
    // the outbox write fails after the message row was written in the same transaction: once (a deadlock, retried), or for good
    await api.db.pool.query(`
      CREATE SEQUENCE message_fault_seq;
      CREATE FUNCTION inject_message_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'message.sent' AND NEW.payload->>'title' LIKE 'Fault%' THEN
          IF NEW.payload->>'title' = 'Fault always' THEN RAISE EXCEPTION 'injected failure' USING ERRCODE = '23514'; END IF;
          IF nextval('message_fault_seq') = 1 THEN RAISE EXCEPTION 'injected deadlock' USING ERRCODE = '40P01'; END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER outbox_message_fault BEFORE INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION inject_message_fault();`);
    try {
      const retried = await api.request('POST', '/api/me/messages', { token: customer.token, body: { title: 'Fault once', body: 'retried' } });
      expect(retried.status).toBe(202);
      const { rows: kept } = await api.db.pool.query(`SELECT id FROM messages WHERE title = 'Fault once'`);
      expect(kept.map((r) => Number(r.id))).toEqual([retried.body.id]);
      const { rows: events } = await api.db.pool.query(`SELECT payload FROM outbox_events WHERE payload->>'title' = 'Fault once'`);
      expect(events.map((e) => e.payload.messageId)).toEqual([retried.body.id]);

      const failed = await api.request('POST', '/api/admin/messages', {
        token: admin,
        body: { userId: customer.id, title: 'Fault always', body: 'never kept' },
      });
      expect(failed.status).toBe(400);
      expect((await api.db.pool.query(`SELECT count(*)::int AS n FROM messages WHERE title = 'Fault always'`)).rows[0].n).toBe(0);
      expect(
        (await api.db.pool.query(`SELECT count(*)::int AS n FROM audit_logs WHERE resource = 'messages' AND changes->'title'->>1 = 'Fault always'`)).rows[0].n,
      ).toBe(0);
    } finally {
      await api.db.pool.query(`DROP TRIGGER outbox_message_fault ON outbox_events; DROP FUNCTION inject_message_fault(); DROP SEQUENCE message_fault_seq;`);
    }
    await delivered();
    expect((await notificationsOf(customer.token)).some((n) => n.title === 'Fault always')).toBe(false);
  });
});

describe('indexes', () => {
  it('find a customer’s messages, a direction, the newest and a search by index', async () => {
    const plans: string[] = [];
    for (const sql of [
      'SELECT id FROM messages WHERE user_id = 1 ORDER BY id DESC LIMIT 25',
      `SELECT id FROM messages WHERE direction = 'from_customer' ORDER BY id DESC LIMIT 25`,
      'SELECT id FROM messages ORDER BY created_at DESC, id DESC LIMIT 25',
      // q, as the list writes it
      `SELECT id FROM messages m WHERE (COALESCE(m.user_name, '') || ' ' || COALESCE(m.user_email, '') || ' ' || m.title) ILIKE '%katherine%'`,
    ]) {
      const client = await api.db.pool.connect();
      try {
        await client.query('BEGIN; SET LOCAL enable_seqscan = off');
        plans.push((await client.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    }
    expect(plans[0]).toContain('messages_user_idx');
    expect(plans[1]).toContain('messages_direction_idx');
    expect(plans[2]).toContain('messages_created_at_idx');
    expect(plans[3]).toContain('messages_search_trgm_idx');
  });
});
