import type { DataSource, EntityManager } from 'typeorm';
import { declareActor } from '../audit/actor-context.js';
import { validationFailed } from '../errors/domain-error.js';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

export interface TransactionOptions {
  /** default: the server's, READ COMMITTED */
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  /** attempts in all, including the first */
  attempts?: number;
}

/**
 * Runs `work` in one PostgreSQL transaction: all of it commits or none (and a back-office
 * actor, when there is one, is declared to the audit triggers). A deadlock or
 * serialization failure rolls back and runs the whole unit again (with jittered backoff),
 * so `work` must do nothing outside the transaction that cannot be repeated.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      const unit = async (manager: EntityManager) => {
        await declareActor(manager);
        return work(manager);
      };
      // PostgreSQL's default is READ COMMITTED: naming it would cost a round trip per transaction
      return await (options.isolation ? dataSource.transaction(options.isolation, unit) : dataSource.transaction(unit));
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(pgCode(error) ?? '');
}

/** The SQLSTATE of a database error, wherever the driver put it. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a database error names (unique, check, foreign key), if any. */
export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = e?.driverError?.constraint ?? e?.constraint;
  return typeof name === 'string' ? name : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a write and turns a unique violation of one of the named constraints into a 400 on the
 * field it concerns (`{slug: 'is already used'}`); other errors pass through. The caller's
 * transaction rolls back either way.
 */
export async function withUniqueFields<T>(run: () => Promise<T>, fields: Record<string, Record<string, string>>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const constraint = pgConstraint(error);
    if (pgCode(error) === '23505' && constraint && fields[constraint]) throw validationFailed(fields[constraint]);
    throw error;
  }
}
