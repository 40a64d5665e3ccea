import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIN_JWT_SECRET_LENGTH, adminPasswordWeakness, defaultMaxConnections, jwtSecretWeakness, openFilesLimit, type AppConfig } from '@chance/core';

/** The repository root (this file runs from apps/api/src or dist/apps/api/src). */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'project.json'))) dir = dirname(dir);
  return dir;
})();

const int = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got "${value}"`);
  return Number(value);
};

/** Reads the variables of README.md's Configuration table once at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dataDir = resolve(env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const adminDist = join(REPO_ROOT, 'dist/apps/admin');
  const storefrontDist = join(REPO_ROOT, 'dist/apps/storefront');
  const port = int(env.PORT, 3000, 'PORT');
  const trustProxy = trustProxyHops(env.TRUST_PROXY);
  const webConcurrency = Math.max(1, int(env.WEB_CONCURRENCY, 1, 'WEB_CONCURRENCY'));
  return {
    env: nodeEnv,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagMs: int(env.DATABASE_REPLICA_MAX_LAG_MS, 1000, 'DATABASE_REPLICA_MAX_LAG_MS'),
    webConcurrency,
    dataDir,
    jwtSecret: jwtSecret(env, nodeEnv, dataDir),
    accessTokenTtlSeconds: int(env.ACCESS_TOKEN_TTL_SECONDS, 900, 'ACCESS_TOKEN_TTL_SECONDS'),
    refreshTokenTtlSeconds: int(env.REFRESH_TOKEN_TTL_DAYS, 30, 'REFRESH_TOKEN_TTL_DAYS') * 86_400,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024, 'BODY_LIMIT_BYTES'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: adminPassword(env, nodeEnv),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    rateLimits: {
      loginFailures: int(env.RATE_LIMIT_LOGIN_FAILURES, 10, 'RATE_LIMIT_LOGIN_FAILURES'),
      loginWindowSeconds: 15 * 60,
      registerPerMinute: int(env.RATE_LIMIT_REGISTER_PER_MINUTE, 30, 'RATE_LIMIT_REGISTER_PER_MINUTE'),
      otpRequests: int(env.RATE_LIMIT_OTP_REQUESTS, 5, 'RATE_LIMIT_OTP_REQUESTS'),
      otpWindowSeconds: 10 * 60,
      loginPerIpPerMinute: int(env.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE, 60, 'RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE'),
      couponTriesPerMinute: int(env.RATE_LIMIT_COUPON_TRIES_PER_MINUTE, 30, 'RATE_LIMIT_COUPON_TRIES_PER_MINUTE'),
      guestCartsPerMinute: int(env.RATE_LIMIT_GUEST_CARTS_PER_MINUTE, 60, 'RATE_LIMIT_GUEST_CARTS_PER_MINUTE'),
      messagesPerHour: int(env.RATE_LIMIT_MESSAGES_PER_HOUR, 10, 'RATE_LIMIT_MESSAGES_PER_HOUR'),
      messagesWindowSeconds: 60 * 60,
      passwordResetsPerEmail: int(env.RATE_LIMIT_PASSWORD_RESETS, 5, 'RATE_LIMIT_PASSWORD_RESETS'),
      passwordResetsPerIp: int(env.RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR, 30, 'RATE_LIMIT_PASSWORD_RESETS_PER_IP_PER_HOUR'),
      passwordResetWindowSeconds: 60 * 60,
    },
    passwordHashing: {
      // argon2 takes a whole core per hash (on libuv's pool of 4 threads): leave one core to serve
      // everything else (measured in docs/benchmarks.md, "Floods of sign-ins and registrations")
      // (per process: with WEB_CONCURRENCY processes, the cores are shared out among them)
      concurrency: Math.max(
        1,
        int(env.PASSWORD_HASH_CONCURRENCY, Math.floor(Math.min(4, availableParallelism() - 1) / webConcurrency), 'PASSWORD_HASH_CONCURRENCY'),
      ),
      queue: int(env.PASSWORD_HASH_QUEUE, 16, 'PASSWORD_HASH_QUEUE'),
    },
    outbox: { relay: env.OUTBOX_RELAY !== 'off', intervalMs: int(env.OUTBOX_INTERVAL_MS, 1000, 'OUTBOX_INTERVAL_MS') },
    payments: payments(int(env.PAYMENT_RECONCILE_AFTER_MS, 60_000, 'PAYMENT_RECONCILE_AFTER_MS')),
    storeCacheTtlMs: int(env.STORE_CACHE_TTL_MS, nodeEnv === 'test' ? 0 : 1000, 'STORE_CACHE_TTL_MS'),
    mediaDir: resolve(env.MEDIA_DIR || join(dataDir, 'media')),
    publicUrl: publicUrl(env.PUBLIC_URL, port),
    mail: {
      smtpUrl: smtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM || undefined,
      firstRetryDelayMs: int(env.EMAIL_RETRY_FIRST_DELAY_MS, 30_000, 'EMAIL_RETRY_FIRST_DELAY_MS'),
      concurrency: Math.max(1, int(env.EMAIL_CONCURRENCY, 4, 'EMAIL_CONCURRENCY')),
    },
    webhooks: {
      allowPrivateUrls: bool(env.WEBHOOK_ALLOW_PRIVATE_URLS, false, 'WEBHOOK_ALLOW_PRIVATE_URLS'),
      timeoutMs: Math.max(100, int(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS')),
      firstRetryDelayMs: int(env.WEBHOOK_RETRY_FIRST_DELAY_MS, 30_000, 'WEBHOOK_RETRY_FIRST_DELAY_MS'),
      concurrency: Math.max(1, int(env.WEBHOOK_CONCURRENCY, 16, 'WEBHOOK_CONCURRENCY')),
      perEndpoint: Math.max(1, int(env.WEBHOOK_CONCURRENCY_PER_ENDPOINT, 4, 'WEBHOOK_CONCURRENCY_PER_ENDPOINT')),
    },
    retention: { intervalMs: int(env.RETENTION_INTERVAL_MS, 10 * 60_000, 'RETENTION_INTERVAL_MS'), days: retentionDays(env) },
    adminDistDir: existsSync(join(adminDist, 'index.html')) ? adminDist : undefined,
    storefrontDistDir: existsSync(join(storefrontDist, 'index.html')) ? storefrontDist : undefined,
    trustProxyHops: trustProxy,
    http: {
      headersTimeoutMs: int(env.HEADERS_TIMEOUT_MS, 10_000, 'HEADERS_TIMEOUT_MS'),
      requestTimeoutMs: int(env.REQUEST_TIMEOUT_MS, 30_000, 'REQUEST_TIMEOUT_MS'),
      keepAliveTimeoutMs: int(env.KEEP_ALIVE_TIMEOUT_MS, 72_000, 'KEEP_ALIVE_TIMEOUT_MS'),
      maxConnections: int(env.MAX_CONNECTIONS, defaultMaxConnections(openFilesLimit()), 'MAX_CONNECTIONS'),
      // behind proxies every connection comes from a proxy: they limit clients, not this process
      maxConnectionsPerIp: int(env.MAX_CONNECTIONS_PER_IP, trustProxy > 0 ? 0 : 256, 'MAX_CONNECTIONS_PER_IP'),
    },
  };
}

const bool = (value: string | undefined, fallback: boolean, name: string): boolean => {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got "${value}"`);
};

