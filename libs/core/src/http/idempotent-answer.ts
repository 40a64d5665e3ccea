import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorBody } from '../errors/error-body.js';
import type { ErrorCode } from '../errors/error-codes.js';
import type { IdempotentResult } from './idempotency.js';

/**
 * A command's result as the response (docs/api.md#idempotency): its status, and
 * `Idempotent-Replayed: true` when it is the stored result of an earlier request with the key.
 */
export function replyWith<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) reply.header('Idempotent-Replayed', 'true');
  reply.status(result.status);
  return result.body;
}

/**
 * The result of a command whose key may also store a refusal (a declined card charge or refund,
 * kept so a retry answers alike): a success as it is, a refusal thrown again as the DomainError
 * it was (replayed: with `Idempotent-Replayed: true`). Such refusals carry a field map, never a
 * file's rows.
 */
export function unlessRefused<T>(result: IdempotentResult<T | ErrorBody>): IdempotentResult<T> {
  if (result.status < 400) return result as IdempotentResult<T>;
  const body = result.body as ErrorBody;
  const errors = Array.isArray(body.errors) ? undefined : body.errors;
  throw new DomainError(body.code as ErrorCode, body.message, errors, result.replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
}
