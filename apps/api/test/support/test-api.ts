import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OutboxRelay, type AppConfig } from '@chance/core';
import { createTestDatabase, type TestDatabase } from '@chance/core/testing';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  rawBody?: string;
  /** a multipart body (fetch sets its content type and boundary) */
  form?: FormData;
  token?: string;
  headers?: Record<string, string>;
}

/** Records what the app logs, so tests can read the console OTP sender and check logs for secrets. */
export class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  override log(message: unknown, ...rest: unknown[]): void {
    this.lines.push(String(message));
    void rest;
  }
  override warn(message: unknown): void {
    this.lines.push(String(message));
  }
  override error(message: unknown, ...rest: unknown[]): void {
    this.lines.push(`${String(message)} ${rest.map(String).join(' ')}`);
    super.error(message, ...rest);
  }
  override debug(): void {}
  override verbose(): void {}
}

export interface TestApi {
  url: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  logs: CapturingLogger;
  /** Fastify's own log lines (the request log), when started with `captureHttpLog` */
  httpLog: string[];
  /** MEDIA_DIR of this app (a temporary folder) */
  mediaDir: string;
  /** every SQL query the app ran while handling an HTTP request, in order (background jobs' are left out) */
  queries: string[];
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>;
  login(email: string, password: string): Promise<string>;
  registerCustomer(email?: string): Promise<{ token: string; refreshToken: string; id: number; email: string; password: string }>;
  close(): Promise<void>;
}

let counter = 0;
const inRequest = new AsyncLocalStorage<true>();
/** Requests to the API at `url` as TestApi.request makes them (JSON in and out, a bearer token, a form). */
export function requestTo(url: string): TestApi['request'] {
  return async <T>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.form ?? options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

/** Enough of a TestApi for the shop helpers (url and request), against an API running as its own process. */
export const processClient = (url: string): TestApi => ({ url, request: requestTo(url) }) as TestApi;

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

export interface TestApiOptions {
  /** keep Fastify's log lines (the request log) in `httpLog` instead of printing them */
  captureHttpLog?: boolean;
}

/** The real app over real HTTP on a database of its own. */
export async function startTestApi(env: Record<string, string> = {}, overrides: Partial<AppConfig> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  // uploaded images of this app only, removed with it
  const mediaDir = mkdtempSync(join(tmpdir(), 'chance-test-media-'));
  const loaded = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    OUTBOX_INTERVAL_MS: '200',
    DATA_DIR: '/nonexistent-test-data-dir',
    MEDIA_DIR: mediaDir,
    // every request of a test comes from 127.0.0.1: the per-IP and per-user limits of
    // docs/api.md#limits are out of the way unless a test sets them (the attack suite does)
    RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '100000',
    RATE_LIMIT_COUPON_TRIES_PER_MINUTE: '100000',
    RATE_LIMIT_GUEST_CARTS_PER_MINUTE: '100000',
    RATE_LIMIT_MESSAGES_PER_HOUR: '100000',
    RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR: '100000',
    // and so is the cap on one address's open connections (attack-connections tests it on a process of its own)
    MAX_CONNECTIONS_PER_IP: '0',
    ...env,
  });
  const config = { ...loaded, ...overrides };
  const logs = new CapturingLogger();
  const httpLog: string[] = [];
  const logStream = options.captureHttpLog ? { write: (line: string) => void httpLog.push(line) } : undefined;
  const queries: string[] = [];
  const queryLogger = {
    logQuery: (query: string) => {
      if (inRequest.getStore()) queries.push(query);
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  const app = await createApp(config, db.url, { logger: logs, queryLogger, logStream });
  // requests run inside this context; the outbox relay and scheduled jobs run outside it, so a
  // job that happens to poll during a request never shows up in that request's query count
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request: unknown, _reply: unknown, done: () => void) => inRequest.run(true, done));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request = requestTo(url);

  const api: TestApi = {
    url,
    app,
    db,
    logs,
    httpLog,
    mediaDir,
    queries,
    request,
    async login(email, password) {
      const reply = await request<any>('POST', '/api/auth/login', { body: { email, password } });
      if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
      return reply.body.accessToken;
    },
    async registerCustomer(email = `customer${++counter}-${Date.now()}@example.com`) {
      const password = 'customer-password-1';
      const reply = await request<any>('POST', '/api/auth/register', { body: { email, password, fullName: 'Casey Customer' } });
      if (reply.status !== 201) throw new Error(`register failed: ${reply.status} ${reply.text}`);
      return { token: reply.body.accessToken, refreshToken: reply.body.refreshToken, id: reply.body.user.id, email, password };
    },
    async close() {
      await app.close();
      await db.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  return api;
}

/** Asserts every invariant of the data holds (the integrity report names any breaking record). */
export async function expectIntegrity(api: TestApi): Promise<void> {
  const token = await api.login(ADMIN.email, ADMIN.password);
  // the checker flags events left undelivered for a minute: deliver everything due first (files
  // that run with the relay off, or a relay still working through a burst on a busy machine)
  await api.app.get(OutboxRelay).drain();
  const report = await api.request('GET', '/api/admin/reports/integrity', { token });
  const broken = report.body.checks.filter((c: { violations: number }) => c.violations > 0);
  if (broken.length) throw new Error(`invariants broken: ${JSON.stringify(broken, null, 2)}`);
  expect(report.body.ok).toBe(true);
}