/** PUBLIC_URL: an http(s) address without a trailing slash; default http://localhost:<PORT>. */
function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) address, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must be an http(s) address, got "${value}"`);
  return url.toString().replace(/\/+$/, '');
}

/** SMTP_URL: smtp:// or smtps:// (the error never repeats the value: it may hold a password). */
function smtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    /* refused below */
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error('SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)');
  return value;
}

/**
 * The days each retention variable keeps (`RETENTION_<WHAT>_DAYS`, and `GUEST_CART_TTL_DAYS`):
 * a number of days, fractions allowed (0.25 is six hours); 0 keeps every row. The rules that read
 * them are registered by the libraries owning the tables (docs/operations.md, "Retention").
 */
export function retentionDays(env: NodeJS.ProcessEnv): Record<string, number> {
  const days: Record<string, number> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!/^RETENTION_[A-Z0-9_]+_DAYS$/.test(name) && name !== 'GUEST_CART_TTL_DAYS') continue;
    if (value === undefined || value === '') continue;
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`${name} must be a number of days (0 keeps everything), got "${value}"`);
    days[name] = Number(value);
  }
  return days;
}

/**
 * The provider call is abandoned after half the reconciliation delay (at most 30 s), so a charge
 * is never looked up (and, unknown to the provider, settled `failed`) while it may still be running.
 */
function payments(reconcileAfterMs: number): AppConfig['payments'] {
  if (reconcileAfterMs < 200) throw new Error('PAYMENT_RECONCILE_AFTER_MS must be at least 200');
  return { reconcileAfterMs, callTimeoutMs: Math.min(30_000, Math.floor(reconcileAfterMs / 2)) };
}

/**
 * TRUST_PROXY: how many proxies (load balancers) in front of the API append to X-Forwarded-For;
 * the client is the address the outermost trusted one saw, never an entry a client wrote itself
 * (docs/api.md#limits). `true` is read as 1 hop (its meaning before hop counts), `false` as 0.
 */
export function trustProxyHops(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  if (!/^\d{1,2}$/.test(value)) throw new Error(`TRUST_PROXY must be the number of proxy hops in front of the API (0, 1, 2, ...), got "${value}"`);
  return Number(value);
}

/**
 * JWT_SECRET, or for local use one generated once and kept in DATA_DIR; production must set a
 * strong one (docs/api.md#limits): a placeholder would let anyone sign an admin token.
 */
function jwtSecret(env: NodeJS.ProcessEnv, nodeEnv: string, dataDir: string): string {
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < MIN_JWT_SECRET_LENGTH) throw new Error(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
    const weakness = nodeEnv === 'production' ? jwtSecretWeakness(env.JWT_SECRET) : null;
    if (weakness) throw new Error(`JWT_SECRET ${weakness}: with NODE_ENV=production set at least 32 random characters (openssl rand -base64 48)`);
    return env.JWT_SECRET;
  }
  if (nodeEnv === 'production') throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** ADMIN_PASSWORD (optional); with NODE_ENV=production it must not be a placeholder or shorter than 12 characters. */
function adminPassword(env: NodeJS.ProcessEnv, nodeEnv: string): string | undefined {
  const password = env.ADMIN_PASSWORD || undefined;
  const weakness = password && nodeEnv === 'production' ? adminPasswordWeakness(password) : null;
  if (weakness) throw new Error(`ADMIN_PASSWORD ${weakness}: with NODE_ENV=production choose a real password of at least 12 characters`);
  return password;
}
