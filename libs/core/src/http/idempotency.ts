import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, validationFailed } from '../errors/domain-error.js';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** Canonical JSON (sorted keys) hashed: two bodies with the same content hash alike. */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

export function assertIdempotencyKey(key: string | undefined): string {
  if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw validationFailed({ 'Idempotency-Key': 'send a header Idempotency-Key of 1 to 255 visible characters' });
  }
  return key;
}

/**
 * Runs `work` at most once per (scope, key), inside the caller's transaction (SPEC section 6):
 * the same key and body replays the stored result; another body is 422 IDEMPOTENCY_KEY_REUSED;
 * while the first request still runs, 409 IDEMPOTENCY_IN_PROGRESS (a transaction-level advisory
 * lock, so a crashed request frees its key). The result is stored in the same transaction as
 * the work, so a failure stores nothing and may be retried with the same key. `last`, when the
 * work returns it, runs after the result is stored: the statement before the commit.
 */
export async function idempotent<T>(
  manager: EntityManager,
  request: { scope: string; key: string; hash: string },
  work: () => Promise<{ status: number; body: T; last?: () => Promise<void> }>,
): Promise<IdempotentResult<T>> {
  const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked', [request.scope, request.key]);
  if (!locked) throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
  const [stored] = await manager.query('SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2', [
    request.scope,
    request.key,
  ]);
  if (stored) {
    if (stored.request_hash !== request.hash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    return { status: stored.response_status, body: stored.response_body as T, replayed: true };
  }
  const { status, body, last } = await work();
  await manager.query('INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, $4, $5)', [
    request.scope,
    request.key,
    request.hash,
    status,
    JSON.stringify(body),
  ]);
  // the work's step that locks what every request queues for (a gapless counter), held until commit
  if (last) await last();
  return { status, body, replayed: false };
}
