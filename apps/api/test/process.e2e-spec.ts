import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@chance/core/testing';
import { ROOT, runCli, spawnApi } from './support/api-process.js';
import { eventually } from './support/eventually.js';

// These run the built API as `npm start` does: its own process, its own embedded PostgreSQL.
const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the API as a process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chance-start-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on an embedded PostgreSQL kept in DATA_DIR, and keeps the data across restarts', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_EMAIL: 'boot@example.com', ADMIN_PASSWORD: 'boot-password-1' };
    const first = await spawnApi(env);
    try {
      const login = await post(`${first.url}/api/auth/login`, { email: 'boot@example.com', password: 'boot-password-1' });
      expect(login.status).toBe(200);
      expect((await post(`${first.url}/api/auth/register`, { email: 'kept@example.com', password: 'kept-password', fullName: 'Kept' })).status).toBe(201);
      if (existsSync(join(ROOT, 'dist/apps/admin/index.html'))) {
        const spa = await fetch(`${first.url}/`);
        expect(spa.status).toBe(200);
        expect(await spa.text()).toContain('<div id="root"');
      }
      const docs = await fetch(`${first.url}/api/docs`);
      expect(docs.status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(first.output()).not.toContain('boot-password-1');

    const second = await spawnApi(env);
    try {
      const login = await post(`${second.url}/api/auth/login`, { email: 'kept@example.com', password: 'kept-password' });
      expect(login.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 600_000);

  it('createsuperuser makes an admin who can sign in', async () => {
    const result = await runCli('createsuperuser', ['--email', 'Root@Example.com', '--password', 'root-password-1'], { DATA_DIR: dataDir });
    expect(result.output).toContain('Superuser root@example.com created');
    expect(result.code).toBe(0);
    const again = await runCli('createsuperuser', ['--email', 'root@example.com', '--password', 'root-password-1'], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.output).toContain('email is already registered');

    const prompted = await runCli('createsuperuser', [], { DATA_DIR: dataDir }, 'asked@example.com\nasked-password-1\nAsked Admin\n');
    expect(prompted.output).toContain('E-mail:');
    expect(prompted.output).toContain('Superuser asked@example.com created');

    const api = await spawnApi({ DATA_DIR: dataDir });
    try {
      expect((await post(`${api.url}/api/auth/login`, { email: 'asked@example.com', password: 'asked-password-1' })).status).toBe(200);
      const login = await post(`${api.url}/api/auth/login`, { email: 'root@example.com', password: 'root-password-1' });
      expect(login.status).toBe(200);
      const body = (await login.json()) as { user: { role: string }; accessToken: string };
      expect(body.user.role).toBe('admin');
      const users = await fetch(`${api.url}/api/admin/users`, { headers: { authorization: `Bearer ${body.accessToken}` } });
      expect(users.status).toBe(200);
    } finally {
      await api.stop();
    }
  }, 600_000);

  it('an outbox event committed just before the process is killed is still there, and delivered after restart', async () => {
    const db = await createTestDatabase();
    try {
      const first = await spawnApi({ DATABASE_URL: db.url, OUTBOX_RELAY: 'off' });
      expect((await post(`${first.url}/api/auth/register`, { email: 'crash@example.com', password: 'crash-password', fullName: 'Crash' })).status).toBe(201);
      await first.stop('SIGKILL');
      const pending = await db.pool.query(`SELECT id FROM outbox_events WHERE type = 'customer.created' AND processed_at IS NULL`);
      expect(pending.rowCount).toBe(1);

      const second = await spawnApi({ DATABASE_URL: db.url, OUTBOX_INTERVAL_MS: '100' });
      try {
        await eventually(async () => {
          const processed = await db.pool.query('SELECT 1 FROM outbox_events WHERE id = $1 AND processed_at IS NOT NULL', [pending.rows[0].id]);
          expect(processed.rowCount).toBe(1);
        }, 30_000);
      } finally {
        await second.stop();
      }
    } finally {
      await db.drop();
    }
  }, 600_000);
});
