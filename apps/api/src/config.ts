import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '@chance/core';

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

/** Reads SPEC section 14's variables (and a few more, all optional) once at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dataDir = resolve(env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const adminDist = join(REPO_ROOT, 'dist/apps/admin');
  return {
    env: nodeEnv,
    port: int(env.PORT, 3000, 'PORT'),
    databaseUrl: env.DATABASE_URL || undefined,
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
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    rateLimits: {
      loginFailures: int(env.RATE_LIMIT_LOGIN_FAILURES, 10, 'RATE_LIMIT_LOGIN_FAILURES'),
      loginWindowSeconds: 15 * 60,
      registerPerMinute: int(env.RATE_LIMIT_REGISTER_PER_MINUTE, 30, 'RATE_LIMIT_REGISTER_PER_MINUTE'),
      otpRequests: int(env.RATE_LIMIT_OTP_REQUESTS, 5, 'RATE_LIMIT_OTP_REQUESTS'),
      otpWindowSeconds: 10 * 60,
    },
    outbox: { relay: env.OUTBOX_RELAY !== 'off', intervalMs: int(env.OUTBOX_INTERVAL_MS, 1000, 'OUTBOX_INTERVAL_MS') },
    payments: payments(int(env.PAYMENT_RECONCILE_AFTER_MS, 60_000, 'PAYMENT_RECONCILE_AFTER_MS')),
    storeCacheTtlMs: int(env.STORE_CACHE_TTL_MS, nodeEnv === 'test' ? 0 : 1000, 'STORE_CACHE_TTL_MS'),
    guestCartTtlDays: int(env.GUEST_CART_TTL_DAYS, 30, 'GUEST_CART_TTL_DAYS'),
    adminDistDir: existsSync(join(adminDist, 'index.html')) ? adminDist : undefined,
  };
}

/**
 * The provider call is abandoned after half the reconciliation delay (at most 30 s), so a charge
 * is never looked up (and, unknown to the provider, settled `failed`) while it may still be running.
 */
function payments(reconcileAfterMs: number): AppConfig['payments'] {
  if (reconcileAfterMs < 200) throw new Error('PAYMENT_RECONCILE_AFTER_MS must be at least 200');
  return { reconcileAfterMs, callTimeoutMs: Math.min(30_000, Math.floor(reconcileAfterMs / 2)) };
}

/** JWT_SECRET, or for local use one generated once and kept in DATA_DIR; production must set it. */
function jwtSecret(env: NodeJS.ProcessEnv, nodeEnv: string, dataDir: string): string {
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
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
