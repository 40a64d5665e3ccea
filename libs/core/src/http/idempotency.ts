import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
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

/** The key's stored request: replayed, refused (another body: 422; still running: 409), or absent. */
async function storedResult<T>(manager: EntityManager, request: IdempotencyRequest): Promise<IdempotentResult<T> | null> {
  const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked', [request.scope, request.key]);
  if (!locked) throw inProgress();
  const [stored] = await manager.query('SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2', [
    request.scope,
    request.key,
  ]);
  if (!stored) return null;
  if (stored.request_hash !== request.hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
  }
  // claimed by a request whose outcome is still being settled (see claimIdempotencyKey)
  if (stored.response_status === null) throw inProgress();
  return { status: stored.response_status, body: stored.response_body as T, replayed: true };
}

const inProgress = () => new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');

export interface IdempotencyRequest {
  scope: string;
  key: string;
  hash: string;
}

/**
 * Runs `work` at most once per (scope, key), inside the caller's transaction (docs/api.md#idempotency):
 * the same key and body replays the stored result; another body is 422 IDEMPOTENCY_KEY_REUSED;
 * while the first request still runs, 409 IDEMPOTENCY_IN_PROGRESS (a transaction-level advisory
 * lock, so a crashed request frees its key). The result is stored in the same transaction as
 * the work, so a failure stores nothing and may be retried with the same key. `last`, when the
 * work returns it, runs after the result is stored: the statement before the commit.
 */
export async function idempotent<T>(
  manager: EntityManager,
  request: IdempotencyRequest,
  work: () => Promise<{ status: number; body: T; last?: () => Promise<void> }>,
): Promise<IdempotentResult<T>> {
  const stored = await storedResult<T>(manager, request);
  if (stored) return stored;
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

/**
 * The two-transaction form of `idempotent()`, for a request with an external call between its
 * transactions (docs/architecture.md, Transactions): the first transaction claims the key (the stored
 * result when there is one, else the key is written "in progress" together with the intent),
 * and the transaction that settles the outcome completes it (`completeIdempotencyKey`). Until
 * then, the same key is 409 IDEMPOTENCY_IN_PROGRESS, even after a crash: whoever settles the
 * intent (the request itself or a reconciliation job) completes the key in the same transaction.
 * A first transaction that fails claims nothing.
 */
export async function claimIdempotencyKey<T>(manager: EntityManager, request: IdempotencyRequest): Promise<IdempotentResult<T> | null> {
  const stored = await storedResult<T>(manager, request);
  if (stored) return stored;
  await manager.query('INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)', [request.scope, request.key, request.hash]);
  return null;
}

/** Stores the result of a key claimed by `claimIdempotencyKey` (a no-op once it is stored). */
export async function completeIdempotencyKey(
  manager: EntityManager,
  key: { scope: string; key: string },
  result: { status: number; body: unknown },
): Promise<void> {
  await manager.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2 AND response_status IS NULL', [
    key.scope,
    key.key,
    result.status,
    JSON.stringify(result.body),
  ]);
}

/** The stored result of a key, or null while it is in progress or unknown. */
export async function idempotencyResult<T>(manager: EntityManager, key: { scope: string; key: string }): Promise<IdempotentResult<T> | null> {
  const [stored] = await manager.query('SELECT response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2', [key.scope, key.key]);
  if (!stored || stored.response_status === null) return null;
  return { status: stored.response_status, body: stored.response_body as T, replayed: true };
}

/** An optional `Idempotency-Key` header: undefined when absent, else checked as for checkout. */
export function optionalIdempotencyKey(key: string | undefined): string | undefined {
  return key === undefined ? undefined : assertIdempotencyKey(key);
}

/**
 * The raw `Idempotency-Key` header of the request (check it with `assertIdempotencyKey` or
 * `optionalIdempotencyKey`). A parameter decorator of its own rather than `@Headers()`, which
 * would document a second, lower-case and always required header: `ApiIdempotencyKey` documents it.
 */
export const IdempotencyKeyHeader = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
  return Array.isArray(value) ? value.join(', ') : value;
});

/** The `Idempotency-Key` header in the OpenAPI document, described once for every endpoint that takes it. */
export function ApiIdempotencyKey(required: boolean): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required,
    example: '5f0c8e2a-9b1d-4c3e-8a7f-2d6b1e9c4a30',
    description:
      'At most 255 visible characters, unique per request. Retrying with the same key and body replays the first result (and sets ' +
      'Idempotent-Replayed: true) instead of doing it again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED; while the ' +
      'first request with it is still running, 409 IDEMPOTENCY_IN_PROGRESS. Keys are kept at least 24 hours.' +
      (required ? '' : ' Optional: without it, every request is a new one.'),
  });
}
